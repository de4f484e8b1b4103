"use client";

// Adds a message (with evidence files) to a contact's thread: the company's
// representative in the portal, staff replying in the back office (the
// thread's message form with the contact's schema, limits and words). `action`
// is the server action bound to the contact's number.
import { useTranslations } from "next-intl";
import { MessageForm as ThreadMessageForm, type MessageRules } from "@/components/threads/message-form";
import type { ActionResult } from "@/lib/forms/action-result";
import { contactMessageSchema, MAX_ATTACHMENTS, MAX_MESSAGE_LENGTH, type ContactMessageInput } from "@/lib/contacts/schemas";

const rules: MessageRules = { schema: contactMessageSchema, maxLength: MAX_MESSAGE_LENGTH, maxFiles: MAX_ATTACHMENTS };

export function MessageForm({
  action,
  label,
  submitLabel,
  maxMb,
}: {
  action: (input: ContactMessageInput) => Promise<ActionResult>;
  label: string;
  submitLabel: string;
  maxMb: number;
}) {
  const t = useTranslations("contacts");
  const filesHelp = t("attachmentsHelp", { maxMb, max: MAX_ATTACHMENTS });
  return (
    <ThreadMessageForm
      action={action}
      rules={rules}
      maxMb={maxMb}
      labels={{ body: label, files: t("attachments"), filesHelp, submit: submitLabel, sending: t("sending") }}
    />
  );
}
