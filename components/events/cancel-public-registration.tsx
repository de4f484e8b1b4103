"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { cancelPublicRegistrationAction } from "@/lib/events/public-actions";

export function CancelPublicRegistration({ token, registrationId, eventName }: { token: string; registrationId: string; eventName: string }) {
  const t = useTranslations("events.portal");
  const router = useRouter();
  return (
    <ConfirmButton
      message={t("confirmCancel", { name: eventName })}
      action={async () => {
        const result = await cancelPublicRegistrationAction(token, registrationId);
        if (result.ok) router.refresh();
        return result;
      }}
    >
      {t("cancelRegistration")}
    </ConfirmButton>
  );
}
