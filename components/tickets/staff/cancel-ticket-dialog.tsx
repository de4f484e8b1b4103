"use client";

// An administrator cancels a ticket opened by mistake: a modal dialog asks for
// the required reason. What was typed survives closing and reopening it.
import { useTranslations } from "next-intl";
import { ReasonDialog } from "@/components/ui/reason-dialog";
import type { ActionResult } from "@/lib/forms/action-result";
import { cancelSchema, REASON_MAX, type CancelInput } from "@/lib/tickets/schemas";

export function CancelTicketDialog({ number, action }: { number: number; action: (input: CancelInput) => Promise<ActionResult> }) {
  const t = useTranslations("tickets.staff");
  return (
    <ReasonDialog
      schema={cancelSchema}
      maxLength={REASON_MAX}
      required
      keepDraft
      action={action}
      label={t("cancelTicket")}
      title={t("cancelTitle", { number })}
      explain={t("cancelExplain")}
      reasonLabel={t("cancelReason")}
      submitLabel={t("confirmCancel")}
    />
  );
}
