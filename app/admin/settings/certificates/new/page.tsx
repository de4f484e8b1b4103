import { getTranslations } from "next-intl/server";
import { CertificateTemplateForm } from "@/components/certificates/certificate-template-form";
import { Card } from "@/components/ui/page-header";
import { requireStaff } from "@/lib/auth/session";
import { uploadMaxBytes } from "@/lib/storage";
import { SettingsFormHeader } from "../../settings-list-header";

export async function generateMetadata() {
  return { title: (await getTranslations("settings.certificates"))("new") };
}

export default async function NewCertificateTemplatePage() {
  await requireStaff();
  const t = await getTranslations("settings.certificates");
  const defaults = { name: "", title: "", body: "", signerName: "", signerRole: "", logoFileId: "", active: true };
  return (
    <>
      <SettingsFormHeader title={t("new")} backHref="/admin/settings/certificates" />
      <Card>
        <CertificateTemplateForm defaults={defaults} maxMb={Math.round(uploadMaxBytes() / 1024 / 1024)} />
      </Card>
    </>
  );
}
