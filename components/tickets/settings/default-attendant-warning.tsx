import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import type { DefaultAttendantState } from "@/lib/tickets/settings/default-attendant";

/**
 * The staff dashboard's warning when the default attendant (the staff user the
 * portal's movements are assigned to) is unset or no longer an active staff user.
 * The page reads the state: components never query the database themselves.
 */
export async function DefaultAttendantWarning({ state }: { state: DefaultAttendantState }) {
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
