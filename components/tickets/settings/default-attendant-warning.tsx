import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { db } from "@/lib/db";
import { defaultAttendantState } from "@/lib/tickets/settings/default-attendant";

/**
 * The staff dashboard's warning when the default attendant (seed 001: needed
 * for the portal's movements) is unset or no longer an active staff user.
 */
export async function DefaultAttendantWarning() {
  const state = await defaultAttendantState(db);
  if (state === "ok") return null;
  const t = await getTranslations("ticketSettings.dashboard");
  return (
    <div className="mb-6" data-testid="default-attendant-warning">
      <Alert tone="warning">
        {state === "unset" ? t("defaultAttendantUnset") : t("defaultAttendantInvalid")}{" "}
        <Link href="/admin/settings/tickets" className="font-medium underline">
          {t("fix")}
        </Link>
      </Alert>
    </div>
  );
}
