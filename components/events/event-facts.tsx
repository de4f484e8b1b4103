import { getFormatter, getTranslations } from "next-intl/server";
import { seatsLeft, type EventCard } from "@/lib/events/portal-events";

/** The facts a registrant sees for an event: number, seats and reserve seats left, deadlines, start and end. */
export async function EventFacts({ event }: { event: EventCard }) {
  const t = await getTranslations("events.portal");
  const format = await getFormatter();
  const left = seatsLeft(event);
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone: event.timeZone }) : t("noDeadline"));
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
      <dt className="font-medium">{t("number")}</dt>
      <dd>#{event.number}</dd>
      <dt className="font-medium">{t("starts")}</dt>
      <dd>{when(event.startsAt)}</dd>
      <dt className="font-medium">{t("ends")}</dt>
      <dd>{when(event.endsAt)}</dd>
      <dt className="font-medium">{t("seatsLeft")}</dt>
      <dd>{t("seatsOf", { left: left.seats, total: event.seats })}</dd>
      <dt className="font-medium">{t("reserveLeft")}</dt>
      <dd>{t("seatsOf", { left: left.reserve, total: event.reserveSeats })}</dd>
      <dt className="font-medium">{t("registrationDeadline")}</dt>
      <dd>{when(event.registrationDeadline)}</dd>
      <dt className="font-medium">{t("cancellationDeadline")}</dt>
      <dd>{when(event.cancellationDeadline)}</dd>
      <dt className="sr-only">{t("timeZone")}</dt>
      <dd className="text-xs text-slate-500 sm:col-start-2">{t("timesIn", { timeZone: event.timeZone })}</dd>
    </dl>
  );
}
