import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { BulkSendList, templateLabel } from "@/components/admin/bulk-send-list";
import { EmailStatusBadge } from "@/components/admin/email-status-badge";
import { RefreshWhileSending } from "@/components/admin/refresh-while-sending";
import { RetryFailedButton } from "@/components/admin/retry-failed-button";
import { DataTable } from "@/components/ui/data-table";
import { FilterSelect } from "@/components/ui/filter-select";
import { Card, PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { SearchForm } from "@/components/ui/search-form";
import { requireAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { bulkSendProgress, isInProgress, isTemplateName, listBulkSends, listOutbox, templates } from "@/lib/email";
import { EmailStatus } from "@/lib/generated/prisma/enums";
import { first, parseListQuery, type SearchParams } from "@/lib/pagination";

const statuses = Object.values(EmailStatus);

// Two tabs in the URL: the messages (?status, ?template, ?batch, ?q) and the
// bulk sends (?view=bulk, optionally ?event=<id>).
export default async function OutboxPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireAdmin();
  const params = await searchParams;
  const t = await getTranslations("outbox");
  const bulkView = first(params.view) === "bulk";
  const tab = (active: boolean) => `rounded-md px-3 py-2 text-sm ${active ? "bg-indigo-700 text-white" : "text-slate-700 hover:bg-slate-100"}`;
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <nav aria-label={t("title")} className="mb-4 flex flex-wrap gap-2">
        <Link href="/admin/outbox" className={tab(!bulkView)} aria-current={!bulkView ? "page" : undefined}>
          {t("tabs.messages")}
        </Link>
        <Link href="/admin/outbox?view=bulk" className={tab(bulkView)} aria-current={bulkView ? "page" : undefined}>
          {t("tabs.bulkSends")}
        </Link>
      </nav>
      {bulkView ? <BulkSendsTab params={params} /> : <MessagesTab params={params} />}
    </>
  );
}

async function BulkSendsTab({ params }: { params: SearchParams }) {
  const t = await getTranslations("outbox");
  const query = parseListQuery(params, 10);
  const eventId = first(params.event) || undefined;
  const page = await listBulkSends(db, { page: query.page, pageSize: query.pageSize, eventId });
  return (
    <section aria-labelledby="bulk-sends-heading">
      <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
        <h2 id="bulk-sends-heading" className="text-lg font-medium">
          {t("tabs.bulkSends")}
        </h2>
        <RefreshWhileSending active={isInProgress(page.rows)} />
        {eventId ? (
          <Link href="/admin/outbox?view=bulk" className="text-sm text-indigo-700 underline">
            {t("bulk.allSends")}
          </Link>
        ) : null}
      </div>
      {page.rows.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 p-8 text-center text-sm text-slate-600">{t("bulk.empty")}</p>
      ) : (
        <BulkSendList sends={page.rows} isAdmin />
      )}
      <Pagination basePath="/admin/outbox" params={params} page={page.page} pageCount={page.pageCount} total={page.total} />
    </section>
  );
}

async function MessagesTab({ params }: { params: SearchParams }) {
  const query = parseListQuery(params);
  const wantedStatus = first(params.status);
  const status = statuses.find((s) => s === wantedStatus);
  const wantedTemplate = first(params.template);
  const template = isTemplateName(wantedTemplate) ? wantedTemplate : undefined;
  const batchId = first(params.batch) || undefined;
  const t = await getTranslations("outbox");
  const format = await getFormatter();
  const [page, [batch]] = await Promise.all([
    listOutbox(db, { status, template, batchId, q: query.q, page: query.page, pageSize: query.pageSize }),
    batchId ? bulkSendProgress(db, [batchId]) : Promise.resolve([]),
  ]);
  const templateOptions = Object.keys(templates)
    .map((name) => ({ value: name, label: templateLabel(t, name) }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const filtered = Boolean(query.q || status || template || batchId);
  return (
    <>
      {batch ? (
        <Card className="mb-4">
          <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
            <h2 className="text-lg font-medium">{t("bulk.batchFilter")}</h2>
            <Link href="/admin/outbox" className="text-sm text-indigo-700 underline">
              {t("bulk.clearBatch")}
            </Link>
          </div>
          <BulkSendList sends={[batch]} isAdmin showMessagesLink={false} />
          <div className="mt-2">
            <RefreshWhileSending active={isInProgress([batch])} />
          </div>
        </Card>
      ) : null}
      <div className="flex flex-wrap items-start justify-between gap-x-4">
        <SearchForm q={query.q}>
          <FilterSelect
            name="status"
            label={t("statusLabel")}
            allLabel={t("filterStatus")}
            value={status}
            options={statuses.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          />
          <FilterSelect name="template" label={t("template")} allLabel={t("filterTemplate")} value={template} options={templateOptions} />
          {batchId ? <input type="hidden" name="batch" value={batchId} /> : null}
        </SearchForm>
        {/* A bulk send's own card has its retry; otherwise: the failed ones of the template filter, or all. */}
        {!batch ? (
          <div className="mb-4">
            <RetryFailedButton
              template={template}
              message={template ? t("bulk.retryTemplateConfirm", { template: templateLabel(t, template) }) : t("bulk.retryAllConfirm")}
            >
              {template ? t("bulk.retryTemplate", { template: templateLabel(t, template) }) : t("bulk.retryAll")}
            </RetryFailedButton>
          </div>
        ) : null}
      </div>
      <DataTable
        caption={t("title")}
        rows={page.items}
        rowKey={(m) => m.id}
        empty={filtered ? t("noMatches") : t("empty")}
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
          { header: t("template"), cell: (m) => templateLabel(t, m.template) },
          { header: t("attempts"), cell: (m) => m.attempts, className: "text-right" },
          { header: t("error"), cell: (m) => <span className="line-clamp-2 max-w-xs text-red-800">{m.lastError ?? ""}</span> },
          { header: t("createdAt"), cell: (m) => format.dateTime(m.createdAt, { dateStyle: "short", timeStyle: "short" }) },
        ]}
      />
      <Pagination basePath="/admin/outbox" params={params} page={page.page} pageCount={page.pageCount} total={page.total} />
    </>
  );
}
