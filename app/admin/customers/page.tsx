import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ActiveBadge } from "@/components/ui/active-badge";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { FilterSelect, StatusFilter } from "@/components/ui/filter-select";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { SearchForm } from "@/components/ui/search-form";
import { requireStaff } from "@/lib/auth/session";
import { listCustomers, parseCustomerListQuery } from "@/lib/customers/list-customers";
import { db } from "@/lib/db";
import { CustomerKind } from "@/lib/generated/prisma/enums";
import type { SearchParams } from "@/lib/pagination";

export async function generateMetadata() {
  return { title: (await getTranslations("customers"))("title") };
}

export default async function CustomersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireStaff();
  const params = await searchParams;
  const query = parseCustomerListQuery(params);
  const [t, tc, tk] = await Promise.all([getTranslations("customers"), getTranslations("common"), getTranslations("customerKinds")]);
  const page = await listCustomers(db, actor, query);
  const filtered = Boolean(query.q || query.kind || query.active !== undefined);
  return (
    <>
      <PageHeader
        title={t("title")}
        actions={
          <Link href="/admin/customers/new" className={buttonClass()}>
            {t("new")}
          </Link>
        }
      />
      <SearchForm q={query.q}>
        <FilterSelect
          name="kind"
          label={t("kind")}
          allLabel={t("filterKind")}
          value={query.kind}
          options={Object.values(CustomerKind).map((k) => ({ value: k, label: tk(k) }))}
        />
        <StatusFilter active={query.active} />
      </SearchForm>
      <DataTable
        caption={t("title")}
        rows={page.rows}
        rowKey={(c) => c.id}
        empty={filtered ? tc("noMatches") : tc("empty")}
        columns={[
          {
            header: tc("name"),
            cell: (c) => (
              <Link href={`/admin/customers/${c.id}`} className="text-indigo-700 underline">
                {c.name}
              </Link>
            ),
          },
          { header: t("kind"), cell: (c) => <Badge tone="blue">{tk(c.kind)}</Badge> },
          { header: t("document"), cell: (c) => c.document ?? tc("none") },
          { header: tc("email"), cell: (c) => c.email ?? tc("none") },
          { header: t("linkedUser"), cell: (c) => c.user?.email ?? tc("none") },
          { header: t("contacts"), cell: (c) => c._count.contacts, className: "text-right" },
          { header: tc("status"), cell: (c) => <ActiveBadge active={c.active} /> },
        ]}
      />
      <Pagination basePath="/admin/customers" params={params} page={page.page} pageCount={page.pageCount} total={page.total} />
    </>
  );
}
