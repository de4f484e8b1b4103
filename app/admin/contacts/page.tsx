import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ContactStatusBadge } from "@/components/contacts/contact-status-badge";
import { StatusTabs } from "@/components/contacts/status-tabs";
import { DataTable } from "@/components/ui/data-table";
import { FilterSelect } from "@/components/ui/filter-select";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { SearchForm } from "@/components/ui/search-form";
import { requireStaff } from "@/lib/auth/session";
import { classificationFilterOptions, listStaffContacts, parseStaffContactsQuery } from "@/lib/contacts/staff";
import { db } from "@/lib/db";
import { ContactModule } from "@/lib/generated/prisma/enums";
import type { SearchParams } from "@/lib/pagination";

export async function generateMetadata() {
  return { title: (await getTranslations("contacts.admin"))("title") };
}

export default async function AdminContactsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireStaff();
  const params = await searchParams;
  const query = parseStaffContactsQuery(params);
  const [t, ta, tc, format, page, classifications] = await Promise.all([
    getTranslations("contacts"),
    getTranslations("contacts.admin"),
    getTranslations("common"),
    getFormatter(),
    listStaffContacts(db, actor, query),
    classificationFilterOptions(db, actor),
  ]);
  const filtered = Boolean(query.q || query.module || query.classificationId || query.status);
  return (
    <>
      <PageHeader title={ta("title")} description={ta("intro")} />
      <StatusTabs basePath="/admin/contacts" params={params} current={query.status} counts={page.counts} />
      <SearchForm q={query.q}>
        {query.status ? <input type="hidden" name="status" value={query.status} /> : null}
        <FilterSelect
          name="module"
          label={t("module")}
          allLabel={ta("allModules")}
          value={query.module}
          options={Object.values(ContactModule).map((m) => ({ value: m, label: t(`modules.${m}`) }))}
        />
        <FilterSelect
          name="classification"
          label={t("classification")}
          allLabel={ta("allClassifications")}
          value={query.classificationId}
          options={classifications.map((c) => ({
            value: c.id,
            label: `${c.active ? c.name : ta("archived", { name: c.name })} · ${t(`modules.${c.module}`)}`,
          }))}
        />
      </SearchForm>
      <p className="-mt-2 mb-4 text-xs text-slate-600">{ta("searchHelp")}</p>
      <DataTable
        caption={ta("title")}
        rows={page.rows}
        rowKey={(c) => c.id}
        empty={filtered ? ta("noMatches") : ta("empty")}
        columns={[
          {
            header: t("number"),
            className: "whitespace-nowrap",
            cell: (c) => (
              <Link href={`/admin/contacts/${c.number}`} className="text-indigo-700 underline">
                {t("numberValue", { number: c.number })}
              </Link>
            ),
          },
          {
            header: t("company"),
            cell: (c) => (
              <>
                {c.customer.name}
                <span className="block text-xs text-slate-600">{c.contactName}</span>
              </>
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
          { header: t("module"), cell: (c) => t(`modules.${c.module}`) },
          { header: t("updatedAt"), cell: (c) => format.dateTime(c.updatedAt, { dateStyle: "medium", timeStyle: "short" }) },
          { header: tc("status"), cell: (c) => <ContactStatusBadge status={c.status} /> },
        ]}
      />
      <Pagination basePath="/admin/contacts" params={params} page={page.page} pageCount={page.pageCount} total={page.total} />
    </>
  );
}
