"use client";

// An administrator deletes a cancelled ticket: a confirmation dialog that says
// its files go too and the audit log keeps a record; the action then returns to the queue.
import { useTranslations } from "next-intl";
import { ConfirmButton } from "@/components/ui/confirm-button";
import type { ActionResult } from "@/lib/forms/action-result";

export function DeleteTicketButton({ number, fileCount, action }: { number: number; fileCount: number; action: () => Promise<ActionResult> }) {
  const t = useTranslations("tickets.staff");
  // The action redirects to the queue; the router navigates, so its redirect signal is success here.
  const run = async (): Promise<ActionResult> => {
    try {
      return await action();
    } catch (error) {
      if (error instanceof Error && "digest" in error && String((error as { digest: unknown }).digest).startsWith("NEXT_REDIRECT")) return { ok: true };
      throw error;
    }
  };
  return (
    <ConfirmButton message={t("deleteConfirm", { number, files: fileCount })} confirmLabel={t("deleteTicket")} action={run}>
      {t("deleteTicket")}
    </ConfirmButton>
  );
}
