// Creating and editing events (staff only). The rules
// live here, not in the form: the responsible person's lock, secondary events
// forced to follow their main event (and the main propagating to them), no
// secondary of a secondary, and the default place of public events.
import "server-only";
import { assertStaff, type Actor } from "@/lib/auth/actor";
import type { Db, DbOrTx } from "@/lib/db";
import { isUniqueViolation, isUuid } from "@/lib/db/query-guards";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { Role } from "@/lib/generated/prisma/enums";
import { isTimeZone } from "@/lib/i18n/config";
import { defaultPublicPlaceId } from "./event-settings";
import { canEditEvent, eventSlug, followedFromInput, followedSelect, pickFollowed, type FollowedFields } from "./event-rules";
import { openOfferCount, promoteReserves } from "./promotion";
import { normalizeOffsets } from "./reminder-schedule";
import { replicateRegistrationsToSecondary } from "./replication";
import { SEAT_TRANSACTION } from "./seat-lock";
import { activeParticipantCount } from "./status-emails";
import type { EventData } from "./schemas";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** The fields every event sets for itself (secondaries included). */
function ownData(input: EventData) {
  return {
    name: input.name,
    description: input.description,
    responsibleId: input.responsibleId ?? null,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    timeZone: input.timeZone,
    status: input.status,
    onlineUrl: input.onlineUrl ?? null,
    workloadHours: input.workloadHours ?? null,
    reminderEnabled: input.reminderEnabled,
    reminderSchedule: input.reminderOwnSchedule ? { offsets: normalizeOffsets(input.reminderOffsets), hour: input.reminderHour } : Prisma.DbNull,
    certificateAttendancePercent: input.certificateAttendancePercent,
  };
}

async function checkOwnFields(db: DbOrTx, input: EventData): Promise<void> {
  if (!isTimeZone(input.timeZone)) throw new ValidationError({ timeZone: "validation.timeZone" });
  if (!(input.endsAt > input.startsAt)) throw new ValidationError({ endsAt: "events.errors.endBeforeStart" });
  if (input.responsibleId) {
    const user = isUuid(input.responsibleId) ? await db.user.findUnique({ where: { id: input.responsibleId }, select: { role: true, active: true } }) : null;
    if (!user || !user.active || user.role === Role.CLIENT) throw new ValidationError({ responsibleId: "events.errors.responsibleNotStaff" });
  }
}

/** A main (or standalone) event's followed fields: references checked, public default place applied. */
async function ownFollowed(db: DbOrTx, input: EventData, current?: FollowedFields): Promise<FollowedFields> {
  const fields = followedFromInput(input);
  if (fields.customerId && fields.placeId) throw new ValidationError({ placeId: "events.errors.oneLocation" });
  const type = await db.eventType.findUnique({ where: { id: fields.typeId }, select: { isPublic: true, active: true } });
  if (!type || (!type.active && fields.typeId !== current?.typeId)) throw new ValidationError({ typeId: "validation.invalid" });
  if (fields.customerId && !(await db.customer.count({ where: { id: fields.customerId } }))) throw new ValidationError({ customerId: "validation.invalid" });
  if (fields.placeId && !(await db.eventPlace.count({ where: { id: fields.placeId } }))) throw new ValidationError({ placeId: "validation.invalid" });
  for (const key of ["portalQuestionnaireId", "publicQuestionnaireId"] as const) {
    const id = fields[key];
    if (id && !(await db.questionnaireTemplate.count({ where: { id } }))) throw new ValidationError({ [key]: "validation.invalid" });
  }
  if (fields.certificateTemplateId && fields.certificateTemplateId !== current?.certificateTemplateId) {
    if (!(await db.certificateTemplate.count({ where: { id: fields.certificateTemplateId, active: true } })))
      throw new ValidationError({ certificateTemplateId: "validation.invalid" });
  }
  if (type.isPublic && !fields.customerId && !fields.placeId) fields.placeId = (await defaultPublicPlaceId(db)) ?? null;
  return fields;
}

/** The main event named by number, locked so registrations and propagation queue behind this save. */
async function lockedMain(tx: Tx, number: number, selfId?: string) {
  const [row] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Event" WHERE number = ${number} FOR UPDATE`;
  if (!row) throw new ValidationError({ mainEventNumber: "events.errors.mainNotFound" });
  if (row.id === selfId) throw new ValidationError({ mainEventNumber: "events.errors.mainIsSelf" });
  const main = await tx.event.findUniqueOrThrow({ where: { id: row.id }, select: { id: true, mainEventId: true, responsibleId: true, ...followedSelect } });
  if (main.mainEventId) throw new ValidationError({ mainEventNumber: "events.errors.mainIsSecondary" });
  return main;
}

export async function createEvent(db: Db, actor: Actor, input: EventData): Promise<{ id: string; number: number; slug: string }> {
  assertStaff(actor);
  await checkOwnFields(db, input);
  return db.$transaction(async (tx) => {
    const main = input.mainEventNumber ? await lockedMain(tx, input.mainEventNumber) : null;
    // A new session changes its main event: the same people who may edit it may add one.
    if (main && !canEditEvent(actor, main)) throw new ForbiddenError("events.errors.onlyResponsible");
    const followed = main ? pickFollowed(main) : await ownFollowed(tx, input);
    // Take the number first so the slug can carry it: one insert, no placeholder slug.
    const [{ number }] = await tx.$queryRaw<{ number: number }[]>`SELECT nextval(pg_get_serial_sequence('"Event"', 'number'))::int AS number`;
    const created = await tx.event.create({
      data: { ...ownData(input), ...followed, number, slug: eventSlug(input.name, number), mainEventId: main?.id ?? null },
      select: { id: true, number: true, slug: true },
    });
    // Registrants of the main event are copied into the new session.
    if (main) await replicateRegistrationsToSecondary(tx, created.id);
    return created;
  });
}

/** Set when the save changed the status to Confirmed or Cancelled: the form then offers the status e-mail. */
export interface UpdateEventResult {
  statusChangedTo: "CONFIRMED" | "CANCELLED" | null;
  /** Active (registered + reserve) participants, who would get the e-mail. */
  participantCount: number;
}

/** emailIds: outbox rows of reserves promoted into seats the save added; hand them to notifyOutbox after commit. */
export async function updateEvent(db: Db, actor: Actor, id: string, input: EventData): Promise<UpdateEventResult & { emailIds: string[] }> {
  assertStaff(actor);
  if (!isUuid(id)) throw new NotFoundError("common.notFound");
  await checkOwnFields(db, input);
  try {
    return await db.$transaction(async (tx) => {
      // Lock order main → session everywhere (registration replicates the same way), so no deadlock.
      const before = await tx.event.findUnique({ where: { id }, select: { responsibleId: true, mainEvent: { select: { number: true } } } });
      if (!before) throw new NotFoundError("common.notFound");
      if (!canEditEvent(actor, before)) throw new ForbiddenError("events.errors.onlyResponsible");
      const mainNumber = before.mainEvent?.number ?? input.mainEventNumber;
      const main = mainNumber ? await lockedMain(tx, mainNumber, id) : null;
      await tx.$queryRaw`SELECT id FROM "Event" WHERE id = ${id}::uuid FOR UPDATE`;
      const current = await tx.event.findUniqueOrThrow({
        where: { id },
        select: {
          responsibleId: true,
          mainEventId: true,
          status: true,
          registeredCount: true,
          _count: { select: { secondaryEvents: true } },
          ...followedSelect,
        },
      });
      if (!canEditEvent(actor, current)) throw new ForbiddenError("events.errors.onlyResponsible");
      if (current.mainEventId !== (before.mainEvent ? main?.id : null)) throw new ConflictError("events.errors.changedMeanwhile");
      // A session stays with its main event; moving it would orphan replicated registrations.
      if (before.mainEvent && input.mainEventNumber !== before.mainEvent.number) throw new ValidationError({ mainEventNumber: "events.errors.mainFixed" });
      if (main && !before.mainEvent && current._count.secondaryEvents > 0) throw new ValidationError({ mainEventNumber: "events.errors.hasSecondaries" });
      if (main && !before.mainEvent && !canEditEvent(actor, main)) throw new ForbiddenError("events.errors.onlyResponsible");

      const followed = main ? pickFollowed(main) : await ownFollowed(tx, input, current);
      // Read under the row lock, so a registration cannot slip in between this check and the save.
      // Only a cut is refused: walk-ins seated beyond the limit leave more registered than
      // seats, and the event must stay editable with its seats unchanged.
      // Seats under an open offer are promised to the reserves who hold the offers: they count as taken.
      if (!main && followed.seats < current.seats && followed.seats < current.registeredCount + (await openOfferCount(tx, id)))
        throw new ValidationError({ seats: "events.errors.seatsBelowRegistered" });
      await tx.event.update({ where: { id }, data: { ...ownData(input), ...followed, mainEventId: main?.id ?? null }, select: { id: true } });
      if (main && !before.mainEvent) await replicateRegistrationsToSecondary(tx, id);
      // A main event's settings flow to its sessions.
      if (!main && current._count.secondaryEvents > 0) await tx.event.updateMany({ where: { mainEventId: id }, data: followed });
      // More seats while reserves wait: they move up now, under the lock this save holds,
      // not at the next cancellation (the public page would advertise a seat nobody gets).
      const { emailIds } = main ? { emailIds: [] } : await promoteReserves(tx, id);
      const statusChangedTo = input.status !== current.status && input.status !== "OPEN" ? input.status : null;
      return { statusChangedTo, participantCount: statusChangedTo ? await activeParticipantCount(tx, id) : 0, emailIds };
    }, SEAT_TRANSACTION);
  } catch (error) {
    throw isUniqueViolation(error) ? new ValidationError({ name: "validation.nameTaken" }) : error;
  }
}
