import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { EventStatusBadge } from "@/components/events/event-status-badge";
import { buttonClass } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { FilterSelect } from "@/components/ui/filter-select";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { SearchForm } from "@/components/ui/search-form";
import { requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { listEvents, parseEventListQuery } from "@/lib/events/event-list";
import { EventStatus } from "@/lib/generated/prisma/enums";
import type { SearchParams } from "@/lib/pagination";

export async function generateMetadata() {
  return { title: (await getTranslations("events.admin"))("title") };
}

export default async function EventsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireStaff();
  const params = await searchParams;
  const query = parseEventListQuery(params);
  const [t, tc, ts, format] = await Promise.all([getTranslations("events.admin"), getTranslations("common"), getTranslations("events.status"), getFormatter()]);
  const page = await listEvents(db, actor, query);
  const filtered = Boolean(query.q || query.status);
  return (
    <>
      <PageHeader
        title={t("title")}
        actions={
          <Link href="/admin/events/new" className={buttonClass()}>
            {t("new")}
          </Link>
        }
      />
      <SearchForm q={query.q}>
        <FilterSelect
          name="status"
          label={tc("status")}
          allLabel={tc("allStatuses")}
          value={query.status}
          options={Object.values(EventStatus).map((s) => ({ value: s, label: ts(s) }))}
        />
      </SearchForm>
      <DataTable
        caption={t("title")}
        rows={page.rows}
        rowKey={(e) => e.id}
        empty={filtered ? tc("noMatches") : tc("empty")}
        columns={[
          { header: t("number"), cell: (e) => `#${e.number}`, className: "whitespace-nowrap" },
          {
            header: t("name"),
            cell: (e) => (
              <>
                <Link href={`/admin/events/${e.id}`} className="text-indigo-700 underline">
                  {e.name}
                </Link>
                {e.mainEvent ? <span className="block text-xs text-slate-600">{t("sessionOf", { number: e.mainEvent.number })}</span> : null}
              </>
            ),
          },
          { header: t("type"), cell: (e) => e.type.name },
          { header: t("startsAt"), cell: (e) => format.dateTime(e.startsAt, { dateStyle: "medium", timeStyle: "short", timeZone: e.timeZone }) },
          {
            header: t("occupancy"),
            cell: (e) => t("occupancyValue", { registered: e.registeredCount, seats: e.seats, reserve: e.reserveCount, reserveSeats: e.reserveSeats }),
          },
          { header: tc("status"), cell: (e) => <EventStatusBadge status={e.status} /> },
        ]}
      />
      <Pagination basePath="/admin/events" params={params} page={page.page} pageCount={page.pageCount} total={page.total} />
    </>
  );
}
