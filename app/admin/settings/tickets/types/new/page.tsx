import { getTranslations } from "next-intl/server";
import { TypeForm } from "@/components/tickets/settings/type-form";
import { Card } from "@/components/ui/page-header";
import { requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { isUuid } from "@/lib/db/query-guards";
import { first, type SearchParams } from "@/lib/pagination";
import { listGroupOptions } from "@/lib/tickets/settings/groups-types";
import { SettingsFormHeader } from "../../../settings-list-header";

export async function generateMetadata() {
  return { title: (await getTranslations("ticketSettings.types"))("new") };
}

export default async function NewTicketTypePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireStaff();
  const requested = first((await searchParams).groupId);
  const [t, groups] = await Promise.all([getTranslations("ticketSettings.types"), listGroupOptions(db, actor)]);
  const groupId = isUuid(requested) && groups.some((g) => g.id === requested) ? requested : "";
  return (
    <>
      <SettingsFormHeader title={t("new")} backHref="/admin/settings/tickets" />
      <Card>
        {groups.length === 0 ? (
          <p className="text-sm text-slate-600">{t("needsGroup")}</p>
        ) : (
          <TypeForm groups={groups} defaults={{ groupId, name: "", description: "", active: true }} />
        )}
      </Card>
    </>
  );
}
