import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/page-header";

// An unknown code: a clear "not valid" with the 404 status.
export default async function CertificateNotFound() {
  const t = await getTranslations("certificates.verify");
  return (
    <Card className="w-full max-w-2xl space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <Alert tone="error">
        <strong>{t("invalid")}</strong>
      </Alert>
      <p className="text-sm text-slate-700">{t("invalidBody")}</p>
    </Card>
  );
}
