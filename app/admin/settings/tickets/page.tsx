import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ActionButton, MoveButtons } from "@/components/tickets/settings/action-button";
import { DefaultAttendantForm } from "@/components/tickets/settings/default-attendant-form";
import { Notice } from "@/components/tickets/settings/type-header";
import { ActiveBadge } from "@/components/ui/active-badge";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { Card, PageHeader } from "@/components/ui/page-header";
import { requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { localizedName } from "@/lib/i18n/labels";
import { first, type SearchParams } from "@/lib/pagination";
import { moveGroupAction, setGroupActiveAction } from "@/lib/tickets/settings/type-actions";
import { defaultAttendantId, defaultAttendantState } from "@/lib/tickets/settings/default-attendant";
import { listGroupsWithTypes } from "@/lib/tickets/settings/groups-types";
import { activeStaffOptions } from "@/lib/tickets/settings/shared";

const BASE = "/admin/settings/tickets";

export async function generateMetadata() {
  return { title: (await getTranslations("ticketSettings"))("title") };
}

export default async function TicketSettingsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireStaff();
  const notice = first((await searchParams).notice);
  const [t, tc, locale] = await Promise.all([getTranslations("ticketSettings"), getTranslations("common"), getLocale()]);
  const [storedGroups, attendantId, attendantState, staff] = await Promise.all([
    listGroupsWithTypes(db, actor),
    defaultAttendantId(db, actor),
    defaultAttendantState(db),
    activeStaffOptions(db),
  ]);
  // Names in the reader's language; the edit forms keep the base name and every translation.
  const groups = storedGroups.map((g) => ({ ...g, name: localizedName(g, locale), types: g.types.map((ty) => ({ ...ty, name: localizedName(ty, locale) })) }));
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <>
            <Link href={`${BASE}/groups/new`} className={buttonClass("secondary")}>
              {t("groups.new")}
            </Link>
            <Link href={`${BASE}/types/new`} className={buttonClass()}>
              {t("types.new")}
            </Link>
            <Link href="/admin/settings" className="self-center text-sm text-indigo-700 underline">
              {tc("back")}
            </Link>
          </>
        }
      />
      <Notice notice={notice} known={["groupCreated", "groupDeleted", "groupArchived", "typeDeleted"]} />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <h2 className="text-lg font-medium">{t("groups.title")}</h2>
          {groups.length === 0 ? (
            <p className="rounded-md border border-dashed border-slate-300 p-8 text-center text-sm text-slate-600">{t("groups.empty")}</p>
          ) : null}
          {groups.map((g, index) => (
            <Card key={g.id}>
              <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
                <h3 className="flex items-center gap-2 text-base font-medium">
                  <Link href={`${BASE}/groups/${g.id}`} className="text-indigo-700 underline">
                    {g.name}
                  </Link>
                  <ActiveBadge active={g.active} />
                </h3>
                <span className="flex items-center gap-2">
                  <MoveButtons
                    move={moveGroupAction.bind(null, g.id)}
                    first={index === 0}
                    last={index === groups.length - 1}
                    upLabel={t("moveUp", { name: g.name })}
                    downLabel={t("moveDown", { name: g.name })}
                  />
                  <ActionButton action={setGroupActiveAction.bind(null, g.id, !g.active)}>{g.active ? t("deactivate") : t("activate")}</ActionButton>
                  <Link href={`${BASE}/types/new?groupId=${g.id}`} className="text-sm text-indigo-700 underline">
                    {t("types.newInGroup")}
                  </Link>
                </span>
              </div>
              <DataTable
                caption={t("types.caption", { group: g.name })}
                rows={g.types}
                rowKey={(ty) => ty.id}
                empty={t("types.empty")}
                columns={[
                  {
                    header: tc("name"),
                    cell: (ty) => (
                      <Link href={`${BASE}/types/${ty.id}`} className="text-indigo-700 underline">
                        {ty.name}
                      </Link>
                    ),
                  },
                  { header: t("types.stages"), cell: (ty) => ty._count.stages },
                  { header: t("types.fields"), cell: (ty) => ty._count.fields },
                  { header: t("types.tickets"), cell: (ty) => ty._count.tickets },
                  { header: tc("status"), cell: (ty) => <ActiveBadge active={ty.active} /> },
                ]}
              />
            </Card>
          ))}
        </div>
        <div className="space-y-6">
          <Card>
            <h2 className="mb-3 text-lg font-medium">{t("defaultAttendant.title")}</h2>
            {attendantState !== "ok" ? (
              <div className="mb-4">
                <Alert tone="warning">{t(`defaultAttendant.${attendantState}`)}</Alert>
              </div>
            ) : null}
            <DefaultAttendantForm attendantId={attendantState === "ok" ? (attendantId ?? "") : ""} staff={staff} />
          </Card>
          <Card>
            <h2 className="text-lg font-medium">
              <Link href={`${BASE}/teams`} className="text-indigo-700 underline">
                {t("teams.title")}
              </Link>
            </h2>
            <p className="mt-1 text-sm text-slate-600">{t("teams.description")}</p>
          </Card>
        </div>
      </div>
    </>
  );
}
