import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import { requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { listQuestionnaires } from "@/lib/events/questionnaire-templates";
import { first, type SearchParams } from "@/lib/pagination";
import { SettingsListHeader } from "../settings-list-header";

export async function generateMetadata() {
  return { title: (await getTranslations("settings.questionnaires"))("title") };
}

export default async function QuestionnairesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireStaff();
  const created = Boolean(first((await searchParams).created));
  const [t, tc] = await Promise.all([getTranslations("settings.questionnaires"), getTranslations("common")]);
  const rows = await listQuestionnaires(db, actor);
  return (
    <>
      <SettingsListHeader title={t("title")} newHref="/admin/settings/questionnaires/new" newLabel={t("new")} created={created} />
      <DataTable
        caption={t("title")}
        rows={rows}
        rowKey={(r) => r.id}
        empty={tc("empty")}
        columns={[
          {
            header: tc("name"),
            cell: (r) => (
              <Link href={`/admin/settings/questionnaires/${r.id}`} className="text-indigo-700 underline">
                {r.name}
              </Link>
            ),
          },
          { header: t("questions"), cell: (r) => r.questionCount },
        ]}
      />
    </>
  );
}
