"use client";

// The certificate template form: texts with the placeholder list, signer, and
// an optional logo uploaded through POST /api/files (kept as logoFileId).
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useId, useState, useTransition } from "react";
import { useForm, useWatch } from "react-hook-form";
import { FormFeedback } from "@/components/forms/form-feedback";
import { useActionForm, useErrorText } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CheckboxField, TextAreaField, TextField } from "@/components/ui/field";
import { saveCertificateTemplateAction } from "@/lib/events/certificates/actions";
import { PLACEHOLDERS } from "@/lib/events/certificates/content";
import { certificateTemplateSchema, type CertificateTemplateInput } from "@/lib/events/certificates/schemas";

export function CertificateTemplateForm({ id, defaults, maxMb }: { id?: string; defaults: CertificateTemplateInput; maxMb: number }) {
  const t = useTranslations("settings.certificates");
  const tc = useTranslations("common");
  const errorText = useErrorText();
  const form = useForm<CertificateTemplateInput>({ resolver: zodResolver(certificateTemplateSchema), defaultValues: defaults });
  const { onSubmit, pending, formError, message } = useActionForm(form, (values) => saveCertificateTemplateAction(id, values));
  const { errors } = form.formState;
  const logoFileId = useWatch({ control: form.control, name: "logoFileId" });
  const fileInputId = useId();
  const [uploading, startUpload] = useTransition();
  const [uploadError, setUploadError] = useState<string | null>(null);

  const upload = (file: File | undefined) =>
    startUpload(async () => {
      setUploadError(null);
      if (!file) return;
      if (file.type !== "image/png" && file.type !== "image/jpeg") return setUploadError(errorText("certificates.errors.logoType") ?? null);
      const body = new FormData();
      body.set("file", file);
      const response = await fetch("/api/files", { method: "POST", body }).catch(() => null);
      const json = (await response?.json().catch(() => null)) as { id?: string; error?: string } | null;
      if (!response?.ok || !json?.id) return setUploadError(errorText(json?.error ?? "common.genericError", { maxMb }) ?? null);
      form.setValue("logoFileId", json.id, { shouldDirty: true });
    });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormFeedback formError={formError} message={message} />
      <TextField label={tc("name")} autoComplete="off" error={errorText(errors.name?.message)} {...form.register("name")} />
      <TextField label={t("titleField")} autoComplete="off" error={errorText(errors.title?.message)} {...form.register("title")} />
      <TextAreaField
        label={t("body")}
        rows={6}
        help={`${t("bodyHelp")} ${PLACEHOLDERS.map((p) => `{${p}}`).join(" ")}`}
        error={errorText(errors.body?.message, { max: 5000 })}
        {...form.register("body")}
      />
      <div className="grid gap-4 md:grid-cols-2">
        <TextField label={t("signerName")} autoComplete="off" error={errorText(errors.signerName?.message)} {...form.register("signerName")} />
        <TextField label={t("signerRole")} autoComplete="off" error={errorText(errors.signerRole?.message)} {...form.register("signerRole")} />
      </div>
      <div className="space-y-2">
        <label htmlFor={fileInputId} className="block text-sm font-medium text-slate-800">
          {t("logo")}
        </label>
        <input
          id={fileInputId}
          type="file"
          accept="image/png,image/jpeg"
          disabled={uploading}
          onChange={(e) => upload(e.currentTarget.files?.[0])}
          className="block text-sm"
        />
        <input type="hidden" {...form.register("logoFileId")} />
        {uploadError ? <Alert tone="error">{uploadError}</Alert> : null}
        {errors.logoFileId ? <Alert tone="error">{errorText(errors.logoFileId.message)}</Alert> : null}
        {logoFileId ? (
          <div className="flex items-center gap-3">
            {/* eslint-disable-next-line @next/next/no-img-element -- a private file through the authorized route */}
            <img src={`/api/files/${logoFileId}?inline=1`} alt="" className="h-12 w-auto rounded border border-slate-200" />
            <span className="text-xs text-slate-600">{t("logoSet")}</span>
            <Button variant="secondary" onClick={() => form.setValue("logoFileId", "", { shouldDirty: true })}>
              {t("removeLogo")}
            </Button>
          </div>
        ) : null}
      </div>
      <CheckboxField label={tc("active")} {...form.register("active")} />
      <Button type="submit" disabled={pending || uploading} aria-busy={pending}>
        {pending ? tc("saving") : id ? tc("save") : tc("create")}
      </Button>
    </form>
  );
}
