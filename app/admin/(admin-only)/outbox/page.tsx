import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { EmailStatusBadge } from "@/components/admin/email-status-badge";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { SearchForm } from "@/components/ui/search-form";
import { requireAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { listOutbox } from "@/lib/email";
import { EmailStatus } from "@/lib/generated/prisma/enums";
import { first, parseListQuery, type SearchParams } from "@/lib/pagination";

const statuses = Object.values(EmailStatus);

export default async function OutboxPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireAdmin();
  const params = await searchParams;
  const query = parseListQuery(params);
  const wanted = first(params.status);
  const status = statuses.find((s) => s === wanted);
  const t = await getTranslations("outbox");
  const format = await getFormatter();
  const page = await listOutbox(db, { status, q: query.q, page: query.page, pageSize: query.pageSize });
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <SearchForm q={query.q}>
        <label className="sr-only" htmlFor="status-filter">
          {t("filterStatus")}
        </label>
        <select id="status-filter" name="status" defaultValue={status ?? ""} className="rounded-md border border-slate-300 px-3 py-2 text-sm">
          <option value="">{t("filterStatus")}</option>
          {statuses.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </SearchForm>
      <DataTable
        caption={t("title")}
        rows={page.items}
        rowKey={(m) => m.id}
        empty={query.q || status ? t("noMatches") : t("empty")}
        columns={[
          { header: t("statusLabel"), cell: (m) => <EmailStatusBadge status={m.status} /> },
          { header: t("recipient"), cell: (m) => m.to },
          {
            header: t("subject"),
            cell: (m) => (
              <Link href={`/admin/outbox/${m.id}`} className="text-indigo-700 underline">
                {m.subject}
              </Link>
            ),
          },
          { header: t("attempts"), cell: (m) => m.attempts, className: "text-right" },
          { header: t("error"), cell: (m) => <span className="line-clamp-2 max-w-xs text-red-800">{m.lastError ?? ""}</span> },
          { header: t("createdAt"), cell: (m) => format.dateTime(m.createdAt, { dateStyle: "short", timeStyle: "short" }) },
        ]}
      />
      <Pagination basePath="/admin/outbox" params={params} page={page.page} pageCount={page.pageCount} total={page.total} />
    </>
  );
}
