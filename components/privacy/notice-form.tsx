"use client";

// Settings → Privacy notice: saving adds a new version of the language's
// notice (admins only; the server checks again). An empty text withdraws it.
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { FormFeedback } from "@/components/forms/form-feedback";
import { useActionForm, useErrorText } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { PRIVACY_NOTICE_MAX_CHARS, privacyNoticeSchema, type PrivacyNoticeInput } from "@/lib/privacy/consent-schema";
import { saveNoticeAction } from "@/lib/privacy/settings-actions";

export function NoticeForm({ defaults, languageName }: { defaults: PrivacyNoticeInput; languageName: string }) {
  const t = useTranslations("privacy.notice");
  const tc = useTranslations("common");
  const errorText = useErrorText();
  // `values` follows the server after a save (the new version's text).
  const form = useForm<PrivacyNoticeInput>({ resolver: zodResolver(privacyNoticeSchema), defaultValues: defaults, values: defaults });
  const { onSubmit, pending, formError, message } = useActionForm(form, saveNoticeAction);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormFeedback formError={formError} message={message} />
      <input type="hidden" {...form.register("locale")} />
      <TextAreaField
        label={t("bodyLabel", { language: languageName })}
        help={t("bodyHelp")}
        rows={14}
        error={errorText(form.formState.errors.body?.message, { max: PRIVACY_NOTICE_MAX_CHARS })}
        {...form.register("body")}
      />
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? tc("saving") : t("saveVersion")}
      </Button>
    </form>
  );
}
