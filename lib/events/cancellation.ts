// Cancelling a registration, from the portal, the private link or by staff. The
// registrant may cancel until the last cancellation date, staff always. Under the
// event row lock: the counter drops, the earliest reserve takes a freed seat
// (once), and the secondary events' copies follow.
import type { Actor } from "@/lib/auth/actor";
import { isStaff } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import type { Db, DbOrTx } from "@/lib/db";
import { isUuid } from "@/lib/db/query-guards";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { fillFreeSeats } from "./promotion";
import { tokenOpens } from "./private-links";
import { mirrorToSecondaries } from "./replication";
import { lockEvent, SEAT_TRANSACTION, writeCounters, type Counters } from "./seat-lock";

/** Who cancels: a signed-in user (the registrant client, or staff), or a public registrant's private-link token. */
export type Canceller = { actor: Actor } | { accessToken: string };

export interface CancellationResult {
  /** The main-event registration that was cancelled (a replica's id resolves to it). */
  registrationId: string;
  /** True when it was already cancelled: nothing changed (double click, retry). */
  alreadyCancelled: boolean;
  /** Reserves moved into the freed seat. */
  promotedIds: string[];
  /** Outbox rows written; hand them to notifyOutbox after the call returns. */
  emailIds: string[];
}

/** The main-event registration `by` may cancel, or NotFoundError: nobody learns of others' registrations. */
async function findCancellable(tx: DbOrTx, by: Canceller, registrationId: string) {
  const notFound = new NotFoundError("events.errors.registrationNotFound");
  if (!isUuid(registrationId)) throw notFound;
  const found = await tx.registration.findUnique({ where: { id: registrationId }, select: { id: true, replicatedFromId: true } });
  if (!found) throw notFound;
  // A copy in a secondary event is cancelled through its main registration.
  const target = await tx.registration.findUnique({
    where: { id: found.replicatedFromId ?? found.id },
    select: { id: true, eventId: true, userId: true, accessTokenHash: true },
  });
  if (!target) throw notFound;
  if ("accessToken" in by) {
    if (!(await tokenOpens(tx, target, by.accessToken))) throw notFound;
  } else if (!isStaff(by.actor) && target.userId !== by.actor.userId) {
    throw notFound;
  }
  return target;
}

export async function cancelRegistration(db: Db, by: Canceller, registrationId: string): Promise<CancellationResult> {
  const staff = "actor" in by && isStaff(by.actor);
  return db.$transaction(async (tx) => {
    const target = await findCancellable(tx, by, registrationId);
    const event = await lockEvent(tx, target.eventId);
    if (!event) throw new NotFoundError("events.errors.registrationNotFound");
    // Read again under the lock: a concurrent cancellation may have won.
    const registration = await tx.registration.findUniqueOrThrow({ where: { id: target.id }, select: { id: true, status: true } });
    if (registration.status === "CANCELLED") return { registrationId: registration.id, alreadyCancelled: true, promotedIds: [], emailIds: [] };
    if (!staff && event.cancellationDeadline && now() > event.cancellationDeadline) throw new ForbiddenError("events.errors.cancellationClosed");

    await tx.registration.update({ where: { id: registration.id }, data: { status: "CANCELLED", cancelledAt: now() } });
    const counters: Counters = { registered: event.registeredCount, reserve: event.reserveCount };
    if (registration.status === "REGISTERED") counters.registered--;
    else counters.reserve--;
    const emailIds: string[] = [];
    const promotedIds = await fillFreeSeats(tx, event, counters, emailIds);
    await writeCounters(tx, event.id, counters);
    await mirrorToSecondaries(tx, event.id, [registration.id, ...promotedIds]);
    return { registrationId: registration.id, alreadyCancelled: false, promotedIds, emailIds };
  }, SEAT_TRANSACTION);
}
