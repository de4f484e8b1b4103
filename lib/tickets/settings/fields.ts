// A type's parameters: custom
// fields with a label per language (English required, the others fall back to
// it), a kind, the choices of the choice kinds, an order and an active flag.
// A field that tickets have values for keeps its kind and is deactivated
// rather than deleted, so those values keep their meaning. Staff only.
import "server-only";
import { assertStaff, type Actor } from "@/lib/auth/actor";
import type { Db, DbOrTx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { parseFieldLabels } from "./field-label";
import { moveOneStep, type Direction } from "./ordering";
import { fieldSchema, type FieldInput } from "./schemas";
import { assertUuid, lockType, parseInput } from "./shared";

const fieldSelect = {
  id: true,
  labels: true,
  kind: true,
  options: true,
  optionLabels: true,
  position: true,
  active: true,
  _count: { select: { values: true } },
} satisfies Prisma.TicketFieldSelect;

export async function listFields(db: DbOrTx, actor: Actor, typeId: string) {
  assertStaff(actor);
  assertUuid(typeId);
  const fields = await db.ticketField.findMany({ where: { typeId }, orderBy: [{ position: "asc" }, { id: "asc" }], select: fieldSelect });
  return fields.map((f) => ({ ...f, labels: parseFieldLabels(f.labels) }));
}

export async function getField(db: DbOrTx, actor: Actor, typeId: string, fieldId: string) {
  assertStaff(actor);
  assertUuid(typeId);
  assertUuid(fieldId);
  const field = await db.ticketField.findFirst({ where: { id: fieldId, typeId }, select: fieldSelect });
  if (!field) throw new NotFoundError("common.notFound");
  return { ...field, labels: parseFieldLabels(field.labels) };
}

/** Creates (no fieldId; placed last) or updates a field of the type. */
export async function saveField(db: Db, actor: Actor, typeId: string, fieldId: string | undefined, input: FieldInput): Promise<{ id: string }> {
  assertStaff(actor);
  assertUuid(typeId);
  if (fieldId !== undefined) assertUuid(fieldId);
  const data = parseInput(fieldSchema, input);
  return db.$transaction(async (tx) => {
    await lockType(tx, typeId);
    if (fieldId === undefined) {
      const last = await tx.ticketField.aggregate({ where: { typeId }, _max: { position: true } });
      return tx.ticketField.create({ data: { ...data, typeId, position: (last._max.position ?? -1) + 1 }, select: { id: true } });
    }
    const current = await tx.ticketField.findFirst({ where: { id: fieldId, typeId }, select: { kind: true, _count: { select: { values: true } } } });
    if (!current) throw new NotFoundError("common.notFound");
    if (current.kind !== data.kind && current._count.values > 0) throw new ValidationError({ kind: "ticketSettings.errors.kindLocked" });
    await tx.ticketField.update({ where: { id: fieldId }, data });
    return { id: fieldId };
  });
}

async function fieldTypeId(tx: DbOrTx, fieldId: string): Promise<string> {
  const field = await tx.ticketField.findUnique({ where: { id: fieldId }, select: { typeId: true } });
  if (!field) throw new NotFoundError("common.notFound");
  return field.typeId;
}

export async function moveField(db: Db, actor: Actor, fieldId: string, direction: Direction): Promise<void> {
  assertStaff(actor);
  assertUuid(fieldId);
  await db.$transaction(async (tx) => {
    const typeId = await fieldTypeId(tx, fieldId);
    await lockType(tx, typeId);
    const fields = await tx.ticketField.findMany({ where: { typeId }, select: { id: true, position: true } });
    for (const [id, position] of moveOneStep(fields, fieldId, direction)) await tx.ticketField.update({ where: { id }, data: { position } });
  });
}

export async function setFieldActive(db: DbOrTx, actor: Actor, fieldId: string, active: boolean): Promise<void> {
  assertStaff(actor);
  assertUuid(fieldId);
  const { count } = await db.ticketField.updateMany({ where: { id: fieldId }, data: { active } });
  if (count === 0) throw new NotFoundError("common.notFound");
}

/** Deletes a field no ticket has a value for (with its rules); otherwise deactivates it. */
export async function deleteField(db: Db, actor: Actor, fieldId: string): Promise<{ archived: boolean }> {
  assertStaff(actor);
  assertUuid(fieldId);
  return db.$transaction(async (tx) => {
    const typeId = await fieldTypeId(tx, fieldId);
    await lockType(tx, typeId);
    await tx.$queryRaw`SELECT id FROM "TicketField" WHERE id = ${fieldId}::uuid FOR UPDATE`;
    if (await tx.ticketFieldValue.findFirst({ where: { fieldId }, select: { fieldId: true } })) {
      await tx.ticketField.update({ where: { id: fieldId }, data: { active: false } });
      return { archived: true };
    }
    await tx.ticketField.delete({ where: { id: fieldId } });
    return { archived: false };
  });
}
