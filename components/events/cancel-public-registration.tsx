"use client";

import { useTranslations } from "next-intl";
import { usePathname, useRouter } from "next/navigation";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { cancelPublicRegistrationAction } from "@/lib/events/public-actions";

export function CancelPublicRegistration({ token, registrationId, eventName }: { token: string; registrationId: string; eventName: string }) {
  const t = useTranslations("events.portal");
  const router = useRouter();
  const pathname = usePathname();
  return (
    <ConfirmButton
      message={t("confirmCancel", { name: eventName })}
      action={async () => {
        const result = await cancelPublicRegistrationAction(token, registrationId);
        // The page confirms the cancellation (and that an e-mail is on its way).
        if (result.ok) router.replace(`${pathname}?cancelled=1`);
        return result;
      }}
    >
      {t("cancelRegistration")}
    </ConfirmButton>
  );
}
