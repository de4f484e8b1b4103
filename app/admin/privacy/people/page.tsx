import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { SearchForm } from "@/components/ui/search-form";
import { requirePrivacyOfficer } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { parseListQuery, first, type SearchParams } from "@/lib/pagination";
import { findPeople } from "@/lib/privacy/find";
import { personKeyQuery } from "@/lib/privacy/person";

export async function generateMetadata() {
  return { title: (await getTranslations("personData"))("findTitle") };
}

export default async function FindPersonPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePrivacyOfficer();
  const params = await searchParams;
  const query = parseListQuery(params, 10);
  const [t, tc, tk, tr, result] = await Promise.all([
    getTranslations("personData"),
    getTranslations("common"),
    getTranslations("customerKinds"),
    getTranslations("roles"),
    findPeople(db, actor, query),
  ]);
  // Accounts and customers name their role or kind; the other records say what they are.
  const detail = (kind: string, value: string) =>
    kind === "users" && tr.has(value as "ADMIN") ? tr(value as "ADMIN") : kind === "customers" && tk.has(value as "PERSON") ? tk(value as "PERSON") : value;
  const found = result.groups.filter((g) => g.total > 0);
  return (
    <>
      <PageHeader title={t("findTitle")} description={t("findHelp")} />
      {first(params.erased) ? <Alert tone="success">{t("erase.done")}</Alert> : null}
      <SearchForm q={query.q} />
      {result.query && found.length === 0 ? <p className="text-sm text-slate-700">{t("nothingFound")}</p> : null}
      {found.map((group) => (
        <section key={group.kind} className="mb-6" aria-labelledby={`kind-${group.kind}`}>
          <h2 id={`kind-${group.kind}`} className="mb-2 text-lg font-medium">
            {t(`kinds.${group.kind}`)} ({group.total})
          </h2>
          <DataTable
            caption={t(`kinds.${group.kind}`)}
            rows={group.rows}
            rowKey={(r) => r.id}
            empty={tc("noMatches")}
            columns={[
              { header: tc("name"), cell: (r) => r.name || tc("none") },
              { header: tc("email"), cell: (r) => r.email ?? tc("none") },
              {
                header: t("record"),
                cell: (r) => (
                  <Link href={r.href} className="text-indigo-700 underline">
                    {detail(group.kind, r.detail)}
                  </Link>
                ),
              },
              {
                header: t("person"),
                actions: true,
                cell: (r) =>
                  r.person ? (
                    <Link href={`/admin/privacy/people/person?${personKeyQuery(r.person)}`} className="text-indigo-700 underline">
                      {t("openPerson")}
                    </Link>
                  ) : null,
              },
            ]}
          />
        </section>
      ))}
      {result.query ? (
        <Pagination
          basePath="/admin/privacy/people"
          params={params}
          page={result.page}
          pageCount={result.pageCount}
          total={found.reduce((n, g) => n + g.total, 0)}
        />
      ) : null}
    </>
  );
}
