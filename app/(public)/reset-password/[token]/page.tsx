import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/page-header";
import { db } from "@/lib/db";
import { isResetTokenValid } from "@/lib/auth/password-reset";

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("auth");
  const valid = await isResetTokenValid(db, token);
  return (
    <Card className="w-full max-w-md">
      <h1 className="mb-6 text-xl font-semibold">{t("resetTitle")}</h1>
      {valid ? (
        <ResetPasswordForm token={token} />
      ) : (
        <div className="space-y-4">
          <Alert tone="error">{t("resetInvalid")}</Alert>
          <Link href="/forgot-password" className="text-sm text-indigo-700 underline">
            {t("forgotTitle")}
          </Link>
        </div>
      )}
    </Card>
  );
}
