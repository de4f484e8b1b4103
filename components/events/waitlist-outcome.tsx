import { getFormatter, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { first, type SearchParams } from "@/lib/pagination";
import { WaitlistBadge } from "./waitlist-badge";

interface WaitlistOutcomeProps {
  registration: { status: string; hold: string | null; holdExpiresAt: Date | null; offer: string | null; offerExpiresAt: Date | null };
  timeZone: string;
  /** Where a held place is confirmed (public registrants only). */
  confirmUrl?: string;
  /** The page's query: ?accepted=1 or ?declined=1 after an answer to an offer. */
  query: SearchParams;
  /** The buttons that answer an offer (OfferAnswer with the page's actions). */
  children: React.ReactNode;
}

/**
 * On the registrant's own page: a place held until confirmed (with the link
 * that confirms it), a seat offered to this reserve (with the buttons to
 * answer it), and the answer just given.
 */
export async function WaitlistOutcome({ registration, timeZone, confirmUrl, query, children }: WaitlistOutcomeProps) {
  const [t, format] = await Promise.all([getTranslations("events.waitlist"), getFormatter()]);
  const time = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone }) : "");
  const held = registration.hold === "HELD" && registration.status !== "CANCELLED";
  const offered = registration.offer === "OPEN" && registration.status === "RESERVE";
  return (
    <>
      {first(query.accepted) && registration.offer === "ACCEPTED" ? <Alert tone="success">{t("accepted")}</Alert> : null}
      {first(query.declined) && registration.offer === "DECLINED" ? <Alert tone="success">{t("declined")}</Alert> : null}
      <WaitlistBadge {...registration} timeZone={timeZone} />
      {held && confirmUrl ? (
        <div className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-4">
          <p className="text-sm">{t("heldNotice", { time: time(registration.holdExpiresAt) })}</p>
          {/* A plain link: prefetching the confirmation page would confirm. */}
          <a href={confirmUrl} className={buttonClass("primary")}>
            {t("confirmNow")}
          </a>
        </div>
      ) : null}
      {offered ? (
        <section className="space-y-2 rounded-md border border-sky-300 bg-sky-50 p-4" aria-labelledby="seat-offer">
          <h2 id="seat-offer" className="font-medium">
            {t("offerTitle")}
          </h2>
          <p className="text-sm">{t("offerBody", { time: time(registration.offerExpiresAt) })}</p>
          {children}
        </section>
      ) : null}
    </>
  );
}
