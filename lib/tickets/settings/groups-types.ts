// Ticket groups and types (every ticket must have a group and a type). Staff
// only. Names are unique (groups overall, types within their
// group). A group or type that tickets use is deactivated instead of deleted,
// so those tickets keep their classification.
import "server-only";
import { assertStaff, type Actor } from "@/lib/auth/actor";
import type { Db, DbOrTx } from "@/lib/db";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { moveOneStep, type Direction } from "./ordering";
import { groupSchema, typeSchema, type GroupInput, type TypeInput } from "./schemas";
import { assertUuid, lockType, nameTakenOr, parseInput } from "./shared";

/** Groups in display order, each with its types and how many tickets use each. */
export async function listGroupsWithTypes(db: DbOrTx, actor: Actor) {
  assertStaff(actor);
  return db.ticketGroup.findMany({
    orderBy: [{ position: "asc" }, { name: "asc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      labels: true,
      active: true,
      types: {
        orderBy: [{ name: "asc" }, { id: "asc" }],
        select: {
          id: true,
          name: true,
          labels: true,
          active: true,
          _count: { select: { tickets: true, stages: { where: { active: true } }, fields: { where: { active: true } } } },
        },
      },
    },
  });
}

export async function listGroupOptions(db: DbOrTx, actor: Actor) {
  assertStaff(actor);
  return db.ticketGroup.findMany({ orderBy: [{ position: "asc" }, { name: "asc" }], select: { id: true, name: true, labels: true, active: true } });
}

export async function getGroup(db: DbOrTx, actor: Actor, id: string) {
  assertStaff(actor);
  assertUuid(id);
  const group = await db.ticketGroup.findUnique({
    where: { id },
    select: { id: true, name: true, labels: true, active: true, _count: { select: { types: true, tickets: true } } },
  });
  if (!group) throw new NotFoundError("common.notFound");
  return group;
}

/** Creates (no id, placed last) or updates a group. */
export async function saveGroup(db: DbOrTx, actor: Actor, id: string | undefined, input: GroupInput): Promise<{ id: string }> {
  assertStaff(actor);
  if (id !== undefined) assertUuid(id);
  const data = parseInput(groupSchema, input);
  try {
    if (id === undefined) {
      const last = await db.ticketGroup.aggregate({ _max: { position: true } });
      return await db.ticketGroup.create({ data: { ...data, position: (last._max.position ?? -1) + 1 }, select: { id: true } });
    }
    const { count } = await db.ticketGroup.updateMany({ where: { id }, data });
    if (count === 0) throw new NotFoundError("common.notFound");
    return { id };
  } catch (error) {
    throw nameTakenOr(error);
  }
}

export async function setGroupActive(db: DbOrTx, actor: Actor, id: string, active: boolean): Promise<void> {
  assertStaff(actor);
  assertUuid(id);
  const { count } = await db.ticketGroup.updateMany({ where: { id }, data: { active } });
  if (count === 0) throw new NotFoundError("common.notFound");
}

/**
 * Deletes an unused group. With tickets it is deactivated instead ("archived");
 * with types but no tickets it is refused: its types must go first.
 */
export async function deleteGroup(db: Db, actor: Actor, id: string): Promise<{ archived: boolean }> {
  assertStaff(actor);
  assertUuid(id);
  return db.$transaction(async (tx) => {
    const group = await tx.ticketGroup.findUnique({ where: { id }, select: { _count: { select: { types: true, tickets: true } } } });
    if (!group) throw new NotFoundError("common.notFound");
    if (group._count.tickets > 0) {
      await tx.ticketGroup.update({ where: { id }, data: { active: false } });
      return { archived: true };
    }
    if (group._count.types > 0) throw new ConflictError("ticketSettings.errors.groupHasTypes");
    await tx.ticketGroup.delete({ where: { id } });
    return { archived: false };
  });
}

export async function moveGroup(db: Db, actor: Actor, id: string, direction: Direction): Promise<void> {
  assertStaff(actor);
  assertUuid(id);
  await db.$transaction(async (tx) => {
    // One lock for all group orderings: groups are few and rarely reordered.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('portico:ticket-group-order'))`;
    const groups = await tx.ticketGroup.findMany({ select: { id: true, position: true } });
    if (!groups.some((g) => g.id === id)) throw new NotFoundError("common.notFound");
    for (const [groupId, position] of moveOneStep(groups, id, direction)) await tx.ticketGroup.update({ where: { id: groupId }, data: { position } });
  });
}

const typeSelect = {
  id: true,
  name: true,
  labels: true,
  description: true,
  active: true,
  groupId: true,
  group: { select: { name: true, labels: true, active: true } },
  _count: { select: { tickets: true } },
} satisfies Prisma.TicketTypeSelect;

export async function getType(db: DbOrTx, actor: Actor, id: string) {
  assertStaff(actor);
  assertUuid(id);
  const type = await db.ticketType.findUnique({ where: { id }, select: typeSelect });
  if (!type) throw new NotFoundError("common.notFound");
  return type;
}

async function assertGroupExists(db: DbOrTx, groupId: string) {
  if (!(await db.ticketGroup.findUnique({ where: { id: groupId }, select: { id: true } }))) throw new ValidationError({ groupId: "validation.invalid" });
}

/**
 * Creates (no id) or updates a type. A type with tickets stays in its group:
 * tickets record their group, and moving the type would split them from it.
 */
export async function saveType(db: Db, actor: Actor, id: string | undefined, input: TypeInput): Promise<{ id: string }> {
  assertStaff(actor);
  if (id !== undefined) assertUuid(id);
  const data = parseInput(typeSchema, input);
  try {
    return await db.$transaction(async (tx) => {
      await assertGroupExists(tx, data.groupId);
      if (id === undefined) return tx.ticketType.create({ data, select: { id: true } });
      await lockType(tx, id);
      const current = await tx.ticketType.findUniqueOrThrow({ where: { id }, select: { groupId: true, _count: { select: { tickets: true } } } });
      if (current.groupId !== data.groupId && current._count.tickets > 0) throw new ValidationError({ groupId: "ticketSettings.errors.typeGroupLocked" });
      await tx.ticketType.update({ where: { id }, data });
      return { id };
    });
  } catch (error) {
    throw nameTakenOr(error);
  }
}

export async function setTypeActive(db: DbOrTx, actor: Actor, id: string, active: boolean): Promise<void> {
  assertStaff(actor);
  assertUuid(id);
  const { count } = await db.ticketType.updateMany({ where: { id }, data: { active } });
  if (count === 0) throw new NotFoundError("common.notFound");
}

/** Deletes an unused type with its workflow and fields; with tickets it is deactivated instead. */
export async function deleteType(db: Db, actor: Actor, id: string): Promise<{ archived: boolean }> {
  assertStaff(actor);
  assertUuid(id);
  return db.$transaction(async (tx) => {
    await lockType(tx, id);
    if ((await tx.ticket.count({ where: { typeId: id } })) > 0) {
      await tx.ticketType.update({ where: { id }, data: { active: false } });
      return { archived: true };
    }
    await tx.ticketType.delete({ where: { id } });
    return { archived: false };
  });
}
