import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/page-header";
import { Markdown } from "@/components/ui/markdown";
import type { EventCard } from "@/lib/events/portal-events";
import { EventFacts } from "./event-facts";

interface OverviewEvent extends EventCard {
  slug: string;
  place: { name: string; address: string | null } | null;
  customer: { name: string } | null;
  secondaryEvents: { number: number; name: string }[];
}

/** What the portal and the public page show of an event: description, facts, place, sessions, calendar file. */
export async function EventOverview({ event }: { event: OverviewEvent }) {
  const t = await getTranslations("events.portal");
  const location = event.place ? [event.place.name, event.place.address].filter(Boolean).join(", ") : (event.customer?.name ?? null);
  return (
    <Card>
      {event.description ? <Markdown source={event.description} className="mb-4" /> : null}
      <EventFacts event={event} />
      {location ? <p className="mt-3 text-sm">{t("location", { location })}</p> : null}
      {event.secondaryEvents.length > 0 ? (
        <>
          <h2 className="mb-2 mt-4 font-medium">{t("sessions")}</h2>
          <ul className="list-disc pl-5 text-sm">
            {event.secondaryEvents.map((s) => (
              <li key={s.number}>
                #{s.number} {s.name}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p className="mt-4 text-sm">
        <a href={`/api/events/${event.slug}/calendar.ics`} className="text-indigo-700 underline">
          {t("addToCalendar")}
        </a>
      </p>
    </Card>
  );
}
