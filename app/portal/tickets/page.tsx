import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PortalFilterTabs } from "@/components/tickets/portal-filter-tabs";
import { TicketStatusBadge, TurnBadge } from "@/components/tickets/ticket-badges";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { SearchForm } from "@/components/ui/search-form";
import { requireClient } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { localizedName } from "@/lib/i18n/labels";
import type { SearchParams } from "@/lib/pagination";
import { listClientTickets } from "@/lib/tickets/lists";
import { defaultAttendant } from "@/lib/tickets/settings/default-attendant";

export async function generateMetadata() {
  return { title: (await getTranslations("tickets.portal"))("title") };
}

export default async function PortalTicketsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireClient();
  const params = await searchParams;
  const [t, format, locale, list, attendant] = await Promise.all([
    getTranslations("tickets.portal"),
    getFormatter(),
    getLocale(),
    listClientTickets(db, actor, params),
    defaultAttendant(db),
  ]);
  // Without a default attendant no portal movement can be recorded, so nothing can be opened.
  const ready = attendant !== null;
  const empty = list.q ? t("noMatches") : t(`empty.${list.filter}`);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("intro")}
        actions={
          ready ? (
            <Link href="/portal/tickets/new" className={buttonClass()}>
              {t("newTicket")}
            </Link>
          ) : null
        }
      />
      {ready ? null : (
        <div className="mb-4">
          <Alert tone="warning">{t("notReady")}</Alert>
        </div>
      )}
      <PortalFilterTabs current={list.filter} counts={list.counts} q={list.q} />
      <SearchForm q={list.q}>{list.filter !== "all" ? <input type="hidden" name="filter" value={list.filter} /> : null}</SearchForm>
      <DataTable
        caption={t("title")}
        rows={list.rows}
        rowKey={(r) => r.id}
        empty={empty}
        columns={[
          {
            header: t("columns.number"),
            className: "whitespace-nowrap",
            cell: (r) => (
              <Link href={`/portal/tickets/${r.number}`} className="text-indigo-700 underline">
                #{r.number}
              </Link>
            ),
          },
          {
            header: t("columns.subject"),
            cell: (r) => (
              <>
                <Link href={`/portal/tickets/${r.number}`} className="font-medium text-slate-900 hover:underline">
                  {r.subject}
                </Link>
                <span className="block text-xs text-slate-600">
                  {localizedName(r.group, locale)} · {localizedName(r.type, locale)}
                  {r.customer ? ` · ${r.customer.name}` : ""}
                </span>
              </>
            ),
          },
          { header: t("columns.stage"), cell: (r) => localizedName(r.stage, locale) },
          {
            header: t("columns.status"),
            cell: (r) => (
              <span className="flex flex-wrap gap-1">
                <TicketStatusBadge status={r.status} />
                <TurnBadge status={r.status} responsible={r.responsible} audience="portal" />
              </span>
            ),
          },
          {
            header: t("columns.updatedAt"),
            className: "whitespace-nowrap",
            cell: (r) => format.dateTime(r.updatedAt, { dateStyle: "medium", timeStyle: "short" }),
          },
        ]}
      />
      <Pagination basePath="/portal/tickets" params={params} page={list.page} pageCount={list.pageCount} total={list.total} />
    </>
  );
}
