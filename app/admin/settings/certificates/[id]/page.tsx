import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CertificateTemplateForm } from "@/components/certificates/certificate-template-form";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/page-header";
import { requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { getCertificateTemplate } from "@/lib/events/certificates/templates";
import { NotFoundError } from "@/lib/errors";
import { uploadMaxBytes } from "@/lib/storage";
import { SettingsFormHeader } from "../../settings-list-header";

export async function generateMetadata() {
  return { title: (await getTranslations("settings.certificates"))("editTitle") };
}

export default async function EditCertificateTemplatePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireStaff();
  const template = await getCertificateTemplate(db, actor, (await params).id).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const t = await getTranslations("settings.certificates");
  const { id, ...values } = template;
  return (
    <>
      <SettingsFormHeader title={t("editTitle")} backHref="/admin/settings/certificates" />
      <div className="mb-4 flex items-center gap-3">
        {/* A plain link: the preview is a PDF rendered on demand. */}
        <a href={`/admin/settings/certificates/${id}/preview.pdf`} target="_blank" rel="noopener" className={buttonClass("secondary")}>
          {t("preview")}
        </a>
        <span className="text-sm text-slate-600">{t("previewHelp")}</span>
      </div>
      <Card>
        <CertificateTemplateForm id={id} defaults={{ ...values, logoFileId: values.logoFileId ?? "" }} maxMb={Math.round(uploadMaxBytes() / 1024 / 1024)} />
      </Card>
    </>
  );
}
