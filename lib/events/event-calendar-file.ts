// Who may download an event's .ics: anyone for events with public registration;
// otherwise staff, and portal clients who can see the event (open, or registered).
import { appUrl } from "@/lib/app-url";
import { isPortalClient, isStaff, type Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import type { DbOrTx } from "@/lib/db";
import { translatorFor } from "@/lib/i18n/messages";
import { eventCalendar, type CalendarEvent } from "./calendar";
import { eventLocation } from "./event-location";
import { openForRegistration } from "./portal-events";
import type { Prisma } from "@/lib/generated/prisma/client";

/** What an event's calendar entry is made of: the single .ics file and the subscription feed read the same. */
export const calendarEventSelect = {
  id: true,
  number: true,
  name: true,
  description: true,
  startsAt: true,
  endsAt: true,
  timeZone: true,
  status: true,
  updatedAt: true,
  place: { select: { name: true, address: true } },
  customer: { select: { name: true } },
} satisfies Prisma.EventSelect;

export async function calendarFileFor(
  db: DbOrTx,
  actor: Actor | null,
  slug: string,
  options: { host: string; locale: string; url: string },
): Promise<string | null> {
  const visibility =
    actor && isStaff(actor)
      ? {}
      : {
          OR: [
            { publicRegistration: true },
            ...(actor && isPortalClient(actor) ? [openForRegistration(now()), { registrations: { some: { userId: actor.userId } } }] : []),
          ],
        };
  const event = await db.event.findFirst({
    where: { slug, ...visibility },
    select: calendarEventSelect,
  });
  if (!event) return null;
  const location = eventLocation(event);
  const t = translatorFor(options.locale);
  return eventCalendar({ ...event, location, url: options.url }, { host: options.host, cancelledLabel: t("events.calendar.cancelled") });
}

type CalendarSource = Omit<CalendarEvent, "location" | "url"> & {
  slug: string;
  publicRegistration: boolean;
  place: { name: string; address: string | null } | null;
  customer: { name: string } | null;
};

export interface CalendarAttachment {
  fileName: string;
  contentType: string;
  content: Uint8Array<ArrayBuffer>;
}

const MAX_ATTACHMENTS = 500;
const attachments = new Map<string, CalendarAttachment>();

/**
 * The event's .ics as an e-mail attachment (the registration confirmation
 * carries it). Every registrant of an event gets the same file, so it is built
 * once per version of the event and language, and shared: do not modify it.
 */
export function eventCalendarAttachment(event: CalendarSource, locale: string): CalendarAttachment {
  const { id, number, name, description, startsAt, endsAt, timeZone, status, updatedAt, slug, publicRegistration, place, customer } = event;
  const key = JSON.stringify([
    id,
    number,
    name,
    description,
    startsAt,
    endsAt,
    timeZone,
    status,
    updatedAt,
    slug,
    publicRegistration,
    place,
    customer,
    locale,
    appUrl("/"),
  ]);
  let attachment = attachments.get(key);
  if (!attachment) {
    if (attachments.size >= MAX_ATTACHMENTS) attachments.delete(attachments.keys().next().value!);
    attachment = buildCalendarAttachment(event, locale);
    attachments.set(key, attachment);
  }
  return attachment;
}

function buildCalendarAttachment(event: CalendarSource, locale: string): CalendarAttachment {
  const location = eventLocation(event);
  const url = event.publicRegistration ? appUrl(`/e/${encodeURIComponent(event.slug)}`) : appUrl(`/portal/events/${event.number}`);
  const t = translatorFor(locale);
  const ics = eventCalendar({ ...event, location, url }, { host: new URL(appUrl("/")).host, cancelledLabel: t("events.calendar.cancelled") });
  return { fileName: `event-${event.number}.ics`, contentType: "text/calendar; charset=utf-8", content: new TextEncoder().encode(ics) };
}
