import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { listParticipantNationalIds } from "@/lib/events/participant-national-ids";
import { parseListQuery, type SearchParams } from "@/lib/pagination";

export async function generateMetadata() {
  return { title: (await getTranslations("privacy.nationalIds"))("title") };
}

// The participants' national ids in full. Every view is written to the access
// log, and the page says so before anything else.
export default async function NationalIdsPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const actor = await requireStaff();
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const { event, page } = await listParticipantNationalIds(db, actor, id, parseListQuery(query, 50)).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const [t, tc, tr] = await Promise.all([getTranslations("privacy.nationalIds"), getTranslations("common"), getTranslations("events.registrationStatus")]);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={`#${event.number} · ${event.name}`}
        actions={
          <>
            <a href={`/admin/events/${event.id}/national-ids.csv`} className={buttonClass("secondary")} download>
              {t("download")}
            </a>
            <Link href={`/admin/events/${event.id}`} className="self-center text-sm text-indigo-700 underline">
              {tc("back")}
            </Link>
          </>
        }
      />
      <div className="mb-4">
        <Alert tone="info">{t("logged")}</Alert>
      </div>
      <DataTable
        caption={t("title")}
        rows={page.rows}
        rowKey={(r) => r.id}
        empty={tc("empty")}
        columns={[
          { header: tc("name"), cell: (r) => r.name },
          { header: tc("email"), cell: (r) => r.email },
          { header: tc("status"), cell: (r) => tr(r.status) },
          { header: t("nationalId"), cell: (r) => r.nationalId ?? "—", className: "whitespace-nowrap font-mono" },
        ]}
      />
      <Pagination basePath={`/admin/events/${event.id}/national-ids`} params={query} page={page.page} pageCount={page.pageCount} total={page.total} />
    </>
  );
}
