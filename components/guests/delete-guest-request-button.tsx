"use client";

// Deleting a guest request asks first; afterwards the list says it was deleted.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { deleteGuestRequestAction } from "@/lib/guests/actions";

export function DeleteGuestRequestButton({ id, number }: { id: string; number: number }) {
  const t = useTranslations("guests.detail");
  const router = useRouter();
  return (
    <ConfirmButton
      message={t("deleteConfirm", { number })}
      action={async () => {
        const result = await deleteGuestRequestAction(id);
        if (result.ok) router.push("/admin/guest-requests?deleted=1");
        return result;
      }}
    >
      {t("delete")}
    </ConfirmButton>
  );
}
