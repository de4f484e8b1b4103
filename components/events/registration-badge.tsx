import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";

/** Registered, reserve with its position, or cancelled. */
export async function RegistrationBadge({ status, position }: { status: string; position: number | null }) {
  const t = await getTranslations("events.portal");
  if (status === "REGISTERED") return <Badge tone="green">{t("statusRegistered")}</Badge>;
  if (status === "RESERVE") return <Badge tone="amber">{t("statusReserve", { position: position ?? 0 })}</Badge>;
  return <Badge>{t("statusCancelled")}</Badge>;
}
