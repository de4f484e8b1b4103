import { getTranslations } from "next-intl/server";
import { requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { listQuestionnaires } from "@/lib/events/questionnaire-templates";
import { first, type SearchParams } from "@/lib/pagination";
import { SettingsList } from "../settings-list";

export async function generateMetadata() {
  return { title: (await getTranslations("settings.questionnaires"))("title") };
}

export default async function QuestionnairesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireStaff();
  const created = Boolean(first((await searchParams).created));
  const t = await getTranslations("settings.questionnaires");
  const rows = await listQuestionnaires(db, actor);
  return (
    <SettingsList
      title={t("title")}
      newLabel={t("new")}
      basePath="/admin/settings/questionnaires"
      rows={rows}
      created={created}
      columns={[{ header: t("questions"), cell: (r) => r.questionCount }]}
    />
  );
}
