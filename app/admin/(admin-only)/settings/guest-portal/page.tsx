import { getTranslations } from "next-intl/server";
import { SettingsFormHeader } from "@/app/admin/settings/settings-list-header";
import { GuestLinkPanel } from "@/components/guests/guest-link-panel";
import { GuestPortalSettingsForm } from "@/components/guests/guest-portal-settings-form";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/page-header";
import { appUrl } from "@/lib/app-url";
import { requireAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { settingsFormValues } from "@/lib/guests/config";
import { getGuestPortal } from "@/lib/guests/portal";
import { allowedUploadExtensions, uploadMaxBytes } from "@/lib/storage";

export async function generateMetadata() {
  return { title: (await getTranslations("guests.settings"))("title") };
}

// Configuration > Guest Portal. Admins only: the (admin-only) layout
// answers 403 to staff, and the domain functions check again.
export default async function GuestPortalSettingsPage() {
  const actor = await requireAdmin();
  const portal = await getGuestPortal(db, actor);
  const t = await getTranslations("guests.settings");
  return (
    <>
      <SettingsFormHeader title={t("title")} backHref="/admin/settings" />
      <p className="-mt-4 mb-6 text-sm text-slate-600">{t("description")}</p>
      <div className="space-y-6">
        {portal.enabled ? null : <Alert tone="warning">{t("disabledNote")}</Alert>}
        <Card className="space-y-3">
          <h2 className="text-lg font-medium">{t("linkTitle")}</h2>
          <GuestLinkPanel url={appUrl(`/g/${portal.token}`)} />
        </Card>
        <GuestPortalSettingsForm
          defaults={settingsFormValues(portal)}
          maxFileBytes={uploadMaxBytes()}
          accept={allowedUploadExtensions.map((e) => `.${e}`).join(",")}
        />
      </div>
    </>
  );
}
