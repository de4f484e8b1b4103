// Creating a main event's sessions from a rule (series-rule.ts), all of them
// in one transaction: either every session exists afterwards or none does.
// Each is an ordinary secondary event — it follows its main event's settings,
// receives copies of the main event's registrations, and is edited one by one
// afterwards like any session added by hand.
import "server-only";
import { assertStaff, type Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import { isUuid } from "@/lib/db/query-guards";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { canEditEvent, eventSlug, followedSelect, pickFollowed } from "./event-rules";
import { replicateRegistrationsToSecondary } from "./replication";
import { SEAT_TRANSACTION } from "./seat-lock";
import { seriesOccurrences, type SeriesData } from "./series-rule";

const HOUR_MS = 3_600_000;

export async function createSeries(db: Db, actor: Actor, mainEventId: string, input: SeriesData): Promise<{ ids: string[] }> {
  assertStaff(actor);
  if (!isUuid(mainEventId)) throw new NotFoundError("common.notFound");
  return db.$transaction(async (tx) => {
    // The main event's lock: registrations made meanwhile queue behind it and reach every new session.
    const [row] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Event" WHERE id = ${mainEventId}::uuid FOR UPDATE`;
    if (!row) throw new NotFoundError("common.notFound");
    const main = await tx.event.findUniqueOrThrow({
      where: { id: mainEventId },
      select: {
        id: true,
        mainEventId: true,
        responsibleId: true,
        description: true,
        timeZone: true,
        onlineUrl: true,
        reminderEnabled: true,
        ...followedSelect,
      },
    });
    if (!canEditEvent(actor, main)) throw new ForbiddenError("events.errors.onlyResponsible");
    // Sessions have no sessions of their own.
    if (main.mainEventId) throw new ValidationError({ name: "events.errors.mainIsSecondary" });
    const occurrences = seriesOccurrences(input, main.timeZone);
    if (occurrences.length === 0) throw new ValidationError({ weekdays: "events.series.errors.none" });
    const ids: string[] = [];
    for (const [index, occurrence] of occurrences.entries()) {
      const [{ number }] = await tx.$queryRaw<{ number: number }[]>`SELECT nextval(pg_get_serial_sequence('"Event"', 'number'))::int AS number`;
      const name = `${input.name} (${index + 1}/${occurrences.length})`;
      const created = await tx.event.create({
        data: {
          ...pickFollowed(main),
          name,
          slug: eventSlug(name, number),
          number,
          description: main.description,
          responsibleId: main.responsibleId,
          startsAt: occurrence.startsAt,
          endsAt: occurrence.endsAt,
          timeZone: main.timeZone,
          onlineUrl: main.onlineUrl,
          reminderEnabled: main.reminderEnabled,
          // A session's workload is its length, so a certificate can add up the sessions attended.
          workloadHours: Math.round(((occurrence.endsAt.getTime() - occurrence.startsAt.getTime()) / HOUR_MS) * 100) / 100,
          mainEventId: main.id,
        },
        select: { id: true },
      });
      await replicateRegistrationsToSecondary(tx, created.id);
      ids.push(created.id);
    }
    return { ids };
  }, SEAT_TRANSACTION);
}
