import { getTranslations } from "next-intl/server";
import { requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { listCertificateTemplates } from "@/lib/events/certificates/templates";
import { first, type SearchParams } from "@/lib/pagination";
import { SettingsList } from "../settings-list";

export async function generateMetadata() {
  return { title: (await getTranslations("settings.certificates"))("title") };
}

export default async function CertificateTemplatesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireStaff();
  const created = Boolean(first((await searchParams).created));
  const t = await getTranslations("settings.certificates");
  const rows = await listCertificateTemplates(db, actor);
  return (
    <SettingsList
      title={t("title")}
      newLabel={t("new")}
      basePath="/admin/settings/certificates"
      rows={rows}
      created={created}
      columns={[
        { header: t("titleField"), cell: (r) => r.title },
        { header: t("events"), cell: (r) => r._count.events },
      ]}
    />
  );
}
