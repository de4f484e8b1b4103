import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ActiveBadge } from "@/components/ui/active-badge";
import { DataTable } from "@/components/ui/data-table";
import { requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { listEventPlaces } from "@/lib/events/event-settings";
import { first, type SearchParams } from "@/lib/pagination";
import { SettingsListHeader } from "../settings-list-header";

export async function generateMetadata() {
  return { title: (await getTranslations("settings.places"))("title") };
}

export default async function EventPlacesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireStaff();
  const created = Boolean(first((await searchParams).created));
  const [t, tc] = await Promise.all([getTranslations("settings.places"), getTranslations("common")]);
  const rows = await listEventPlaces(db, actor);
  return (
    <>
      <SettingsListHeader title={t("title")} newHref="/admin/settings/event-places/new" newLabel={t("new")} created={created} />
      <DataTable
        caption={t("title")}
        rows={rows}
        rowKey={(r) => r.id}
        empty={tc("empty")}
        columns={[
          {
            header: tc("name"),
            cell: (r) => (
              <Link href={`/admin/settings/event-places/${r.id}`} className="text-indigo-700 underline">
                {r.name}
              </Link>
            ),
          },
          { header: t("address"), cell: (r) => r.address || tc("none") },
          { header: t("isDefaultPublic"), cell: (r) => (r.isDefaultPublic ? tc("yes") : tc("no")) },
          { header: tc("status"), cell: (r) => <ActiveBadge active={r.active} /> },
        ]}
      />
    </>
  );
}
