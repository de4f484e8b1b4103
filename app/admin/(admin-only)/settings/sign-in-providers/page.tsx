import { getTranslations } from "next-intl/server";
import { SettingsList } from "@/app/admin/settings/settings-list";
import { requireAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { first, type SearchParams } from "@/lib/pagination";
import { listSsoProviders } from "@/lib/sso/providers";

export async function generateMetadata() {
  return { title: (await getTranslations("sso"))("title") };
}

// Settings → Sign-in providers (OpenID Connect). Admins only.
export default async function SsoProvidersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireAdmin();
  const created = Boolean(first((await searchParams).created));
  const [t, tc] = await Promise.all([getTranslations("sso"), getTranslations("common")]);
  const rows = (await listSsoProviders(db, actor)).map((p) => ({ ...p, name: p.label, active: p.enabled }));
  return (
    <>
      <SettingsList
        title={t("title")}
        newLabel={t("new")}
        basePath="/admin/settings/sign-in-providers"
        rows={rows}
        created={created}
        columns={[
          { header: t("issuer"), cell: (r) => r.issuer },
          { header: t("audience"), cell: (r) => t(`audiences.${r.audience}`) },
          { header: t("allowedDomains"), cell: (r) => (r.allowedDomains.length ? r.allowedDomains.join(", ") : t("anyDomain")) },
          { header: t("clientCreations"), cell: (r) => r._count.clientCreations || tc("none") },
        ]}
      />
      <p className="mt-4 max-w-2xl text-sm text-slate-600">{t("help")}</p>
    </>
  );
}
