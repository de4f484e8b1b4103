import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { RegistrationBadge } from "@/components/events/registration-badge";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/page-header";
import { cancellationRule } from "@/lib/events/portal-events";
import type { SessionRegistration } from "@/lib/events/session-private-link";

/**
 * A session as a public registrant's private link shows it: their state in
 * the session, its join link, and (the same rule as the portal's session page)
 * that sessions are cancelled through the main event, with the way there.
 */
export async function SessionPrivateLink({ registration, token }: { registration: SessionRegistration; token: string }) {
  const [t, tp, tj, format] = await Promise.all([
    getTranslations("events.public"),
    getTranslations("events.portal"),
    getTranslations("events.join"),
    getFormatter(),
  ]);
  const { event } = registration;
  const main = event.mainEvent;
  const active = registration.status !== "CANCELLED";
  const { reason } = cancellationRule(event);
  const mainPrivatePage = `/e/${encodeURIComponent(main.slug)}/r/${token}`;
  return (
    <Card className="w-full max-w-2xl space-y-4">
      <h1 className="text-2xl font-semibold">{event.name}</h1>
      <p className="text-sm text-slate-700">{t("registrationOf", { name: registration.name, email: registration.email })}</p>
      <p className="text-sm">{format.dateTime(event.startsAt, { dateStyle: "full", timeStyle: "short", timeZone: event.timeZone })}</p>
      <RegistrationBadge status={registration.status} position={registration.reservePosition} />
      {registration.status === "REGISTERED" && event.onlineUrl && event.status !== "CANCELLED" ? (
        <p>
          {/* A plain link: prefetching the join page would record attendance. */}
          <a href={`${mainPrivatePage}/join?session=${event.number}`} className={buttonClass("primary")}>
            {tj("join")}
          </a>
        </p>
      ) : null}
      {event.status === "CANCELLED" ? <Alert tone="error">{tp("eventCancelled")}</Alert> : null}
      <p className="text-sm text-slate-600">
        {active && reason === "throughMainEvent" ? `${tp("cancelThroughMainEvent")} ` : null}
        <Link href={mainPrivatePage} className="text-indigo-700 underline">
          {tp("openMainEvent", { name: main.name })}
        </Link>
      </p>
      <p className="text-sm text-slate-600">{t("keepLink")}</p>
    </Card>
  );
}
