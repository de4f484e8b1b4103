import { getTranslations } from "next-intl/server";
import { SettingsFormHeader } from "@/app/admin/settings/settings-list-header";
import { NationalIdForm } from "@/components/settings/national-id-form";
import { Card } from "@/components/ui/page-header";
import { db } from "@/lib/db";
import { getNationalIdSetting } from "@/lib/settings/national-id";

export async function generateMetadata() {
  return { title: (await getTranslations("settings.nationalId"))("title") };
}

// Settings → National id. Admins only: the (admin-only) layout answers 403 to
// staff, and the action checks again.
export default async function NationalIdSettingsPage() {
  const [t, setting] = await Promise.all([getTranslations("settings.nationalId"), getNationalIdSetting(db)]);
  return (
    <>
      <SettingsFormHeader title={t("title")} backHref="/admin/settings" />
      <p className="-mt-4 mb-6 max-w-2xl text-sm text-slate-600">{t("help")}</p>
      <Card className="max-w-xl">
        <NationalIdForm defaults={{ mode: setting.mode, label: setting.mode === "other" ? setting.label : "" }} />
      </Card>
    </>
  );
}
