"use client";

// The registrant's cancel button (in the portal, and on the page their e-mail
// links to): after the confirmation dialog, the same page again with a notice
// that it is cancelled and an e-mail is on its way.
import { useTranslations } from "next-intl";
import { usePathname, useRouter } from "next/navigation";
import { ConfirmButton } from "@/components/ui/confirm-button";
import type { ActionResult } from "@/lib/forms/action-result";

export function CancelMyRegistration({ eventName, action }: { eventName: string; action: () => Promise<ActionResult<unknown>> }) {
  const t = useTranslations("events.portal");
  const router = useRouter();
  const pathname = usePathname();
  return (
    <ConfirmButton
      message={t("confirmCancel", { name: eventName })}
      action={async () => {
        const result = await action();
        if (!result.ok) return result;
        router.replace(`${pathname}?cancelled=1`);
      }}
    >
      {t("cancelRegistration")}
    </ConfirmButton>
  );
}
