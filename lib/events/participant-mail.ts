// What the status and reminder e-mails say about an event to one participant:
// the details block, and the way into an online event. Attendance is recorded
// by the join pages, so people who have one get it instead of the raw link.
import { appUrl } from "@/lib/app-url";
import type { EventAccess } from "@/lib/email/templates/event-access";
import type { EventEmailDetails } from "@/lib/email/templates/event-details";
import type { Prisma } from "@/lib/generated/prisma/client";
import { eventLocation } from "./event-location";

export const mailEventSelect = {
  id: true,
  number: true,
  slug: true,
  name: true,
  status: true,
  startsAt: true,
  endsAt: true,
  timeZone: true,
  onlineUrl: true,
  place: { select: { name: true, address: true } },
  customer: { select: { name: true } },
} satisfies Prisma.EventSelect;
export type MailEvent = Prisma.EventGetPayload<{ select: typeof mailEventSelect }>;

export const mailRegistrationSelect = {
  id: true,
  name: true,
  email: true,
  locale: true,
  userId: true,
  source: true,
  status: true,
} satisfies Prisma.RegistrationSelect;
export type MailRegistration = Prisma.RegistrationGetPayload<{ select: typeof mailRegistrationSelect }>;

/**
 * Portal users join through `/portal/events/<number>/join`; public registrants
 * through the private link of their confirmation e-mail, which cannot be rebuilt
 * (only its hash is stored), so they get the public page. A participant added by
 * staff without a portal account has neither: they get the conference link itself.
 * A reserve holds no seat, so gets no way in at all (the join page would refuse them).
 */
export function participantMail(event: MailEvent, registration: MailRegistration): EventEmailDetails & EventAccess {
  const online = Boolean(event.onlineUrl) && registration.status !== "RESERVE";
  const joinUrl = online && registration.userId ? appUrl(`/portal/events/${event.number}/join`) : null;
  const publicPageUrl = online && !joinUrl && registration.source === "PUBLIC" ? appUrl(`/e/${encodeURIComponent(event.slug)}`) : null;
  return {
    name: registration.name,
    eventName: event.name,
    eventNumber: event.number,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    timeZone: event.timeZone,
    place: eventLocation(event),
    onlineUrl: !online || joinUrl || publicPageUrl ? null : event.onlineUrl,
    privateUrl: null,
    joinUrl,
    publicPageUrl,
  };
}
