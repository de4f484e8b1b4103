import { getTranslations } from "next-intl/server";
import { EmailRequestForm } from "@/components/auth/email-request-form";
import { forgotPasswordAction } from "@/lib/auth/actions";
import { Card } from "@/components/ui/page-header";

export default async function ForgotPasswordPage() {
  const t = await getTranslations("auth");
  return (
    <Card className="w-full max-w-md">
      <h1 className="text-xl font-semibold">{t("forgotTitle")}</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600">{t("forgotHelp")}</p>
      <EmailRequestForm action={forgotPasswordAction} submitLabel="sendResetLink" />
    </Card>
  );
}
