import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ActiveBadge } from "@/components/ui/active-badge";
import { DataTable } from "@/components/ui/data-table";
import { requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { listCertificateTemplates } from "@/lib/events/certificates/templates";
import { first, type SearchParams } from "@/lib/pagination";
import { SettingsListHeader } from "../settings-list-header";

export async function generateMetadata() {
  return { title: (await getTranslations("settings.certificates"))("title") };
}

export default async function CertificateTemplatesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireStaff();
  const created = Boolean(first((await searchParams).created));
  const [t, tc] = await Promise.all([getTranslations("settings.certificates"), getTranslations("common")]);
  const rows = await listCertificateTemplates(db, actor);
  return (
    <>
      <SettingsListHeader title={t("title")} newHref="/admin/settings/certificates/new" newLabel={t("new")} created={created} />
      <DataTable
        caption={t("title")}
        rows={rows}
        rowKey={(r) => r.id}
        empty={tc("empty")}
        columns={[
          {
            header: tc("name"),
            cell: (r) => (
              <Link href={`/admin/settings/certificates/${r.id}`} className="text-indigo-700 underline">
                {r.name}
              </Link>
            ),
          },
          { header: t("titleField"), cell: (r) => r.title },
          { header: t("events"), cell: (r) => r._count.events },
          { header: tc("status"), cell: (r) => <ActiveBadge active={r.active} /> },
        ]}
      />
    </>
  );
}
