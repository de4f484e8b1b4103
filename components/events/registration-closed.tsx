import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/page-header";
import type { ClosedEvent } from "@/lib/events/closed-events";

/**
 * The page of an event that takes no more registrations: which event, why it
 * is closed and what the visitor can still do (the public keep their private
 * link; portal clients find their registrations under My events).
 */
export async function RegistrationClosed({ event, audience }: { event: ClosedEvent; audience: "public" | "portal" }) {
  const [t, tp, format] = await Promise.all([getTranslations("events.closed"), getTranslations("events.portal"), getFormatter()]);
  const when = (date: Date) => format.dateTime(date, { dateStyle: "full", timeStyle: "short", timeZone: event.timeZone });
  return (
    <Card className="w-full max-w-2xl space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <div>
        <p className="text-lg font-medium">{event.name}</p>
        <p className="text-sm text-slate-700">{when(event.startsAt)}</p>
      </div>
      <Alert tone={event.reason === "cancelled" ? "warning" : "info"}>
        {event.reason === "deadlinePassed" && event.registrationDeadline
          ? t("deadlinePassed", { date: when(event.registrationDeadline) })
          : t(event.reason === "cancelled" ? "cancelled" : "ended")}
      </Alert>
      <p className="text-sm text-slate-700">{audience === "portal" ? t("nextPortal") : t("nextPublic")}</p>
      {audience === "portal" ? (
        <p className="flex flex-wrap gap-4 text-sm">
          <Link href="/portal/events?view=mine" className="text-indigo-700 underline">
            {tp("mine")}
          </Link>
          <Link href="/portal/events" className="text-indigo-700 underline">
            {tp("open")}
          </Link>
        </p>
      ) : null}
    </Card>
  );
}
