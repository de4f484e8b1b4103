// Cancelling a registration, from the portal, the private link or by staff. The
// registrant may cancel until the last cancellation date, staff always. Under the
// event row lock: the counter drops, the earliest reserve takes a freed seat
// (once), and the secondary events' copies follow. The registrant is e-mailed
// either way: a confirmation of their own cancellation, or staff's notice with
// the reason staff gave, which their registration page also shows.
import { appUrl } from "@/lib/app-url";
import type { Actor } from "@/lib/auth/actor";
import { isStaff } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import type { Db, DbOrTx } from "@/lib/db";
import { isUuid } from "@/lib/db/query-guards";
import { enqueueEmail } from "@/lib/email";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { fillFreeSeats } from "./promotion";
import { tokenOpens } from "./private-links";
import { mirrorToSecondaries } from "./replication";
import { cancelRegistrationSchema } from "./schemas";
import { eventEmailDetails, lockEvent, SEAT_TRANSACTION, writeCounters, type Counters } from "./seat-lock";

/** Who cancels: a signed-in user (the registrant client, or staff), or a public registrant's private-link token. */
export type Canceller = { actor: Actor } | { accessToken: string };

export interface CancellationResult {
  /** The main-event registration that was cancelled (a replica's id resolves to it). */
  registrationId: string;
  /** The main event's number, for the page to show afterwards. */
  eventNumber: number;
  /** True when it was already cancelled: nothing changed (double click, retry). */
  alreadyCancelled: boolean;
  /** Reserves moved into the freed seat. */
  promotedIds: string[];
  /** Outbox rows written; hand them to notifyOutbox after the call returns. */
  emailIds: string[];
}

/** The main-event registration `by` may cancel, or NotFoundError: nobody learns of others' registrations. */
export async function findCancellable(tx: DbOrTx, by: Canceller, registrationId: string) {
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

export interface CancellationOptions {
  /** Staff's reason, shown to the registrant; ignored when the registrant cancels. */
  reason?: string | null;
}

export async function cancelRegistration(db: Db, by: Canceller, registrationId: string, options: CancellationOptions = {}): Promise<CancellationResult> {
  const staff = "actor" in by && isStaff(by.actor);
  const reason = staff ? cancelRegistrationSchema.parse({ reason: options.reason ?? "" }).reason || null : null;
  return db.$transaction(async (tx) => {
    const target = await findCancellable(tx, by, registrationId);
    const event = await lockEvent(tx, target.eventId);
    if (!event) throw new NotFoundError("events.errors.registrationNotFound");
    // Read again under the lock: a concurrent cancellation may have won.
    const registration = await tx.registration.findUniqueOrThrow({
      where: { id: target.id },
      select: {
        id: true,
        status: true,
        offer: true,
        name: true,
        email: true,
        locale: true,
        userId: true,
        user: { select: { email: true, locale: true, active: true } },
      },
    });
    if (registration.status === "CANCELLED")
      return { registrationId: registration.id, eventNumber: event.number, alreadyCancelled: true, promotedIds: [], emailIds: [] };
    if (!staff && event.cancellationDeadline && now() > event.cancellationDeadline) throw new ForbiddenError("events.errors.cancellationClosed");

    await tx.registration.update({
      where: { id: registration.id },
      // Leaving the reserve list while offered a seat turns the offer down (it passes on below).
      data: {
        status: "CANCELLED",
        cancelledAt: now(),
        cancelledByStaff: staff,
        cancelReason: reason,
        ...(registration.offer === "OPEN" ? { offer: "DECLINED" as const } : {}),
      },
    });
    const counters: Counters = { registered: event.registeredCount, reserve: event.reserveCount };
    if (registration.status === "REGISTERED") counters.registered--;
    else counters.reserve--;
    const emailIds: string[] = [];
    // A portal user hears in the language they use now, at their account's address.
    const person = registration.user?.active ? registration.user : { email: registration.email, locale: registration.locale };
    emailIds.push(
      await enqueueEmail(tx, {
        to: person.email,
        locale: person.locale,
        timeZone: event.timeZone,
        template: "eventCancellation",
        props: {
          ...eventEmailDetails(event, registration.name, null),
          onlineUrl: null,
          by: staff ? "staff" : "self",
          reason,
          url: registration.userId ? appUrl(`/portal/events/${event.number}`) : null,
        },
      }),
    );
    const promotedIds = await fillFreeSeats(tx, event, counters, emailIds);
    await writeCounters(tx, event.id, counters);
    await mirrorToSecondaries(tx, event.id, [registration.id, ...promotedIds]);
    return { registrationId: registration.id, eventNumber: event.number, alreadyCancelled: false, promotedIds, emailIds };
  }, SEAT_TRANSACTION);
}

/**
 * How the client's registration for an event ended, for its portal page: whether
 * staff cancelled it and their reason. Null when the client has no cancelled
 * registration there.
 */
export async function myCancellation(db: DbOrTx, actor: Actor, eventId: string): Promise<{ byStaff: boolean; reason: string | null } | null> {
  if (!isUuid(eventId)) return null;
  const row = await db.registration.findFirst({
    where: { eventId, userId: actor.userId, status: "CANCELLED" },
    select: { cancelledByStaff: true, cancelReason: true },
  });
  return row ? { byStaff: row.cancelledByStaff, reason: row.cancelReason } : null;
}
