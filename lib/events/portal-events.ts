// What a portal client sees of events: events open for registration
// are visible in the portal, not cancelled and before their last registration
// date; "my events" are the client's own registrations, past ones included.
// Only main events take registrations (sessions follow them), so only they are listed.
import type { Actor } from "@/lib/auth/actor";
import { assertPortalClient } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import type { DbOrTx } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { skipTake, toPage, type ListQuery, type Page } from "@/lib/pagination";

export function openForRegistration(at: Date): Prisma.EventWhereInput {
  return {
    visibleInPortal: true,
    mainEventId: null,
    status: { not: "CANCELLED" },
    OR: [{ registrationDeadline: null }, { registrationDeadline: { gte: at } }],
  };
}

const cardSelect = {
  id: true,
  number: true,
  name: true,
  description: true,
  status: true,
  startsAt: true,
  endsAt: true,
  timeZone: true,
  seats: true,
  reserveSeats: true,
  registeredCount: true,
  reserveCount: true,
  registrationDeadline: true,
  cancellationDeadline: true,
  // Seats offered to reserves are promised to them: not left for anyone else.
  _count: { select: { registrations: { where: { status: "RESERVE", offer: "OPEN" } } } },
} satisfies Prisma.EventSelect;

export type EventCard = Prisma.EventGetPayload<{ select: typeof cardSelect }>;

const sessionSelect = {
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
} satisfies Prisma.EventSelect;

/** An event's page (portal and public): the card plus place, customer, artwork and sessions. */
export const eventPageSelect = {
  ...cardSelect,
  slug: true,
  artworkFileId: true,
  place: { select: { name: true, address: true } },
  customer: { select: { name: true } },
  secondaryEvents: { select: sessionSelect, orderBy: [{ startsAt: "asc" }, { number: "asc" }] },
} satisfies Prisma.EventSelect;

type SessionRow = Prisma.EventGetPayload<{ select: typeof sessionSelect }>;

/**
 * A session as its main event's page lists it: when, where (the place, or
 * only that it is online: the conference link is handed out by the join page
 * alone) and whether the viewer may open the session's own page.
 */
export interface SessionView extends Omit<SessionRow, "onlineUrl" | "id"> {
  isOnline: boolean;
  reachable: boolean;
}

export function sessionViews(rows: SessionRow[], reachableIds: ReadonlySet<string>): SessionView[] {
  return rows.map(({ onlineUrl, id, ...s }) => ({ ...s, isOnline: !!onlineUrl, reachable: reachableIds.has(id) }));
}

/** The events whose page a portal client may open: open ones, sessions of open ones, and any they registered in. */
export function portalVisible(actor: Actor, at: Date): Prisma.EventWhereInput {
  return { OR: [openForRegistration(at), { mainEvent: openForRegistration(at) }, { registrations: { some: { userId: actor.userId } } }] };
}

/** What a newcomer can still get: seats not taken nor under an open offer, and reserve places. */
export function seatsLeft(event: Pick<EventCard, "seats" | "registeredCount" | "reserveSeats" | "reserveCount" | "_count">) {
  const offered = event._count.registrations;
  return { seats: Math.max(0, event.seats - event.registeredCount - offered), reserve: Math.max(0, event.reserveSeats - event.reserveCount) };
}

export async function listOpenEvents(db: DbOrTx, actor: Actor, query: ListQuery): Promise<Page<EventCard>> {
  assertPortalClient(actor);
  const where: Prisma.EventWhereInput = {
    ...openForRegistration(now()),
    ...(query.q ? { name: { contains: query.q, mode: "insensitive" } } : {}),
  };
  const [rows, total] = await Promise.all([
    db.event.findMany({ where, select: cardSelect, orderBy: [{ startsAt: "asc" }, { number: "asc" }], ...skipTake(query) }),
    db.event.count({ where }),
  ]);
  return toPage(rows, total, query);
}

const myRegistrationSelect = {
  id: true,
  status: true,
  registeredAt: true,
  attendedAt: true,
  arrival: true,
  certificate: { select: { id: true } },
  event: { select: cardSelect },
} satisfies Prisma.RegistrationSelect;

export type MyRegistration = Prisma.RegistrationGetPayload<{ select: typeof myRegistrationSelect }> & { reservePosition: number | null };

/** The client's registrations (main events and sessions), newest events first, with reserve positions in one query. */
export async function listMyRegistrations(db: DbOrTx, actor: Actor, query: ListQuery): Promise<Page<MyRegistration>> {
  assertPortalClient(actor);
  const where: Prisma.RegistrationWhereInput = { userId: actor.userId };
  const [rows, total] = await Promise.all([
    db.registration.findMany({ where, select: myRegistrationSelect, orderBy: [{ event: { startsAt: "desc" } }, { arrival: "asc" }], ...skipTake(query) }),
    db.registration.count({ where }),
  ]);
  const positions = await reservePositions(
    db,
    rows.filter((r) => r.status === "RESERVE").map((r) => r.id),
  );
  return toPage(
    rows.map((r) => ({ ...r, reservePosition: positions.get(r.id) ?? null })),
    total,
    query,
  );
}

/** Position on the reserve list (1 = next to be promoted) of each given registration, in one query. */
async function reservePositions(db: DbOrTx, registrationIds: string[]): Promise<Map<string, number>> {
  if (registrationIds.length === 0) return new Map();
  const rows = await db.$queryRaw<{ id: string; position: bigint }[]>`
    SELECT r.id, (SELECT count(*) FROM "Registration" o
                  WHERE o."eventId" = r."eventId" AND o.status = 'RESERVE' AND o.arrival <= r.arrival) AS position
    FROM "Registration" r WHERE r.id = ANY(${registrationIds}::uuid[])`;
  return new Map(rows.map((r) => [r.id, Number(r.position)]));
}

/** One event as the portal shows it: open events, or any event the client is registered in. */
export async function getPortalEvent(db: DbOrTx, actor: Actor, number: number) {
  assertPortalClient(actor);
  if (!Number.isInteger(number) || number <= 0 || number > 2_147_483_647) throw new NotFoundError("errors.notFoundBody");
  const at = now();
  const event = await db.event.findFirst({
    // A session of an open main event is shown too: it points to its main event.
    where: { number, ...portalVisible(actor, at) },
    select: {
      ...eventPageSelect,
      mainEventId: true,
      mainEvent: { select: { number: true, name: true } },
      publicRegistration: true,
      visibleInPortal: true,
      onlineUrl: true,
      portalQuestionnaire: { select: { questions: true } },
      registrations: {
        where: { userId: actor.userId },
        select: {
          id: true,
          status: true,
          registeredAt: true,
          attendedAt: true,
          hold: true,
          holdExpiresAt: true,
          offer: true,
          offerExpiresAt: true,
          certificate: { select: { id: true } },
        },
      },
    },
  });
  if (!event) throw new NotFoundError("errors.notFoundBody");
  const mine = event.registrations[0] ?? null;
  const position = mine?.status === "RESERVE" ? ((await reservePositions(db, [mine.id])).get(mine.id) ?? null) : null;
  const sessionIds = event.secondaryEvents.map((s) => s.id);
  // Each session links to its page only when the same rule lets this client open it.
  const reachable = sessionIds.length ? await db.event.findMany({ where: { id: { in: sessionIds }, ...portalVisible(actor, at) }, select: { id: true } }) : [];
  // The conference link itself is handed out only by the join page (which records attendance).
  const { onlineUrl, secondaryEvents, ...rest } = event;
  return {
    ...rest,
    isOnline: !!onlineUrl,
    secondaryEvents: sessionViews(secondaryEvents, new Set(reachable.map((r) => r.id))),
    registration: mine ? { ...mine, reservePosition: position } : null,
  };
}

/**
 * Whether the registrant may cancel on this event's page, and if not, why:
 * sessions are cancelled through their main event, others until the last date.
 */
export function cancellationRule(
  event: { mainEventId: string | null; cancellationDeadline: Date | null },
  at = now(),
): { canCancel: boolean; reason: "throughMainEvent" | "deadlinePassed" | null } {
  if (event.mainEventId) return { canCancel: false, reason: "throughMainEvent" };
  if (event.cancellationDeadline && event.cancellationDeadline < at) return { canCancel: false, reason: "deadlinePassed" };
  return { canCancel: true, reason: null };
}
