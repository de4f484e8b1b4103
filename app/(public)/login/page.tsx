import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LoginForm } from "@/components/auth/login-form";
import { PasskeySignIn } from "@/components/auth/passkey-sign-in";
import { SsoButtons } from "@/components/sso/sso-buttons";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/page-header";
import { db } from "@/lib/db";
import { first, type SearchParams } from "@/lib/pagination";
import { enabledSsoProviders } from "@/lib/sso/providers";
import { SSO_REFUSALS, type SsoRefusal } from "@/lib/sso/sign-in";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("signIn") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const [t, ts, providers] = await Promise.all([getTranslations("auth"), getTranslations("sso"), enabledSsoProviders(db)]);
  const callbackUrl = first(params.callbackUrl);
  // Why a provider's sign-in was refused (set by /sso/<id>/callback); anything else in the parameter is ignored.
  const ssoRefusal = SSO_REFUSALS.find((reason) => reason === first(params.sso)) as SsoRefusal | undefined;
  return (
    <Card className="w-full max-w-md">
      <h1 className="text-xl font-semibold">{t("loginTitle")}</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600">{t("loginSubtitle")}</p>
      {first(params.reset) ? (
        <div className="mb-4">
          <Alert tone="success">{t("resetDone")}</Alert>
        </div>
      ) : null}
      {ssoRefusal ? (
        <div className="mb-4">
          <Alert tone="error">{ts(`refusals.${ssoRefusal}`)}</Alert>
        </div>
      ) : null}
      <LoginForm callbackUrl={callbackUrl} />
      <div className="mt-6 space-y-2 border-t border-slate-200 pt-6">
        <PasskeySignIn callbackUrl={callbackUrl} />
        <SsoButtons providers={providers} callbackUrl={callbackUrl} />
      </div>
    </Card>
  );
}
