import { getTranslations } from "next-intl/server";
import { SettingsFormHeader } from "@/app/admin/settings/settings-list-header";
import { SsoProviderForm } from "@/components/sso/sso-provider-form";
import { Card } from "@/components/ui/page-header";
import { requireAdmin } from "@/lib/auth/session";
import { ssoRedirectUri } from "@/lib/sso/oidc";

export async function generateMetadata() {
  return { title: (await getTranslations("sso"))("new") };
}

export default async function NewSsoProviderPage() {
  await requireAdmin();
  const t = await getTranslations("sso");
  return (
    <>
      <SettingsFormHeader title={t("new")} backHref="/admin/settings/sign-in-providers" />
      <p className="-mt-4 mb-6 max-w-2xl text-sm text-slate-600">{t("redirectHelpNew", { example: ssoRedirectUri("…") })}</p>
      <Card className="max-w-2xl">
        <SsoProviderForm
          defaults={{
            label: "",
            issuer: "",
            clientId: "",
            clientSecret: "",
            scopes: "openid email profile",
            allowedDomains: "",
            audience: "BOTH",
            enabled: true,
          }}
        />
      </Card>
    </>
  );
}
