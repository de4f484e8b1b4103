import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SecondFactorForm } from "@/components/auth/second-factor-form";
import { Card } from "@/components/ui/page-header";
import { first, type SearchParams } from "@/lib/pagination";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("twoFactorTitle") };
}

export default async function TwoFactorPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const t = await getTranslations("auth");
  return (
    <Card className="w-full max-w-md">
      <h1 className="text-xl font-semibold">{t("twoFactorTitle")}</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600">{t("twoFactorHelp")}</p>
      <SecondFactorForm callbackUrl={first(params.callbackUrl)} />
    </Card>
  );
}
