import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LoginForm } from "@/components/auth/login-form";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/page-header";
import { first, type SearchParams } from "@/lib/pagination";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("signIn") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const t = await getTranslations("auth");
  return (
    <Card className="w-full max-w-md">
      <h1 className="text-xl font-semibold">{t("loginTitle")}</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600">{t("loginSubtitle")}</p>
      {first(params.reset) ? (
        <div className="mb-4">
          <Alert tone="success">{t("resetDone")}</Alert>
        </div>
      ) : null}
      <LoginForm callbackUrl={first(params.callbackUrl)} />
    </Card>
  );
}
