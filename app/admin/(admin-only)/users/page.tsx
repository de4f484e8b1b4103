import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ActiveBadge } from "@/components/ui/active-badge";
import { buttonClass } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { FilterSelect, StatusFilter } from "@/components/ui/filter-select";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { SearchForm } from "@/components/ui/search-form";
import { requireAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { Role } from "@/lib/generated/prisma/enums";
import type { SearchParams } from "@/lib/pagination";
import { listUsers, parseUserListQuery } from "@/lib/users/list-users";

export async function generateMetadata() {
  return { title: (await getTranslations("users"))("title") };
}

export default async function UsersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireAdmin();
  const params = await searchParams;
  const query = parseUserListQuery(params);
  const [t, tc, tr] = await Promise.all([getTranslations("users"), getTranslations("common"), getTranslations("roles")]);
  const page = await listUsers(db, actor, query);
  const filtered = Boolean(query.q || query.role || query.active !== undefined);
  return (
    <>
      <PageHeader
        title={t("title")}
        actions={
          <Link href="/admin/users/new" className={buttonClass()}>
            {t("new")}
          </Link>
        }
      />
      <SearchForm q={query.q}>
        <FilterSelect
          name="role"
          label={t("role")}
          allLabel={t("filterRole")}
          value={query.role}
          options={Object.values(Role).map((r) => ({ value: r, label: tr(r) }))}
        />
        <StatusFilter active={query.active} />
      </SearchForm>
      <DataTable
        caption={t("title")}
        rows={page.rows}
        rowKey={(u) => u.id}
        empty={filtered ? tc("noMatches") : tc("empty")}
        columns={[
          {
            header: tc("name"),
            cell: (u) => (
              <Link href={`/admin/users/${u.id}`} className="text-indigo-700 underline">
                {u.name}
              </Link>
            ),
          },
          { header: tc("email"), cell: (u) => u.email },
          { header: t("role"), cell: (u) => tr(u.role) },
          { header: t("profile"), cell: (u) => u.profile?.name ?? tc("none") },
          { header: tc("status"), cell: (u) => <ActiveBadge active={u.active} /> },
        ]}
      />
      <Pagination basePath="/admin/users" params={params} page={page.page} pageCount={page.pageCount} total={page.total} />
    </>
  );
}
