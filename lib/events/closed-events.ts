// An event that no longer takes registrations keeps a page that says so: a
// visitor following an old link (an e-mail, a poster, a bookmark) learns that
// registration is closed and why, instead of a "page not found" that reads
// like a broken link. Events that were never offered to this audience stay
// "not found", so their existence does not leak.
import type { Actor } from "@/lib/auth/actor";
import { assertPortalClient } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import type { DbOrTx } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";

export type ClosedReason = "cancelled" | "ended" | "deadlinePassed";

/** Why an event takes no more registrations from the public or the portal, or null while it does. */
export function registrationClosedReason(event: { status: string; endsAt: Date; registrationDeadline: Date | null }, at = now()): ClosedReason | null {
  if (event.status === "CANCELLED") return "cancelled";
  if (event.endsAt < at) return "ended";
  if (event.registrationDeadline && event.registrationDeadline < at) return "deadlinePassed";
  return null;
}

export interface ClosedEvent {
  name: string;
  startsAt: Date;
  timeZone: string;
  registrationDeadline: Date | null;
  reason: ClosedReason;
}

/**
 * A main event offered in the portal whose registration has closed, as the
 * closed page shows it to a client who cannot open its page (not registered).
 * Not found when the event was never in the portal, is a session, or is open.
 */
export async function getClosedPortalEvent(db: DbOrTx, actor: Actor, number: number): Promise<ClosedEvent> {
  assertPortalClient(actor);
  if (!Number.isInteger(number) || number <= 0 || number > 2_147_483_647) throw new NotFoundError("errors.notFoundBody");
  const event = await db.event.findFirst({
    where: { number, visibleInPortal: true, mainEventId: null },
    select: { name: true, status: true, startsAt: true, endsAt: true, timeZone: true, registrationDeadline: true },
  });
  const reason = event ? registrationClosedReason(event) : null;
  if (!event || !reason) throw new NotFoundError("errors.notFoundBody");
  return { name: event.name, startsAt: event.startsAt, timeZone: event.timeZone, registrationDeadline: event.registrationDeadline, reason };
}
