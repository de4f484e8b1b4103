import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import { FilterSelect } from "@/components/ui/filter-select";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { SearchForm } from "@/components/ui/search-form";
import { requirePrivacyOfficer } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { SensitiveAccessKind } from "@/lib/generated/prisma/enums";
import { first, type SearchParams } from "@/lib/pagination";
import { listSensitiveAccess, parseAccessLogQuery, type AccessLogRow } from "@/lib/privacy/access-log";

export async function generateMetadata() {
  return { title: (await getTranslations("privacy.accessLog"))("title") };
}

/** Where the record seen can be opened, when it still has a page. */
function entityHref(row: AccessLogRow): string | null {
  if (row.entityType === "Event") return `/admin/events/${encodeURIComponent(row.entityId)}`;
  if (row.entityType === "User") return `/admin/users/${encodeURIComponent(row.entityId)}`;
  if (row.entityType === "Customer") return `/admin/customers/${encodeURIComponent(row.entityId)}`;
  if (row.entityType === "Customers") return "/admin/customers";
  return null;
}

/** Pages and files whose log rows carry no readable label, named in the reader's language. */
function entityName(row: AccessLogRow) {
  if (row.entityType === "PersonExport") return row.label === "downloaded" ? "PersonExportDownloaded" : "PersonExportRequested";
  if (row.entityType === "Person" || row.entityType === "Customer" || row.entityType === "Customers") return row.entityType;
  return null;
}

// The access log of sensitive fields, newest first: who saw or exported
// national ids or a person's data, filtered by kind, staff member and days.
export default async function AccessLogPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePrivacyOfficer();
  const params = await searchParams;
  const query = parseAccessLogQuery(params);
  const [t, tc, format, page] = await Promise.all([
    getTranslations("privacy.accessLog"),
    getTranslations("common"),
    getFormatter(),
    listSensitiveAccess(db, actor, query),
  ]);
  const filtered = Boolean(query.q || query.kind || query.actorId || query.from || query.to);
  const dateInput = "rounded-md border border-slate-300 px-3 py-2 text-sm focus:ring-2 focus:ring-indigo-600 focus:outline-none";
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Link href="/admin/privacy" className="self-center text-sm text-indigo-700 underline">
            {tc("back")}
          </Link>
        }
      />
      <SearchForm q={query.q}>
        <FilterSelect
          name="kind"
          label={t("kind")}
          allLabel={t("allKinds")}
          value={query.kind}
          options={Object.values(SensitiveAccessKind).map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
        />
        <label className="flex items-center gap-1 text-sm text-slate-700">
          {t("from")}
          <input type="date" name="from" defaultValue={first(params.from) ?? ""} className={dateInput} />
        </label>
        <label className="flex items-center gap-1 text-sm text-slate-700">
          {t("to")}
          <input type="date" name="to" defaultValue={first(params.to) ?? ""} className={dateInput} />
        </label>
        {query.actorId ? <input type="hidden" name="actor" value={query.actorId} /> : null}
      </SearchForm>
      {query.actorId ? (
        <p className="mb-3 text-sm">
          {t("oneStaffMember")}{" "}
          <Link href="/admin/privacy/access-log" className="text-indigo-700 underline">
            {t("allStaff")}
          </Link>
        </p>
      ) : null}
      <DataTable
        caption={t("title")}
        rows={page.rows}
        rowKey={(r) => r.id}
        empty={filtered ? tc("noMatches") : t("empty")}
        columns={[
          { header: t("at"), cell: (r) => format.dateTime(r.createdAt, { dateStyle: "medium", timeStyle: "medium" }), className: "whitespace-nowrap" },
          {
            header: t("who"),
            cell: (r) =>
              r.actorId ? (
                <Link href={`/admin/privacy/access-log?actor=${encodeURIComponent(r.actorId)}`} className="text-indigo-700 underline">
                  {r.actorName}
                </Link>
              ) : (
                r.actorName
              ),
          },
          { header: t("kind"), cell: (r) => t(`kinds.${r.kind}`) },
          {
            header: t("what"),
            cell: (r) => {
              const href = entityHref(r);
              const name = entityName(r);
              const text = name ? t(`entities.${name}`) : r.label || r.entityType;
              return href ? (
                <Link href={href} className="text-indigo-700 underline">
                  {text}
                </Link>
              ) : (
                text
              );
            },
          },
          { header: t("count"), cell: (r) => format.number(r.count), className: "text-right" },
        ]}
      />
      <Pagination basePath="/admin/privacy/access-log" params={params} page={page.page} pageCount={page.pageCount} total={page.total} />
    </>
  );
}
