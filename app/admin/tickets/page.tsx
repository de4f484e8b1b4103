// The staff queue: filters in the URL, one page query plus
// one count (lib/tickets/lists.ts), oldest-updated last.
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { AssigneeTabs, QueueFilters } from "@/components/tickets/staff/queue-filters";
import { useDurationText } from "@/components/tickets/stage-history";
import { TicketStatusBadge, TurnBadge } from "@/components/tickets/ticket-badges";
import { Alert } from "@/components/ui/alert";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requireStaff } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { TicketStatus } from "@/lib/generated/prisma/enums";
import { localizedName } from "@/lib/i18n/labels";
import { first, type SearchParams } from "@/lib/pagination";
import { listStaffQueue, staffQueueChoices } from "@/lib/tickets/lists";

export async function generateMetadata() {
  return { title: (await getTranslations("tickets.staff"))("queueTitle") };
}

/** How long a ticket has waited in its stage, in the stage history's units. */
function DurationText({ ms }: { ms: number }) {
  return <>{useDurationText()(ms)}</>;
}

export default async function StaffTicketQueuePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireStaff();
  const { deleted, ...params } = await searchParams;
  const locale = await getLocale();
  const [t, ts, tc, format, queue, choices] = await Promise.all([
    getTranslations("tickets.staff"),
    getTranslations("tickets.summary"),
    getTranslations("common"),
    getFormatter(),
    listStaffQueue(db, actor, params),
    staffQueueChoices(db, actor, locale),
  ]);
  const { filters } = queue;
  const filtered = Boolean(
    queue.q ||
    filters.assignee ||
    filters.groupId ||
    filters.typeId ||
    filters.stageId ||
    filters.responsible ||
    filters.olderThanDays ||
    filters.status !== TicketStatus.OPEN,
  );
  const at = now().getTime();
  return (
    <>
      <PageHeader title={t("queueTitle")} description={t("queueIntro")} />
      {first(deleted) ? (
        <div className="mb-4">
          <Alert tone="success">{t("deleted")}</Alert>
        </div>
      ) : null}
      <AssigneeTabs params={params} current={filters.assignee} />
      <QueueFilters filters={filters} q={queue.q} choices={choices} />
      <DataTable
        caption={t("queueTitle")}
        rows={queue.rows}
        rowKey={(r) => r.id}
        empty={filtered ? t("queueNoMatches") : t("queueEmpty")}
        columns={[
          {
            header: ts("number"),
            className: "whitespace-nowrap",
            cell: (r) => (
              <Link href={`/admin/tickets/${r.number}`} className="text-indigo-700 underline">
                #{r.number}
              </Link>
            ),
          },
          { header: t("subject"), cell: (r) => r.subject },
          { header: ts("customer"), cell: (r) => r.customer?.name ?? tc("none") },
          {
            header: t("groupType"),
            cell: (r) => (
              <>
                {localizedName(r.group, locale)}
                <span className="block text-xs text-slate-600">{localizedName(r.type, locale)}</span>
              </>
            ),
          },
          { header: ts("stage"), cell: (r) => localizedName(r.stage, locale) },
          {
            header: t("whoseTurn"),
            cell: (r) =>
              r.status === TicketStatus.OPEN ? (
                <TurnBadge status={r.status} responsible={r.responsible} audience="staff" />
              ) : (
                <TicketStatusBadge status={r.status} />
              ),
          },
          { header: ts("assignee"), cell: (r) => r.assignee?.name ?? <span className="text-slate-600">{ts("unassigned")}</span> },
          {
            header: t("ageInStage"),
            className: "whitespace-nowrap",
            cell: (r) => <DurationText ms={at - r.stageEnteredAt.getTime()} />,
          },
          { header: ts("updatedAt"), className: "whitespace-nowrap", cell: (r) => format.dateTime(r.updatedAt, { dateStyle: "short", timeStyle: "short" }) },
        ]}
      />
      <Pagination
        basePath="/admin/tickets"
        params={params}
        page={queue.page}
        pageCount={queue.pageCount}
        total={queue.total}
        totalIsLowerBound={queue.totalIsLowerBound}
      />
    </>
  );
}
