import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { QuestionnaireForm } from "@/components/events/questionnaire-form";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/page-header";
import { requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { getQuestionnaire } from "@/lib/events/questionnaire-templates";
import { NotFoundError } from "@/lib/errors";
import { SettingsFormHeader } from "../../settings-list-header";

export async function generateMetadata() {
  return { title: (await getTranslations("settings.questionnaires"))("editTitle") };
}

export default async function EditQuestionnairePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireStaff();
  const questionnaire = await getQuestionnaire(db, actor, (await params).id).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const t = await getTranslations("settings.questionnaires");
  return (
    <>
      <SettingsFormHeader title={t("editTitle")} backHref="/admin/settings/questionnaires" />
      <div className="mb-4">
        <Alert tone="info">{t("snapshotNote")}</Alert>
      </div>
      <Card>
        <QuestionnaireForm id={questionnaire.id} defaults={{ name: questionnaire.name, questions: questionnaire.questions }} />
      </Card>
    </>
  );
}
