import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";

interface WaitlistBadgeProps {
  status: string;
  hold: string | null;
  holdExpiresAt: Date | null;
  offer: string | null;
  offerExpiresAt: Date | null;
  timeZone: string;
}

/** A public sign-up's e-mail confirmation and a reserve's seat offer, beside the registration's status. */
export async function WaitlistBadge({ status, hold, holdExpiresAt, offer, offerExpiresAt, timeZone }: WaitlistBadgeProps) {
  const [t, format] = await Promise.all([getTranslations("events.waitlist"), getFormatter()]);
  const time = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "short", timeStyle: "short", timeZone }) : "");
  const badges: React.ReactNode[] = [];
  if (hold === "HELD" && status !== "CANCELLED") badges.push(<Badge tone="amber">{t("heldUntil", { time: time(holdExpiresAt) })}</Badge>);
  if (hold === "CONFIRMED") badges.push(<Badge tone="green">{t("confirmed")}</Badge>);
  if (hold === "EXPIRED") badges.push(<Badge tone="red">{t("expired")}</Badge>);
  if (offer === "OPEN" && status === "RESERVE") badges.push(<Badge tone="blue">{t("offerOpen", { time: time(offerExpiresAt) })}</Badge>);
  if (offer === "ACCEPTED") badges.push(<Badge tone="green">{t("offerAccepted")}</Badge>);
  if (offer === "DECLINED") badges.push(<Badge>{t("offerDeclined")}</Badge>);
  if (offer === "EXPIRED") badges.push(<Badge tone="red">{t("offerExpired")}</Badge>);
  if (badges.length === 0) return null;
  return (
    <span className="mt-1 flex flex-wrap gap-1" data-testid="waitlist-badge">
      {badges.map((badge, i) => (
        <span key={i}>{badge}</span>
      ))}
    </span>
  );
}
