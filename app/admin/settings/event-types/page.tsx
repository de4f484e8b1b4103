import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ActiveBadge } from "@/components/ui/active-badge";
import { DataTable } from "@/components/ui/data-table";
import { requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { listEventTypes } from "@/lib/events/event-settings";
import { first, type SearchParams } from "@/lib/pagination";
import { SettingsListHeader } from "../settings-list-header";

export async function generateMetadata() {
  return { title: (await getTranslations("settings.types"))("title") };
}

export default async function EventTypesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireStaff();
  const created = Boolean(first((await searchParams).created));
  const [t, tc] = await Promise.all([getTranslations("settings.types"), getTranslations("common")]);
  const rows = await listEventTypes(db, actor);
  return (
    <>
      <SettingsListHeader title={t("title")} newHref="/admin/settings/event-types/new" newLabel={t("new")} created={created} />
      <DataTable
        caption={t("title")}
        rows={rows}
        rowKey={(r) => r.id}
        empty={tc("empty")}
        columns={[
          {
            header: tc("name"),
            cell: (r) => (
              <Link href={`/admin/settings/event-types/${r.id}`} className="text-indigo-700 underline">
                {r.name}
              </Link>
            ),
          },
          { header: t("isPublic"), cell: (r) => (r.isPublic ? tc("yes") : tc("no")) },
          { header: tc("status"), cell: (r) => <ActiveBadge active={r.active} /> },
        ]}
      />
    </>
  );
}
