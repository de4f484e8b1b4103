"use client";

// Adds a message (with evidence files) to a contact's thread: the company's
// representative in the portal, staff replying in the back office. `action` is
// the server action bound to the contact's number.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FormFeedback } from "@/components/forms/form-feedback";
import { useActionForm, useErrorText } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import type { ActionResult } from "@/lib/forms/action-result";
import { contactMessageSchema, MAX_ATTACHMENTS, MAX_MESSAGE_LENGTH, type ContactMessageInput } from "@/lib/contacts/schemas";
import { AttachmentPicker } from "./attachment-picker";
import { validateOnly } from "./validate-only";

const resolver = validateOnly<ContactMessageInput>(contactMessageSchema);
const empty: ContactMessageInput = { body: "", fileIds: [] };

export function MessageForm({ action, label, submitLabel, maxMb }: { action: (input: ContactMessageInput) => Promise<ActionResult>; label: string; submitLabel: string; maxMb: number }) {
  const t = useTranslations("contacts");
  const errorText = useErrorText();
  const router = useRouter();
  const [uploading, setUploading] = useState(false);
  // Bumped after a message is sent: a new picker starts without files.
  const [sent, setSent] = useState(0);
  const form = useForm<ContactMessageInput>({ resolver, defaultValues: empty });
  const { onSubmit, pending, formError, message } = useActionForm(form, async (values) => {
    const result = await action(values);
    if (result.ok) {
      form.reset(empty);
      setSent((n) => n + 1);
      router.refresh();
    }
    return result;
  });
  const { errors } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormFeedback formError={formError} message={message} />
      <TextAreaField label={label} rows={5} error={errorText(errors.body?.message, { max: MAX_MESSAGE_LENGTH })} {...form.register("body")} />
      <AttachmentPicker key={sent} maxMb={maxMb} onBusy={setUploading} error={errorText(errors.fileIds?.message, { max: MAX_ATTACHMENTS })} onChange={(ids) => form.setValue("fileIds", ids)} />
      <Button type="submit" disabled={pending || uploading} aria-busy={pending}>
        {pending ? t("sending") : submitLabel}
      </Button>
    </form>
  );
}
