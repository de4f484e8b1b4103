"use client";

// A new message in a ticket's discussion: text and/or files (the thread's
// message form with the ticket's schema, limits and words). Staff screens may
// offer the "internal note" box.
import { useTranslations } from "next-intl";
import { MessageForm, type MessageRules } from "@/components/threads/message-form";
import type { ActionResult } from "@/lib/forms/action-result";
import { MAX_FILES_PER_MESSAGE, messageSchema, TEXT_MAX, type MessageInput } from "@/lib/tickets/schemas";

const rules: MessageRules = { schema: messageSchema, maxLength: TEXT_MAX, maxFiles: MAX_FILES_PER_MESSAGE };

/** `allowInternal` (staff only) offers "internal note". */
export function ReplyForm({
  action,
  maxMb,
  allowInternal = false,
}: {
  action: (input: MessageInput) => Promise<ActionResult>;
  maxMb: number;
  allowInternal?: boolean;
}) {
  const t = useTranslations("tickets.discussion");
  const internalNote = allowInternal ? t("internalNote") : undefined;
  return (
    <MessageForm
      action={action}
      rules={rules}
      maxMb={maxMb}
      labels={{ form: t("replyTitle"), body: t("body"), files: t("files"), internalNote, submit: t("send"), sending: t("sending") }}
    />
  );
}
