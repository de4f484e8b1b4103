import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ContactStatusBadge } from "@/components/contacts/contact-status-badge";
import { StatusTabs } from "@/components/contacts/status-tabs";
import { buttonClass } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { SearchForm } from "@/components/ui/search-form";
import { parseEnumParam } from "@/lib/admin/list-filters";
import { requireClient } from "@/lib/auth/session";
import { reachableCompanies } from "@/lib/contacts/access";
import { listMyContacts } from "@/lib/contacts/list-contacts";
import { db } from "@/lib/db";
import { ContactStatus } from "@/lib/generated/prisma/enums";
import { parseListQuery, type SearchParams } from "@/lib/pagination";
import { NoCompany } from "./no-company";

export async function generateMetadata() {
  return { title: (await getTranslations("contacts"))("title") };
}

export default async function PortalContactsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireClient();
  const params = await searchParams;
  const [t, tc, format, companies] = await Promise.all([getTranslations("contacts"), getTranslations("common"), getFormatter(), reachableCompanies(db, actor)]);
  if (companies.length === 0) {
    return (
      <>
        <PageHeader title={t("title")} />
        <NoCompany />
      </>
    );
  }
  const status = parseEnumParam(params, "status", ContactStatus);
  const query = { ...parseListQuery(params), status };
  const page = await listMyContacts(db, actor, query);
  const empty = query.q ? t("noMatches") : status === "OPEN" ? t("emptyOpen") : status === "FINISHED" ? t("emptyFinished") : t("empty");
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("intro")}
        actions={
          <Link href="/portal/contact/new" className={buttonClass()}>
            {t("new")}
          </Link>
        }
      />
      <StatusTabs basePath="/portal/contact" params={params} current={status} counts={page.counts} />
      <SearchForm q={query.q}>{status ? <input type="hidden" name="status" value={status} /> : null}</SearchForm>
      <p className="-mt-2 mb-4 text-xs text-slate-600">{t("searchHelp")}</p>
      <DataTable
        caption={t("title")}
        rows={page.rows}
        rowKey={(c) => c.id}
        empty={empty}
        columns={[
          {
            header: t("number"),
            className: "whitespace-nowrap",
            cell: (c) => (
              <Link href={`/portal/contact/${c.number}`} className="text-indigo-700 underline">
                {t("numberValue", { number: c.number })}
              </Link>
            ),
          },
          {
            header: t("classification"),
            cell: (c) => (
              <>
                {c.classificationName}
                {c.subclassificationName || c.channelName ? (
                  <span className="block text-xs text-slate-600">{c.subclassificationName ?? c.channelName}</span>
                ) : null}
              </>
            ),
          },
          ...(companies.length > 1 ? [{ header: t("company"), cell: (c: (typeof page.rows)[number]) => c.customer.name }] : []),
          { header: t("updatedAt"), cell: (c) => format.dateTime(c.updatedAt, { dateStyle: "medium", timeStyle: "short" }) },
          { header: tc("status"), cell: (c) => <ContactStatusBadge status={c.status} /> },
        ]}
      />
      <Pagination basePath="/portal/contact" params={params} page={page.page} pageCount={page.pageCount} total={page.total} />
    </>
  );
}
