// Event settings (staff): event types, each internal or public, and named places, one of which may be the default location of
// public events (the demo data's client "1000").
import "server-only";
import { assertStaff, type Actor } from "@/lib/auth/actor";
import type { Db, DbOrTx } from "@/lib/db";
import { isUniqueViolation, isUuid } from "@/lib/db/query-guards";
import { NotFoundError, ValidationError } from "@/lib/errors";
import type { EventPlaceInput, EventTypeInput } from "./settings-schemas";

function nameTakenOr(error: unknown): unknown {
  return isUniqueViolation(error) ? new ValidationError({ name: "validation.nameTaken" }) : error;
}

export async function listEventTypes(db: DbOrTx, actor: Actor) {
  assertStaff(actor);
  return db.eventType.findMany({ orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, name: true, isPublic: true, active: true } });
}

export async function getEventType(db: DbOrTx, actor: Actor, id: string) {
  assertStaff(actor);
  const type = isUuid(id) ? await db.eventType.findUnique({ where: { id }, select: { id: true, name: true, isPublic: true, active: true } }) : null;
  if (!type) throw new NotFoundError("common.notFound");
  return type;
}

/** Creates (no id) or updates an event type. */
export async function saveEventType(db: DbOrTx, actor: Actor, id: string | undefined, input: EventTypeInput): Promise<{ id: string }> {
  assertStaff(actor);
  if (id !== undefined && !isUuid(id)) throw new NotFoundError("common.notFound");
  try {
    if (id === undefined) return await db.eventType.create({ data: input, select: { id: true } });
    const { count } = await db.eventType.updateMany({ where: { id }, data: input });
    if (count === 0) throw new NotFoundError("common.notFound");
    return { id };
  } catch (error) {
    throw nameTakenOr(error);
  }
}

export async function listEventPlaces(db: DbOrTx, actor: Actor) {
  assertStaff(actor);
  return db.eventPlace.findMany({
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, address: true, isDefaultPublic: true, active: true },
  });
}

export async function getEventPlace(db: DbOrTx, actor: Actor, id: string) {
  assertStaff(actor);
  const place = isUuid(id)
    ? await db.eventPlace.findUnique({ where: { id }, select: { id: true, name: true, address: true, isDefaultPublic: true, active: true } })
    : null;
  if (!place) throw new NotFoundError("common.notFound");
  return place;
}

/**
 * Creates (no id) or updates a place. Marking a place as the default for public
 * events unmarks the previous one in the same transaction, under an advisory
 * lock so two concurrent saves cannot both leave a default.
 */
export async function saveEventPlace(db: Db, actor: Actor, id: string | undefined, input: EventPlaceInput): Promise<{ id: string }> {
  assertStaff(actor);
  if (id !== undefined && !isUuid(id)) throw new NotFoundError("common.notFound");
  if (input.isDefaultPublic && !input.active) throw new ValidationError({ isDefaultPublic: "settings.places.defaultMustBeActive" });
  try {
    return await db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT 1 FROM pg_advisory_xact_lock(hashtext('portico:event-place-default'))`;
      if (input.isDefaultPublic)
        await tx.eventPlace.updateMany({ where: { isDefaultPublic: true, ...(id ? { NOT: { id } } : {}) }, data: { isDefaultPublic: false } });
      if (id === undefined) return tx.eventPlace.create({ data: input, select: { id: true } });
      const { count } = await tx.eventPlace.updateMany({ where: { id }, data: input });
      if (count === 0) throw new NotFoundError("common.notFound");
      return { id };
    });
  } catch (error) {
    throw nameTakenOr(error);
  }
}

/** The place public events get when none is given, if one is configured. */
export async function defaultPublicPlaceId(db: DbOrTx): Promise<string | undefined> {
  const place = await db.eventPlace.findFirst({ where: { isDefaultPublic: true, active: true }, select: { id: true } });
  return place?.id;
}
