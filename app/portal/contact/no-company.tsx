import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/page-header";

/** Shown instead of the form and the lists to users not linked to a company ("Contact us" is for companies only). */
export async function NoCompany() {
  const t = await getTranslations("contacts");
  return (
    <Card>
      <h2 className="mb-2 text-lg font-medium">{t("noCompanyTitle")}</h2>
      <p className="text-sm text-slate-700">{t("noCompanyBody")}</p>
    </Card>
  );
}
