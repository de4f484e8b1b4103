import { getTranslations } from "next-intl/server";
import { requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { listEventTypes } from "@/lib/events/event-settings";
import { first, type SearchParams } from "@/lib/pagination";
import { SettingsList } from "../settings-list";

export async function generateMetadata() {
  return { title: (await getTranslations("settings.types"))("title") };
}

export default async function EventTypesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireStaff();
  const created = Boolean(first((await searchParams).created));
  const [t, tc] = await Promise.all([getTranslations("settings.types"), getTranslations("common")]);
  const rows = await listEventTypes(db, actor);
  return (
    <SettingsList
      title={t("title")}
      newLabel={t("new")}
      basePath="/admin/settings/event-types"
      rows={rows}
      created={created}
      columns={[{ header: t("isPublic"), cell: (r) => (r.isPublic ? tc("yes") : tc("no")) }]}
    />
  );
}
