// Promotion from the reserve list: when a seat is free, the earliest reserve by
// arrival either becomes REGISTERED and is e-mailed, once (automatic
// promotion), or is offered the seat with a deadline to accept (offers). A
// seat under offer is nobody else's until the offer is accepted, declined or
// expires. Runs only under the event row lock, inside the transaction that
// freed the seat.
import { appUrl } from "@/lib/app-url";
import { now } from "@/lib/clock";
import type { DbOrTx } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/outbox";
import { issuePrivateLink } from "./private-links";
import { mirrorToSecondaries } from "./replication";
import { eventEmailDetails, lockEvent, privateRegistrationUrl, writeCounters, type Counters, type LockedEvent } from "./seat-lock";

/** Reserves of the event holding an open offer: each keeps one seat out of everyone else's reach. */
export async function openOfferCount(tx: DbOrTx, eventId: string): Promise<number> {
  return tx.registration.count({ where: { eventId, status: "RESERVE", offer: "OPEN" } });
}

/**
 * Moves the earliest reserves into free seats, updating `counters` (the caller
 * writes them) and appending the e-mails to `emailIds`; with offers, offers
 * them the seats instead (counters unchanged: they stay reserves until they
 * accept). Seats under an open offer are not free. Nothing moves for a
 * cancelled or finished event. Returns the promoted registration ids.
 */
export async function fillFreeSeats(tx: DbOrTx, event: LockedEvent, counters: Counters, emailIds: string[]): Promise<string[]> {
  if (counters.reserve <= 0 || event.seats - counters.registered <= 0 || event.status === "CANCELLED" || now() >= event.endsAt) return [];
  const offered = await openOfferCount(tx, event.id);
  const free = Math.min(event.seats - counters.registered - offered, counters.reserve - offered);
  if (free <= 0) return [];
  if (event.waitlistMode === "OFFERS") {
    await makeOffers(tx, event, free, emailIds);
    return [];
  }
  const next = await tx.registration.findMany({
    where: { eventId: event.id, status: "RESERVE", offer: null },
    orderBy: { arrival: "asc" },
    take: free,
    select: { id: true, name: true, email: true, locale: true, userId: true },
  });
  if (next.length === 0) return [];
  const { count } = await tx.registration.updateMany({ where: { id: { in: next.map((r) => r.id) }, status: "RESERVE" }, data: { status: "REGISTERED" } });
  // Under the lock nobody else can have moved them; anything else is a bug worth a rollback.
  if (count !== next.length) throw new Error(`promotion of event ${event.id} changed ${count} of ${next.length} reserves`);
  counters.registered += next.length;
  counters.reserve -= next.length;
  for (const registration of next) emailIds.push(await enqueuePromotedEmail(tx, event, registration));
  return next.map((r) => r.id);
}

/** "You have a seat now": to a reserve moved up, by promotion or by accepting an offer. */
export function enqueuePromotedEmail(
  tx: DbOrTx,
  event: LockedEvent,
  registration: { name: string; email: string; locale: string; userId: string | null },
): Promise<string> {
  return enqueueEmail(tx, {
    to: registration.email,
    locale: registration.locale,
    timeZone: event.timeZone,
    template: "eventPromoted",
    props: eventEmailDetails(event, registration.name, null, registration),
  });
}

/**
 * When an offer made now runs out: after the event's offer time, but never
 * past the start (or, once started, the end) — a seat offered beyond that
 * could not be used.
 */
export function offerDeadline(event: Pick<LockedEvent, "offerHours" | "startsAt" | "endsAt">, at: Date = now()): Date {
  const wanted = new Date(at.getTime() + event.offerHours * 3_600_000);
  const limit = event.startsAt > at ? event.startsAt : event.endsAt;
  return wanted < limit ? wanted : limit;
}

/**
 * Offers `count` free seats to the earliest reserves not already holding an
 * offer. A public registrant's e-mail carries a freshly issued private link
 * (only hashes of earlier ones are kept); a client accepts in the portal.
 */
async function makeOffers(tx: DbOrTx, event: LockedEvent, count: number, emailIds: string[]): Promise<void> {
  const next = await tx.registration.findMany({
    where: { eventId: event.id, status: "RESERVE", offer: null },
    orderBy: { arrival: "asc" },
    take: count,
    select: { id: true, name: true, email: true, locale: true, userId: true },
  });
  if (next.length === 0) return;
  const expiresAt = offerDeadline(event);
  const { count: changed } = await tx.registration.updateMany({
    where: { id: { in: next.map((r) => r.id) }, status: "RESERVE", offer: null },
    data: { offer: "OPEN", offerExpiresAt: expiresAt },
  });
  if (changed !== next.length) throw new Error(`offers of event ${event.id} changed ${changed} of ${next.length} reserves`);
  for (const registration of next) {
    const privateUrl = registration.userId ? null : privateRegistrationUrl(event.slug, await issuePrivateLink(tx, registration.id));
    emailIds.push(
      await enqueueEmail(tx, {
        to: registration.email,
        locale: registration.locale,
        timeZone: event.timeZone,
        template: "eventOffer",
        props: {
          ...eventEmailDetails(event, registration.name, privateUrl, registration),
          acceptUrl: privateUrl ?? appUrl(`/portal/events/${event.number}`),
          expiresAt,
        },
      }),
    );
  }
}

/**
 * For the event-saving code, after seats were raised: under the event's lock,
 * moves reserves into the new free seats (e-mailing them) or offers them the
 * seats, and mirrors that to the secondaries. Call it in the saving
 * transaction; notifyOutbox(emailIds) after commit.
 */
export async function promoteReserves(tx: DbOrTx, eventId: string): Promise<{ promotedIds: string[]; emailIds: string[] }> {
  const event = await lockEvent(tx, eventId);
  if (!event || event.mainEventId) return { promotedIds: [], emailIds: [] };
  const counters: Counters = { registered: event.registeredCount, reserve: event.reserveCount };
  const emailIds: string[] = [];
  const promotedIds = await fillFreeSeats(tx, event, counters, emailIds);
  if (promotedIds.length > 0) {
    await writeCounters(tx, event.id, counters);
    await mirrorToSecondaries(tx, event.id, promotedIds);
  }
  return { promotedIds, emailIds };
}
