import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { GuestRequestStatusBadge } from "@/components/guests/guest-request-status-badge";
import { Alert } from "@/components/ui/alert";
import { DataTable } from "@/components/ui/data-table";
import { FilterSelect } from "@/components/ui/filter-select";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { SearchForm } from "@/components/ui/search-form";
import { requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { GuestRequestStatus } from "@/lib/generated/prisma/enums";
import { listGuestRequests, parseGuestRequestListQuery } from "@/lib/guests/requests";
import { first, type SearchParams } from "@/lib/pagination";

export async function generateMetadata() {
  return { title: (await getTranslations("guests.list"))("title") };
}

// Requests from the guest portal, newest first (they arrive "Created from Guest
// Portal" and wait for staff to open or delete them).
export default async function GuestRequestsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireStaff();
  const params = await searchParams;
  const query = parseGuestRequestListQuery(params);
  const [t, tg, tc, format, page] = await Promise.all([
    getTranslations("guests.list"),
    getTranslations("guests"),
    getTranslations("common"),
    getFormatter(),
    listGuestRequests(db, actor, query),
  ]);
  const filtered = Boolean(query.q || query.status);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      {first(params.deleted) ? (
        <div className="mb-4">
          <Alert tone="success">{t("deleted")}</Alert>
        </div>
      ) : null}
      <SearchForm q={query.q}>
        <FilterSelect
          name="status"
          label={tc("status")}
          allLabel={tc("allStatuses")}
          value={query.status}
          options={Object.values(GuestRequestStatus).map((s) => ({ value: s, label: tg(`status.${s}`) }))}
        />
      </SearchForm>
      <DataTable
        caption={t("title")}
        rows={page.rows}
        rowKey={(r) => r.id}
        empty={filtered ? tc("noMatches") : tc("empty")}
        columns={[
          { header: t("number"), cell: (r) => `#${r.number}`, className: "whitespace-nowrap" },
          {
            header: t("subject"),
            cell: (r) => (
              <Link href={`/admin/guest-requests/${r.number}`} className="text-indigo-700 underline">
                {r.title || tg("ticket.subject", { number: r.number })}
              </Link>
            ),
          },
          { header: t("requester"), cell: (r) => [r.requesterName, r.email].filter(Boolean).join(" · ") || tc("none") },
          { header: t("createdAt"), cell: (r) => format.dateTime(r.createdAt, { dateStyle: "medium", timeStyle: "short" }), className: "whitespace-nowrap" },
          { header: tc("status"), cell: (r) => <GuestRequestStatusBadge status={r.status} /> },
          {
            header: t("ticket"),
            cell: (r) =>
              r.ticket ? (
                <Link href={`/admin/tickets/${r.ticket.number}`} className="text-indigo-700 underline">
                  #{r.ticket.number}
                </Link>
              ) : (
                tc("none")
              ),
          },
        ]}
      />
      <Pagination basePath="/admin/guest-requests" params={params} page={page.page} pageCount={page.pageCount} total={page.total} />
    </>
  );
}
