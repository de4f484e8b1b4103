import { useTranslations } from "next-intl";
import { Badge } from "./badge";

/** "Active" in green or "Inactive" in grey, for records that can be deactivated. */
export function ActiveBadge({ active }: { active: boolean }) {
  const t = useTranslations("common");
  return active ? <Badge tone="green">{t("active")}</Badge> : <Badge>{t("inactive")}</Badge>;
}
