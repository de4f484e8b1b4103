// Places held for public sign-ups until the registrant confirms by the
// e-mailed link, and the sweep that ends what nobody answered in time: a hold
// not confirmed by its deadline frees its place, and an offer not accepted by
// its deadline passes to the next reserve. The sweep works under each event's
// lock, exactly as a cancellation does, so the freed seat is promoted (or
// offered) once.
import { appUrl } from "@/lib/app-url";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/outbox";
import { isPlausibleToken, registrationByToken } from "./private-links";
import { fillFreeSeats } from "./promotion";
import { mirrorToSecondaries } from "./replication";
import { lockEvent, SEAT_TRANSACTION, writeCounters, type Counters, type LockedEvent } from "./seat-lock";

export type HoldState =
  | { kind: "alreadyConfirmed" | "cancelled"; eventName: string; slug: string }
  | { kind: "pending" | "expired"; eventName: string; slug: string; expiresAt: Date; timeZone: string };

export type ConfirmOutcome = Exclude<HoldState, { kind: "pending" }> | { kind: "confirmed"; eventName: string; slug: string };

type HeldRow = { id: string; status: string; hold: string | null; holdExpiresAt: Date | null };
type HoldEvent = { name: string; slug: string; timeZone: string };

async function heldRegistration(db: Db, token: string) {
  if (!isPlausibleToken(token)) return null;
  return db.registration.findFirst({
    where: { ...registrationByToken(token), replicatedFromId: null },
    select: { id: true, status: true, hold: true, holdExpiresAt: true, event: { select: { name: true, slug: true, timeZone: true } } },
  });
}

function holdState(row: HeldRow, event: HoldEvent): HoldState {
  const about = { eventName: event.name, slug: event.slug };
  if (row.hold === "HELD" || row.hold === "EXPIRED") {
    if (row.status === "CANCELLED" && row.hold === "HELD") return { kind: "cancelled", ...about };
    const kind = row.hold === "HELD" && row.holdExpiresAt && row.holdExpiresAt > now() ? "pending" : "expired";
    return { kind, ...about, expiresAt: row.holdExpiresAt ?? now(), timeZone: event.timeZone };
  }
  if (row.status === "CANCELLED") return { kind: "cancelled", ...about };
  // CONFIRMED, or a registration that never needed confirming.
  return { kind: "alreadyConfirmed", ...about };
}

/**
 * Where the confirmation link's page stands, changing nothing: opening the
 * link is not the click that confirms (mail scanners and link previews open
 * links too), the page's button is. Null for a token that opens no registration.
 */
export async function readHold(db: Db, token: string): Promise<HoldState | null> {
  const registration = await heldRegistration(db, token);
  return registration ? holdState(registration, registration.event) : null;
}

/**
 * The registrant pressed "Confirm": a held place becomes theirs for good.
 * Confirming again changes nothing; after the deadline it is refused (and
 * says when it ran out), even before the sweep has freed the place. Null for a
 * token that opens no registration.
 */
export async function confirmHold(db: Db, token: string): Promise<ConfirmOutcome | null> {
  const registration = await heldRegistration(db, token);
  if (!registration) return null;
  const { event } = registration;
  // One conditional statement: the sweep's update of the same row waits for it, or it for the sweep.
  const { count } = await db.registration.updateMany({
    where: { id: registration.id, hold: "HELD", status: { in: ["REGISTERED", "RESERVE"] }, holdExpiresAt: { gt: now() } },
    data: { hold: "CONFIRMED" },
  });
  if (count === 1) return { kind: "confirmed", eventName: event.name, slug: event.slug };
  const current = await db.registration.findUniqueOrThrow({
    where: { id: registration.id },
    select: { id: true, status: true, hold: true, holdExpiresAt: true },
  });
  const state = holdState(current, event);
  // Not updated yet still pending cannot be (the update's condition is the same); read as expired to be safe.
  return state.kind === "pending" ? { ...state, kind: "expired" } : state;
}

export interface SweepResult {
  /** Holds that ran out (their places freed). */
  expiredHolds: number;
  /** Offers that ran out (passed to the next reserve). */
  expiredOffers: number;
  /** Outbox rows written (promotions, new offers); hand them to notifyOutbox. */
  emailIds: string[];
}

/** Events looked at per run; a backlog larger than this is finished by the next runs. */
const EVENTS_PER_RUN = 200;

/**
 * Ends the holds and offers whose deadline has passed, event by event, each
 * under the event's lock in its own transaction: the registrations are
 * cancelled (marked expired), the counters drop and the freed seats go to the
 * reserve list as after a cancellation. Safe to run from several workers at
 * once: a row already ended is not matched again.
 */
export async function expireHoldsAndOffers(db: Db): Promise<SweepResult> {
  const result: SweepResult = { expiredHolds: 0, expiredOffers: 0, emailIds: [] };
  const at = now();
  const due = await db.$queryRaw<{ eventId: string }[]>`
    SELECT DISTINCT "eventId" FROM "Registration"
    WHERE (hold = 'HELD' AND "holdExpiresAt" <= ${at} AND status IN ('REGISTERED', 'RESERVE'))
       OR (offer = 'OPEN' AND "offerExpiresAt" <= ${at} AND status = 'RESERVE')
    LIMIT ${EVENTS_PER_RUN}`;
  for (const { eventId } of due) {
    const one = await db.$transaction((tx) => expireForEvent(tx, eventId), SEAT_TRANSACTION);
    result.expiredHolds += one.expiredHolds;
    result.expiredOffers += one.expiredOffers;
    result.emailIds.push(...one.emailIds);
  }
  return result;
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

async function expireForEvent(tx: Tx, eventId: string): Promise<SweepResult> {
  const event = await lockEvent(tx, eventId);
  if (!event) return { expiredHolds: 0, expiredOffers: 0, emailIds: [] };
  const at = now();
  // FOR UPDATE re-reads a row a concurrent confirmation changed, so a confirmed hold is left alone.
  const ended = await tx.$queryRaw<EndedPlace[]>`
    WITH due AS (
      SELECT id, status, (hold = 'HELD' AND "holdExpiresAt" <= ${at}) AS "heldOut"
      FROM "Registration"
      WHERE "eventId" = ${eventId}::uuid AND status IN ('REGISTERED', 'RESERVE')
        AND ((hold = 'HELD' AND "holdExpiresAt" <= ${at}) OR (status = 'RESERVE' AND offer = 'OPEN' AND "offerExpiresAt" <= ${at}))
      FOR UPDATE
    )
    UPDATE "Registration" r SET
      status = 'CANCELLED',
      "cancelledAt" = ${at},
      "cancelledByStaff" = false,
      "cancelReason" = NULL,
      hold = CASE WHEN due."heldOut" THEN 'EXPIRED'::"RegistrationHold" ELSE r.hold END,
      offer = CASE WHEN r.offer = 'OPEN' THEN 'EXPIRED'::"WaitlistOffer" ELSE r.offer END,
      "updatedAt" = ${at}
    FROM due WHERE r.id = due.id
    RETURNING r.id, due.status::text AS was, due."heldOut", r.name, r.email, r.locale, r."userId"`;
  if (ended.length === 0) return { expiredHolds: 0, expiredOffers: 0, emailIds: [] };
  const counters: Counters = {
    registered: event.registeredCount - ended.filter((r) => r.was === "REGISTERED").length,
    reserve: event.reserveCount - ended.filter((r) => r.was === "RESERVE").length,
  };
  const emailIds: string[] = [];
  // A reserve whose offer ran out is told their place on the list ended. Not an
  // unconfirmed sign-up: its address may be someone who never signed up (the
  // reason holds exist), and the confirmation e-mail already gave the deadline.
  // Nor anyone of a cancelled or finished event: there is nothing to come back to.
  if (event.status !== "CANCELLED" && at < event.endsAt) {
    for (const place of ended) if (!place.heldOut) emailIds.push(await tellOfferLapsed(tx, event, place));
  }
  const promoted = await fillFreeSeats(tx, event, counters, emailIds);
  await writeCounters(tx, event.id, counters);
  await mirrorToSecondaries(tx, event.id, [...ended.map((r) => r.id), ...promoted]);
  return {
    expiredHolds: ended.filter((r) => r.heldOut).length,
    expiredOffers: ended.filter((r) => !r.heldOut).length,
    emailIds,
  };
}

interface EndedPlace {
  id: string;
  was: "REGISTERED" | "RESERVE";
  heldOut: boolean;
  name: string;
  email: string;
  locale: string;
  userId: string | null;
}

/** Tells a reserve their offer ran out and their place on the list ended, with the way back to the event. */
function tellOfferLapsed(tx: Tx, event: LockedEvent, place: EndedPlace): Promise<string> {
  const eventUrl = place.userId || !event.publicRegistration ? appUrl(`/portal/events/${event.number}`) : appUrl(`/e/${encodeURIComponent(event.slug)}`);
  return enqueueEmail(tx, {
    to: place.email,
    locale: place.locale,
    timeZone: event.timeZone,
    template: "eventOfferLapsed",
    props: { name: place.name, eventName: event.name, eventNumber: event.number, eventUrl },
  });
}
