import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ActiveBadge } from "@/components/ui/active-badge";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { StatusFilter } from "@/components/ui/filter-select";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { SearchForm } from "@/components/ui/search-form";
import { requireAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";
import type { SearchParams } from "@/lib/pagination";
import { listProfiles, parseProfileListQuery } from "@/lib/profiles/list-profiles";

export async function generateMetadata() {
  return { title: (await getTranslations("profiles"))("title") };
}

export default async function ProfilesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireAdmin();
  const params = await searchParams;
  const query = parseProfileListQuery(params);
  const [t, tc, tp] = await Promise.all([getTranslations("profiles"), getTranslations("common"), getTranslations("permissions")]);
  const page = await listProfiles(db, actor, query);
  const filtered = Boolean(query.q || query.active !== undefined);
  return (
    <>
      <PageHeader
        title={t("title")}
        actions={
          <Link href="/admin/profiles/new" className={buttonClass()}>
            {t("new")}
          </Link>
        }
      />
      <SearchForm q={query.q}>
        <StatusFilter active={query.active} />
      </SearchForm>
      <DataTable
        caption={t("title")}
        rows={page.rows}
        rowKey={(p) => p.id}
        empty={filtered ? tc("noMatches") : tc("empty")}
        columns={[
          {
            header: tc("name"),
            cell: (p) => (
              <Link href={`/admin/profiles/${p.id}`} className="text-indigo-700 underline">
                {p.name}
              </Link>
            ),
          },
          { header: t("description"), cell: (p) => <span className="line-clamp-2 max-w-sm">{p.description}</span> },
          {
            header: t("permissions"),
            cell: (p) =>
              p.permissions.length === 0 ? (
                tc("none")
              ) : (
                <span className="flex flex-wrap gap-1">
                  {p.permissions.map((permission) => (
                    <Badge key={permission} tone="blue">
                      {tp(permission)}
                    </Badge>
                  ))}
                </span>
              ),
          },
          { header: t("usersCount"), cell: (p) => p._count.users, className: "text-right" },
          { header: tc("status"), cell: (p) => <ActiveBadge active={p.active} /> },
        ]}
      />
      <Pagination basePath="/admin/profiles" params={params} page={page.page} pageCount={page.pageCount} total={page.total} />
    </>
  );
}
