// Shared pieces of the seat rules (no overbooking; reserves in arrival order): the event row
// lock every change of seats runs under, the counters written under it, reserve
// positions, private-link tokens and the e-mail details of an event.
import { createHash, randomBytes } from "node:crypto";
import type { DbOrTx } from "@/lib/db";
import { isUuid } from "@/lib/db/query-guards";
import { Prisma } from "@/lib/generated/prisma/client";
import type { EventEmailDetails } from "@/lib/email/templates/event-details";
import { appUrl } from "@/lib/app-url";
import { eventLocation } from "./event-location";

/** Interactive transactions that wait on a popular event's lock need room. */
export const SEAT_TRANSACTION = { maxWait: 15_000, timeout: 30_000 } as const;

/**
 * `SELECT … FOR UPDATE` on the event row, then the event as Prisma sees it.
 * Everything that reads or changes seats, counters or registrations of a main
 * event (and, through it, of its secondaries) holds this lock until commit.
 */
const lockedEventInclude = {
  place: { select: { name: true, address: true } },
  customer: { select: { name: true } },
  portalQuestionnaire: { select: { questions: true } },
  publicQuestionnaire: { select: { questions: true } },
} as const;

export async function lockEvent(tx: DbOrTx, eventId: string) {
  if (!isUuid(eventId)) return null;
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Event" WHERE id = ${eventId}::uuid FOR UPDATE`;
  if (rows.length === 0) return null;
  return tx.event.findUniqueOrThrow({ where: { id: eventId }, include: lockedEventInclude });
}

export type SeatDecision = "REGISTERED" | "RESERVE" | "FULL" | "PROMOTE";

/**
 * The registration hot path's seat claim in one statement: lock the event row,
 * read the deciding columns fresh, and when a seat or reserve seat is free take
 * it (counters updated); seats under an open offer are not free. "PROMOTE"
 * (free seats while reserves not yet offered one wait) takes nothing: the
 * caller promotes or offers first (fillFreeSeats), then decides. If the
 * caller then refuses the registration, throwing rolls the claim back.
 * The fresh columns are laid over `snapshot`, the row read before the lock.
 */
export async function claimSeat(tx: DbOrTx, snapshot: LockedEvent): Promise<{ event: LockedEvent; sessions: number; decision: SeatDecision } | null> {
  const rows = await tx.$queryRaw<
    (Pick<
      LockedEvent,
      | "status"
      | "registrationDeadline"
      | "seats"
      | "reserveSeats"
      | "registeredCount"
      | "reserveCount"
      | "mainEventId"
      | "visibleInPortal"
      | "publicRegistration"
      | "endsAt"
    > & {
      sessions: bigint;
      decision: SeatDecision;
    })[]
  >`WITH current AS (
      SELECT e.id, e.status, e."registrationDeadline", e.seats, e."reserveSeats", e."registeredCount", e."reserveCount",
             e."mainEventId", e."visibleInPortal", e."publicRegistration", e."endsAt",
             (SELECT count(*) FROM "Event" s WHERE s."mainEventId" = e.id) AS sessions,
             CASE WHEN e."registeredCount" + o.offered < e.seats AND e."reserveCount" > o.offered THEN 'PROMOTE'
                  WHEN e."registeredCount" + o.offered < e.seats THEN 'REGISTERED'
                  WHEN e."reserveCount" < e."reserveSeats" THEN 'RESERVE'
                  ELSE 'FULL' END AS decision
      FROM "Event" e
      -- A seat under an open offer is the offered reserve's until it is answered.
      CROSS JOIN LATERAL (SELECT count(*) AS offered FROM "Registration" r
                          WHERE r."eventId" = e.id AND r.status = 'RESERVE' AND r.offer = 'OPEN') o
      WHERE e.id = ${snapshot.id}::uuid FOR UPDATE OF e
    ), claimed AS (
      UPDATE "Event" e SET
        "registeredCount" = current."registeredCount" + (CASE WHEN current.decision = 'REGISTERED' THEN 1 ELSE 0 END),
        "reserveCount" = current."reserveCount" + (CASE WHEN current.decision = 'RESERVE' THEN 1 ELSE 0 END)
      FROM current WHERE e.id = current.id AND current.decision IN ('REGISTERED', 'RESERVE')
    )
    SELECT current.* FROM current`;
  if (rows.length === 0) return null;
  // A data-modifying WITH runs to completion whether or not the main query reads it.
  const { sessions, decision, ...fresh } = rows[0];
  return { event: { ...snapshot, ...fresh }, sessions: Number(sessions), decision };
}

export type LockedEvent = NonNullable<Awaited<ReturnType<typeof lockEvent>>>;

/**
 * The same row and relations as lockEvent (what Prisma's include returns:
 * every Event column, then place, customer and questionnaires), without the
 * lock, for the work done before taking it: checking the answers, the
 * confirmation's props. Every registration reads it, so it is one plain
 * statement (Prisma's include costs about twice the CPU);
 * tests/integration/events-registration.test.ts pins that both agree.
 */
function eventSnapshot(db: DbOrTx, where: Prisma.Sql): Promise<LockedEvent[]> {
  return db.$queryRaw<LockedEvent[]>`
    SELECT e.*,
      (SELECT jsonb_build_object('name', p.name, 'address', p.address) FROM "EventPlace" p WHERE p.id = e."placeId") AS place,
      (SELECT jsonb_build_object('name', c.name) FROM "Customer" c WHERE c.id = e."customerId") AS customer,
      (SELECT jsonb_build_object('questions', q.questions) FROM "QuestionnaireTemplate" q WHERE q.id = e."portalQuestionnaireId") AS "portalQuestionnaire",
      (SELECT jsonb_build_object('questions', q.questions) FROM "QuestionnaireTemplate" q WHERE q.id = e."publicQuestionnaireId") AS "publicQuestionnaire"
    FROM "Event" e WHERE ${where}`;
}

/** The event as lockEvent returns it, read without the lock; null if none. */
export async function eventRowForEmail(db: DbOrTx, eventId: string): Promise<LockedEvent | null> {
  if (!isUuid(eventId)) return null;
  const [event] = await eventSnapshot(db, Prisma.sql`e.id = ${eventId}::uuid`);
  return event ?? null;
}

/** The same, found by slug among the main events with public registration (public sign-ups); null if none. */
export async function publicEventRowForEmail(db: DbOrTx, slug: string): Promise<LockedEvent | null> {
  if (slug.length > 200) return null;
  const [event] = await eventSnapshot(db, Prisma.sql`e.slug = ${slug} AND e."publicRegistration" AND e."mainEventId" IS NULL`);
  return event ?? null;
}

/** The counters of a locked event, as they change during one transaction. */
export interface Counters {
  registered: number;
  reserve: number;
}

export async function writeCounters(tx: DbOrTx, eventId: string, counters: Counters): Promise<void> {
  await tx.event.update({ where: { id: eventId }, data: { registeredCount: counters.registered, reserveCount: counters.reserve }, select: { id: true } });
}

/** Secondary events mirror their main: their counters are recounted from their rows. */
export async function recountSecondaries(tx: DbOrTx, mainEventId: string): Promise<void> {
  await tx.$executeRaw`
    UPDATE "Event" e SET
      "registeredCount" = (SELECT count(*) FROM "Registration" r WHERE r."eventId" = e.id AND r.status = 'REGISTERED'),
      "reserveCount" = (SELECT count(*) FROM "Registration" r WHERE r."eventId" = e.id AND r.status = 'RESERVE')
    WHERE e."mainEventId" = ${mainEventId}::uuid`;
}

/** 1 + the RESERVE registrations of the same event that arrived earlier; null when not on the reserve list. */
export async function reservePosition(db: DbOrTx, registrationId: string): Promise<number | null> {
  if (!isUuid(registrationId)) return null;
  const registration = await db.registration.findUnique({ where: { id: registrationId }, select: { eventId: true, status: true, arrival: true } });
  if (!registration || registration.status !== "RESERVE") return null;
  const ahead = await db.registration.count({ where: { eventId: registration.eventId, status: "RESERVE", arrival: { lt: registration.arrival } } });
  return ahead + 1;
}

/** A random token for a public registrant's private link; only its SHA-256 is stored. */
export function newAccessToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashAccessToken(token) };
}

export function hashAccessToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function privateRegistrationUrl(slug: string, token: string): string {
  return appUrl(`/e/${encodeURIComponent(slug)}/r/${token}`);
}

/** The join link (attendance is recorded through it): portal users sign in; public registrants use their private link. */
function joinUrlFor(event: { number: number; onlineUrl: string | null }, registrant: { userId: string | null }, privateUrl: string | null): string | null {
  if (!event.onlineUrl) return null;
  if (registrant.userId) return appUrl(`/portal/events/${event.number}/join`);
  return privateUrl ? `${privateUrl}/join` : null;
}

/**
 * What the event e-mails show; `privateUrl` only for public registrants (their
 * token is known only at creation). `onlineUrl` is the join link, never the raw
 * conference link, so that access records attendance; a public registrant
 * without the private link is pointed to the confirmation e-mail instead.
 */
export function eventEmailDetails(
  event: LockedEvent,
  participantName: string,
  privateUrl: string | null,
  registrant: { userId: string | null } = { userId: null },
): EventEmailDetails {
  const place = eventLocation(event);
  return {
    name: participantName,
    eventName: event.name,
    eventNumber: event.number,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    timeZone: event.timeZone,
    place,
    onlineUrl: joinUrlFor(event, registrant, privateUrl),
    privateUrl,
  };
}
