import { getTranslations } from "next-intl/server";
import { QuestionnaireForm } from "@/components/events/questionnaire-form";
import { Card } from "@/components/ui/page-header";
import { requireStaff } from "@/lib/auth/session";
import { SettingsFormHeader } from "../../settings-list-header";

export async function generateMetadata() {
  return { title: (await getTranslations("settings.questionnaires"))("new") };
}

export default async function NewQuestionnairePage() {
  await requireStaff();
  const t = await getTranslations("settings.questionnaires");
  return (
    <>
      <SettingsFormHeader title={t("new")} backHref="/admin/settings/questionnaires" />
      <Card>
        <QuestionnaireForm defaults={{ name: "", questions: [] }} />
      </Card>
    </>
  );
}
