// Promotion from the reserve list: when a seat is free, the
// earliest reserve by arrival becomes REGISTERED and is e-mailed, once. Runs only
// under the event row lock, inside the transaction that freed the seat.
import { now } from "@/lib/clock";
import type { DbOrTx } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/outbox";
import { mirrorToSecondaries } from "./replication";
import { eventEmailDetails, lockEvent, writeCounters, type Counters, type LockedEvent } from "./seat-lock";

/**
 * Moves the earliest reserves into free seats, updating `counters` (the caller
 * writes them) and appending the eventPromoted e-mails to `emailIds`. Nothing
 * moves for a cancelled or finished event. Returns the promoted registration ids.
 */
export async function fillFreeSeats(tx: DbOrTx, event: LockedEvent, counters: Counters, emailIds: string[]): Promise<string[]> {
  const free = event.seats - counters.registered;
  if (free <= 0 || counters.reserve <= 0 || event.status === "CANCELLED" || now() >= event.endsAt) return [];
  const next = await tx.registration.findMany({
    where: { eventId: event.id, status: "RESERVE" },
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
  for (const registration of next) {
    emailIds.push(
      await enqueueEmail(tx, {
        to: registration.email,
        locale: registration.locale,
        timeZone: event.timeZone,
        template: "eventPromoted",
        props: eventEmailDetails(event, registration.name, null, registration),
      }),
    );
  }
  return next.map((r) => r.id);
}

/**
 * For the event-saving code, after seats were raised: under the event's lock,
 * moves reserves into the new free seats (e-mailing them) and mirrors that to
 * the secondaries. Call it in the saving transaction; notifyOutbox(emailIds) after commit.
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
