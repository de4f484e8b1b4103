"use client";

// A new message in a ticket's discussion: text and/or files. Staff screens
// may offer the "internal note" box (never shown to the client; the domain
// refuses it from clients anyway).
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FormFeedback } from "@/components/forms/form-feedback";
import { useActionForm, useErrorText } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { CheckboxField, TextAreaField } from "@/components/ui/field";
import type { ActionResult } from "@/lib/forms/action-result";
import { messageSchema, TEXT_MAX, type MessageInput } from "@/lib/tickets/schemas";
import { FileUploader, type UploadedFileRef } from "./file-uploader";
import { schemaResolver } from "./schema-resolver";

interface ReplyFormValues {
  body: string;
  internal: boolean;
}

interface ReplyFormProps {
  action: (input: MessageInput) => Promise<ActionResult>;
  maxMb: number;
  /** Staff only: offer "internal note". */
  allowInternal?: boolean;
}

export function ReplyForm({ action, maxMb, allowInternal = false }: ReplyFormProps) {
  const t = useTranslations("tickets.discussion");
  const errorText = useErrorText();
  const [files, setFiles] = useState<UploadedFileRef[]>([]);
  const [uploading, setUploading] = useState(false);
  const toInput = (v: ReplyFormValues): MessageInput => ({ body: v.body, internal: allowInternal && v.internal, fileIds: files.map((f) => f.id) });
  const form = useForm<ReplyFormValues>({ resolver: schemaResolver(messageSchema, toInput), defaultValues: { body: "", internal: false } });
  const { onSubmit, pending, formError, message } = useActionForm(form, async (values) => {
    const result = await action(toInput(values));
    if (result.ok) {
      form.reset({ body: "", internal: false });
      setFiles([]);
    }
    return result;
  });
  const { errors } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label={t("replyTitle")}>
      <FormFeedback formError={formError} message={message} />
      <TextAreaField label={t("body")} rows={4} maxLength={TEXT_MAX} error={errorText(errors.body?.message, { max: TEXT_MAX })} {...form.register("body")} />
      <FileUploader value={files} onChange={setFiles} maxMb={maxMb} onBusyChange={setUploading} label={t("files")} />
      {allowInternal ? <CheckboxField label={t("internalNote")} {...form.register("internal")} /> : null}
      <Button type="submit" disabled={pending || uploading} aria-busy={pending}>
        {pending ? t("sending") : t("send")}
      </Button>
    </form>
  );
}
