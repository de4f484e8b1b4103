"use client";

// Staff cancel a participant's registration: a modal dialog with an optional
// reason, which the registrant reads in their e-mail and on their registration
// page. Afterwards the event page confirms it (?registrationCancelled=1).
import { useTranslations } from "next-intl";
import { usePathname, useRouter } from "next/navigation";
import { ReasonDialog } from "@/components/ui/reason-dialog";
import { CANCEL_REASON_MAX, cancelRegistrationSchema, type CancelRegistrationInput } from "@/lib/events/schemas";
import type { ActionResult } from "@/lib/forms/action-result";

export function CancelRegistrationDialog({ name, action }: { name: string; action: (input: CancelRegistrationInput) => Promise<ActionResult> }) {
  const t = useTranslations("events.admin");
  const router = useRouter();
  const pathname = usePathname();
  return (
    <ReasonDialog
      schema={cancelRegistrationSchema}
      maxLength={CANCEL_REASON_MAX}
      action={action}
      onDone={() => router.replace(`${pathname}?registrationCancelled=1`, { scroll: false })}
      label={t("cancelRegistration")}
      title={t("cancelRegistrationConfirm", { name })}
      explain={t("cancelRegistrationExplain")}
      reasonLabel={t("cancelRegistrationReason")}
      submitLabel={t("cancelRegistration")}
    />
  );
}
