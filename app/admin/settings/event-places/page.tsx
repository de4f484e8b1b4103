import { getTranslations } from "next-intl/server";
import { requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { listEventPlaces } from "@/lib/events/event-settings";
import { first, type SearchParams } from "@/lib/pagination";
import { SettingsList } from "../settings-list";

export async function generateMetadata() {
  return { title: (await getTranslations("settings.places"))("title") };
}

export default async function EventPlacesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireStaff();
  const created = Boolean(first((await searchParams).created));
  const [t, tc] = await Promise.all([getTranslations("settings.places"), getTranslations("common")]);
  const rows = await listEventPlaces(db, actor);
  return (
    <SettingsList
      title={t("title")}
      newLabel={t("new")}
      basePath="/admin/settings/event-places"
      rows={rows}
      created={created}
      columns={[
        { header: t("address"), cell: (r) => r.address || tc("none") },
        { header: t("isDefaultPublic"), cell: (r) => (r.isDefaultPublic ? tc("yes") : tc("no")) },
      ]}
    />
  );
}
