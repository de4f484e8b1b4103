"use client";

// The public guest form, built from the portal's configuration: only
// the shown fields, validated in the browser with the same schema the server
// uses (buildGuestRequestSchema). It posts multipart to /api/guest/<token>
// (files included, no account) and moves to the private status page. The
// admin page renders it read-only as a preview.
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMemo, useState, useTransition, type ReactNode } from "react";
import { useForm, type Path } from "react-hook-form";
import { useErrorText } from "@/components/forms/use-action-form";
import { ProofOfWorkStatus, useProofOfWork } from "@/components/security/proof-of-work";
import { ConsentFields, type ShownNotice } from "@/components/privacy/consent-fields";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import type { MessageRef } from "@/lib/forms/action-result";
import { fieldState, GUEST_MAX_FILES, GUEST_PRIORITIES, type GuestBuiltInField, type GuestFieldRule, type GuestPortalFields } from "@/lib/guests/config";
import { buildGuestRequestSchema, emptyGuestRequest, type GuestRequestFormInput, type GuestRequestValues } from "@/lib/guests/request-schema";

const TEXT_FIELDS = ["requesterName", "email", "phone", "location", "asset", "category", "priority", "title", "description"] as const;

export interface GuestRequestFormProps {
  fields: GuestPortalFields;
  maxFileBytes: number;
  /** The file input's accept attribute (the storage allow-list). */
  accept: string;
  /** Where to send; absent in the admin's preview, which cannot be sent. */
  target?: { portalToken: string; formToken: string };
  /** The privacy notice in force for the visitor's language; null when none. */
  notice?: ShownNotice | null;
}

export function GuestRequestForm({ fields, maxFileBytes, accept, target, notice = null }: GuestRequestFormProps) {
  const t = useTranslations("guests");
  const errorText = useErrorText();
  const router = useRouter();
  const preview = !target;
  const schema = useMemo(() => buildGuestRequestSchema(fields, { maxFileBytes, privacyNoticeId: notice?.id }), [fields, maxFileBytes, notice?.id]);
  const form = useForm<GuestRequestFormInput, unknown, GuestRequestValues>({ resolver: zodResolver(schema), defaultValues: emptyGuestRequest(fields) });
  const [files, setFiles] = useState<File[]>([]);
  const [formError, setFormError] = useState<MessageRef | null>(null);
  const [pending, startTransition] = useTransition();
  const { errors } = form.formState;
  const maxMb = Math.max(1, Math.round(maxFileBytes / (1024 * 1024)));
  // Solved while the person types (not in the admin's preview); the submission waits for it if need be.
  const pow = useProofOfWork("guest-request", !preview);
  const tp = useTranslations("security.pow");

  const onSubmit = form.handleSubmit(() => {
    if (!target) return;
    setFormError(null);
    // The raw inputs go to the server, which validates them with the same schema.
    const values = form.getValues();
    const body = new FormData();
    for (const key of TEXT_FIELDS) if (fields.builtIn[key].shown) body.append(key, values[key] ?? "");
    for (const field of fields.custom) if (field.shown) body.append(`custom.${field.key}`, values.custom?.[field.key] ?? "");
    if (fields.builtIn.attachment.shown) for (const file of files) body.append("files", file);
    body.append("website", values.website ?? "");
    if (notice) body.append("privacyNoticeId", notice.id);
    if (values.acceptPrivacyNotice) body.append("acceptPrivacyNotice", "yes");
    if (values.marketingConsent) body.append("marketingConsent", "yes");
    body.append("formToken", target.formToken);
    startTransition(async () => {
      try {
        body.append("altcha", await pow.take());
        const response = await fetch(`/api/guest/${encodeURIComponent(target.portalToken)}`, { method: "POST", body });
        const data = (await response.json().catch(() => null)) as {
          statusPath?: string;
          error?: string;
          values?: Record<string, number>;
          fields?: Record<string, string>;
        } | null;
        if (response.ok && data?.statusPath) {
          router.push(`${data.statusPath}?received=1`);
          return;
        }
        for (const [name, key] of Object.entries(data?.fields ?? {})) {
          // "files.0.size" belongs to the one file input.
          form.setError((name.startsWith("files") ? "files" : name) as Path<GuestRequestFormInput>, { type: "server", message: key });
        }
        setFormError({ key: data?.error ?? "common.genericError", values: data?.values });
      } catch {
        setFormError({ key: "common.genericError" });
      }
    });
  });

  const label = (text: ReactNode, rule: GuestFieldRule) => (
    <>
      {text}
      {fieldState(rule) === "required" ? <span className="text-red-700"> *</span> : null}
    </>
  );
  const fieldError = (name: string) => {
    const error = name.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], errors) as
      { message?: string } | undefined;
    return errorText(error?.message, { maxMb });
  };
  const shown = (key: GuestBuiltInField) => fields.builtIn[key].shown;
  const text = (key: Exclude<(typeof TEXT_FIELDS)[number], "category" | "priority" | "description">, extra: { type?: string; autoComplete?: string } = {}) =>
    shown(key) ? (
      <TextField
        key={key}
        label={label(t(`fields.${key}`), fields.builtIn[key])}
        error={fieldError(key)}
        autoComplete={extra.autoComplete ?? "off"}
        type={extra.type}
        {...form.register(key)}
      />
    ) : null;

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {preview ? <Alert tone="info">{t("form.previewNote")}</Alert> : null}
      {formError ? <Alert tone="error">{errorText(formError.key, formError.values)}</Alert> : null}
      <fieldset disabled={preview || pending} className="space-y-4">
        {text("requesterName", { autoComplete: "name" })}
        {text("email", { type: "email", autoComplete: "email" })}
        {text("phone", { type: "tel", autoComplete: "tel" })}
        {text("location")}
        {text("asset")}
        {shown("category") ? (
          <SelectField label={label(t("fields.category"), fields.builtIn.category)} error={fieldError("category")} {...form.register("category")}>
            <option value="">{t("form.choose")}</option>
            {fields.categories.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </SelectField>
        ) : null}
        {shown("priority") ? (
          <SelectField label={label(t("fields.priority"), fields.builtIn.priority)} error={fieldError("priority")} {...form.register("priority")}>
            <option value="">{t("form.choose")}</option>
            {GUEST_PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {t(`priorities.${p}`)}
              </option>
            ))}
          </SelectField>
        ) : null}
        {text("title")}
        {shown("description") ? (
          <TextAreaField
            label={label(t("fields.description"), fields.builtIn.description)}
            rows={5}
            error={fieldError("description")}
            {...form.register("description")}
          />
        ) : null}
        {fields.custom
          .filter((f) => f.shown)
          .map((f) => {
            const name = `custom.${f.key}` as const;
            const props = { label: label(f.label, f), error: fieldError(name), ...form.register(name) };
            if (f.kind === "longText") return <TextAreaField key={f.key} rows={3} {...props} />;
            if (f.kind === "shortText") return <TextField key={f.key} autoComplete="off" {...props} />;
            return (
              <SelectField key={f.key} {...props}>
                <option value="">{t("form.choose")}</option>
                <option value="yes">{t("yes")}</option>
                <option value="no">{t("no")}</option>
              </SelectField>
            );
          })}
        {shown("attachment") ? (
          <TextField
            label={label(t("fields.attachment"), fields.builtIn.attachment)}
            type="file"
            name="files"
            multiple
            accept={accept}
            help={
              files.length > 0
                ? `${t("form.chosenFiles", { count: files.length })} · ${t("form.attachmentHelp", { count: GUEST_MAX_FILES, maxMb })}`
                : t("form.attachmentHelp", { count: GUEST_MAX_FILES, maxMb })
            }
            error={fieldError("files")}
            onChange={(event) => {
              const chosen = Array.from(event.currentTarget.files ?? []);
              setFiles(chosen);
              form.setValue(
                "files",
                chosen.map((f) => ({ name: f.name, size: f.size })),
                { shouldValidate: form.formState.isSubmitted },
              );
            }}
          />
        ) : null}
        <ConsentFields
          notice={notice}
          accept={form.register("acceptPrivacyNotice")}
          marketing={form.register("marketingConsent")}
          acceptError={fieldError("acceptPrivacyNotice")}
        />
        {/* Honeypot: hidden from people and assistive technology; bots fill it. */}
        <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
          <label htmlFor="guest-website">Website</label>
          <input id="guest-website" tabIndex={-1} autoComplete="off" {...form.register("website")} />
        </div>
      </fieldset>
      {preview ? null : <ProofOfWorkStatus status={pow.status} percent={pow.percent} />}
      <Button type="submit" disabled={preview || pending} aria-busy={pending}>
        {pending ? (pow.waiting ? tp("waiting") : t("form.sending")) : t("form.submit")}
      </Button>
    </form>
  );
}
