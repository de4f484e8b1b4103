import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/page-header";
import { Markdown } from "@/components/ui/markdown";
import type { EventCard, SessionView } from "@/lib/events/portal-events";
import { EventFacts } from "./event-facts";

interface OverviewEvent extends EventCard {
  slug: string;
  place: { name: string; address: string | null } | null;
  customer: { name: string } | null;
  secondaryEvents: SessionView[];
}

/** Which page the viewer is on: sessions link to pages of the same kind. */
type Audience = "portal" | "public";

const placeText = (place: { name: string; address: string | null } | null) => (place ? [place.name, place.address].filter(Boolean).join(", ") : null);

/**
 * The event's image, whole: scaled down to fit the page's width and a
 * sensible height, never cropped or stretched. Served by
 * /api/events/<slug>/artwork, which answers only viewers allowed to see the event.
 */
export async function EventArtwork({ event }: { event: { slug: string; name: string; artworkFileId: string | null } }) {
  if (!event.artworkFileId) return null;
  const t = await getTranslations("events.public");
  return (
    <figure className="flex justify-center overflow-hidden rounded-lg bg-slate-100">
      {/* eslint-disable-next-line @next/next/no-img-element -- served by our authorized route, not next/image's optimizer */}
      <img
        src={`/api/events/${encodeURIComponent(event.slug)}/artwork`}
        alt={t("artworkAlt", { name: event.name })}
        data-testid="event-artwork"
        className="block h-auto max-h-[28rem] w-auto max-w-full object-contain"
      />
    </figure>
  );
}

/**
 * The sessions of a main event: each with its time (in its own time zone, the
 * one the page states; named when a session keeps another), its place or that
 * it is online, and a link to its page when the viewer may open it.
 */
async function SessionList({ event, audience }: { event: OverviewEvent; audience: Audience }) {
  const t = await getTranslations("events.portal");
  const format = await getFormatter();
  return (
    <>
      <h2 className="mt-4 mb-2 font-medium">{t("sessions")}</h2>
      <ul className="space-y-3 text-sm">
        {event.secondaryEvents.map((s) => {
          const title = `#${s.number} ${s.name}`;
          const place = placeText(s.place);
          const range = format.dateTimeRange(s.startsAt, s.endsAt, {
            dateStyle: "medium",
            timeStyle: "short",
            timeZone: s.timeZone,
            ...(s.timeZone === event.timeZone ? {} : { timeZoneName: "short" }),
          });
          return (
            <li key={s.number} className="rounded-md border border-slate-200 p-3">
              <p className="font-medium">
                {s.reachable ? (
                  <Link href={audience === "portal" ? `/portal/events/${s.number}` : `/e/${encodeURIComponent(s.slug)}`} className="text-indigo-700 underline">
                    {title}
                  </Link>
                ) : (
                  title
                )}
                {s.status === "CANCELLED" ? <span className="ml-2 text-xs font-normal text-red-700">({t("sessionCancelled")})</span> : null}
              </p>
              <p className="text-slate-700">
                <time dateTime={s.startsAt.toISOString()}>{range}</time>
              </p>
              {place || s.isOnline ? (
                <p className="text-slate-600">
                  {[place ? t("location", { location: place }) : null, s.isOnline ? t("sessionOnline") : null].filter(Boolean).join(" · ")}
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
    </>
  );
}

/** What the portal and the public page show of an event: description, facts, place, sessions, calendar file. */
export async function EventOverview({ event, audience }: { event: OverviewEvent; audience: Audience }) {
  const t = await getTranslations("events.portal");
  const location = placeText(event.place) ?? event.customer?.name ?? null;
  return (
    <Card>
      {event.description ? <Markdown source={event.description} className="mb-4" /> : null}
      <EventFacts event={event} />
      {location ? <p className="mt-3 text-sm">{t("location", { location })}</p> : null}
      {event.secondaryEvents.length > 0 ? <SessionList event={event} audience={audience} /> : null}
      <p className="mt-4 text-sm">
        <a href={`/api/events/${event.slug}/calendar.ics`} className="text-indigo-700 underline">
          {t("addToCalendar")}
        </a>
      </p>
    </Card>
  );
}
