import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EmailRequestForm } from "@/components/auth/email-request-form";
import { requestSignInLinkAction } from "@/lib/auth/sign-in-actions";
import { Card } from "@/components/ui/page-header";
import { SIGN_IN_LINK_MINUTES } from "@/lib/auth/sign-in-link";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("linkRequestTitle") };
}

export default async function SignInLinkRequestPage() {
  const t = await getTranslations("auth");
  return (
    <Card className="w-full max-w-md">
      <h1 className="text-xl font-semibold">{t("linkRequestTitle")}</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600">{t("linkRequestHelp", { minutes: SIGN_IN_LINK_MINUTES })}</p>
      <EmailRequestForm action={requestSignInLinkAction} submitLabel="sendSignInLink" />
    </Card>
  );
}
