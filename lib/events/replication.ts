// Main and secondary events (a registration made in the main event is
// replicated to its secondary events). A secondary's registrations are copies of the
// main's, linked by replicatedFromId, changed only under the MAIN event's lock.
import type { DbOrTx } from "@/lib/db";
import { lockEvent, recountSecondaries } from "./seat-lock";

/** Copies the main registrations' current state (status, person, answers) into every secondary of the main event. */
export async function mirrorToSecondaries(tx: DbOrTx, mainEventId: string, registrationIds: string[]): Promise<void> {
  if (registrationIds.length === 0) return;
  const secondaries = await tx.event.findMany({ where: { mainEventId }, select: { id: true } });
  if (secondaries.length === 0) return;
  await copyInto(
    tx,
    secondaries.map((s) => s.id),
    registrationIds,
  );
  await recountSecondaries(tx, mainEventId);
}

async function copyInto(tx: DbOrTx, secondaryIds: string[], registrationIds: string[]): Promise<void> {
  const originals = await tx.registration.findMany({ where: { id: { in: registrationIds } }, orderBy: { arrival: "asc" } });
  for (const eventId of secondaryIds) {
    for (const original of originals) {
      const copy = {
        userId: original.userId,
        name: original.name,
        cpf: original.cpf,
        locale: original.locale,
        status: original.status,
        source: original.source,
        registeredAt: original.registeredAt,
        cancelledAt: original.cancelledAt,
        cancelledByStaff: original.cancelledByStaff,
        cancelReason: original.cancelReason,
        answers: original.answers ?? [],
        replicatedFromId: original.id,
      };
      // One row per e-mail and event: a replica left by an earlier, cancelled registration is reused.
      await tx.registration.upsert({
        where: { eventId_email: { eventId, email: original.email } },
        create: { ...copy, eventId, email: original.email },
        update: copy,
      });
    }
  }
}

/**
 * Copies the main event's active registrations into a newly created (or newly
 * linked) secondary event, in arrival order. Called by the event-saving code in
 * its transaction; takes the main event's lock so no registration slips between.
 * Returns how many registrations were copied.
 */
export async function replicateRegistrationsToSecondary(tx: DbOrTx, secondaryEventId: string): Promise<number> {
  const secondary = await tx.event.findUnique({ where: { id: secondaryEventId }, select: { mainEventId: true } });
  if (!secondary?.mainEventId) return 0;
  const main = await lockEvent(tx, secondary.mainEventId);
  if (!main) return 0;
  const active = await tx.registration.findMany({
    where: { eventId: main.id, status: { in: ["REGISTERED", "RESERVE"] } },
    orderBy: { arrival: "asc" },
    select: { id: true },
  });
  await copyInto(
    tx,
    [secondaryEventId],
    active.map((r) => r.id),
  );
  await recountSecondaries(tx, main.id);
  return active.length;
}
