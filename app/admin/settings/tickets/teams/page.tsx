import { getTranslations } from "next-intl/server";
import { Notice } from "@/components/tickets/settings/type-header";
import { requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { first, type SearchParams } from "@/lib/pagination";
import { listTeams } from "@/lib/tickets/settings/teams";
import { SettingsList } from "../../settings-list";

export async function generateMetadata() {
  return { title: (await getTranslations("ticketSettings.teams"))("title") };
}

export default async function StaffTeamsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireStaff();
  const query = await searchParams;
  const t = await getTranslations("ticketSettings.teams");
  const rows = await listTeams(db, actor);
  return (
    <>
      <Notice notice={first(query.notice)} known={["teamDeleted"]} />
      <SettingsList
        title={t("title")}
        newLabel={t("new")}
        basePath="/admin/settings/tickets/teams"
        rows={rows}
        created={Boolean(first(query.created))}
        columns={[
          { header: t("members"), cell: (r) => r._count.members },
          { header: t("stages"), cell: (r) => r._count.stages },
        ]}
      />
    </>
  );
}
