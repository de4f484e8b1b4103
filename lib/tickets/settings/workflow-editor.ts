// A type's workflow: ordered stages, each the
// client's or the staff's turn (optionally handed to a team and/or an
// attendant), terminal stages that complete the ticket, and the allowed moves
// between stages with their named conditions ("condição de repasse").
// Editing never breaks tickets already inside: a stage that a ticket sits in or
// that the stage history mentions is archived (active = false) rather than
// deleted, and keeps its transitions so those tickets can still leave it.
// History keeps name snapshots, so renaming rewrites nothing. Staff only.
import "server-only";
import { assertStaff, type Actor } from "@/lib/auth/actor";
import type { Db, DbOrTx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { StageResponsible, TicketStatus, type ConditionDecision } from "@/lib/generated/prisma/enums";
import type { Labels } from "@/lib/i18n/labels";
import { moveOneStep, type Direction } from "./ordering";
import {
  stageSchema,
  transitionConditionsSchema,
  transitionSchema,
  type StageData,
  type StageInput,
  type TransitionConditionsInput,
  type TransitionInput,
} from "./schemas";
import { activeStaffWhere, assertUuid, lockType, parseInput } from "./shared";
import { firstActiveStage, workflowWarnings } from "./workflow-warnings";

const stageSelect = {
  id: true,
  name: true,
  labels: true,
  position: true,
  responsible: true,
  terminal: true,
  active: true,
  teamId: true,
  attendantId: true,
  team: { select: { id: true, name: true, active: true } },
  attendant: { select: { id: true, name: true, active: true } },
  outgoing: {
    orderBy: [{ toStage: { position: "asc" } }, { id: "asc" }],
    select: {
      id: true,
      toStage: { select: { id: true, name: true, labels: true, active: true } },
      conditions: { orderBy: [{ position: "asc" }, { name: "asc" }], select: { id: true, name: true, labels: true, decision: true } },
    },
  },
  _count: { select: { tickets: true } },
} satisfies Prisma.TicketStageSelect;

/** Every stage of the type, archived ones included, in position order, with the warnings of the type page. */
export async function getWorkflow(db: DbOrTx, actor: Actor, typeId: string) {
  assertStaff(actor);
  assertUuid(typeId);
  const type = await db.ticketType.findUnique({
    where: { id: typeId },
    select: { id: true, stages: { orderBy: [{ position: "asc" }, { id: "asc" }], select: stageSelect } },
  });
  if (!type) throw new NotFoundError("common.notFound");
  const warnings = workflowWarnings(type.stages.map((s) => ({ ...s, exits: s.outgoing.filter((o) => o.toStage.active).length })));
  return { stages: type.stages, warnings };
}

/** Where a new ticket of the type starts: the first active stage by position, or null. */
export async function startStage(db: DbOrTx, typeId: string) {
  const stages = await db.ticketStage.findMany({
    where: { typeId, active: true },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    take: 1,
    select: { id: true, name: true, position: true, active: true, responsible: true, teamId: true, attendantId: true, terminal: true },
  });
  return firstActiveStage(stages) ?? null;
}

/** One stage of the type in the URL (a stage of another type is not found). */
export async function getStage(db: DbOrTx, actor: Actor, typeId: string, stageId: string) {
  assertStaff(actor);
  assertUuid(typeId);
  assertUuid(stageId);
  const stage = await db.ticketStage.findFirst({ where: { id: stageId, typeId }, select: stageSelect });
  if (!stage) throw new NotFoundError("common.notFound");
  return stage;
}

async function checkStage(tx: DbOrTx, typeId: string, stageId: string | undefined, data: StageData) {
  const errors: Record<string, string> = {};
  if (data.responsible === StageResponsible.CLIENT) {
    if (data.teamId) errors.teamId = "ticketSettings.errors.clientStageNoStaff";
    if (data.attendantId) errors.attendantId = "ticketSettings.errors.clientStageNoStaff";
  }
  if (data.teamId && !errors.teamId && !(await tx.staffTeam.findFirst({ where: { id: data.teamId, active: true }, select: { id: true } })))
    errors.teamId = "ticketSettings.errors.teamInactive";
  if (data.attendantId && !errors.attendantId && !(await tx.user.findFirst({ where: { id: data.attendantId, ...activeStaffWhere }, select: { id: true } })))
    errors.attendantId = "ticketSettings.errors.attendantNotStaff";
  const sameName = await tx.ticketStage.findFirst({
    where: { typeId, active: true, name: { equals: data.name, mode: "insensitive" }, ...(stageId ? { NOT: { id: stageId } } : {}) },
    select: { id: true },
  });
  if (sameName) errors.name = "validation.nameTaken";
  if (
    data.responsible === StageResponsible.CLIENT &&
    stageId &&
    (await tx.ticketFieldRule.count({ where: { stageId, required: true, invisibleInPortal: true } })) > 0
  )
    errors.responsible = "ticketSettings.errors.responsibleBreaksRules";
  if (data.terminal && stageId && (await tx.ticketTransition.count({ where: { fromStageId: stageId } })) > 0)
    errors.terminal = "ticketSettings.errors.terminalHasTransitions";
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
}

/** Creates (no stageId; placed last) or updates a stage of the type. */
export async function saveStage(db: Db, actor: Actor, typeId: string, stageId: string | undefined, input: StageInput): Promise<{ id: string }> {
  assertStaff(actor);
  assertUuid(typeId);
  if (stageId !== undefined) assertUuid(stageId);
  const data = parseInput(stageSchema, input);
  const row = {
    name: data.name,
    labels: data.labels,
    responsible: data.responsible,
    terminal: data.terminal,
    teamId: data.teamId ?? null,
    attendantId: data.attendantId ?? null,
  };
  return db.$transaction(async (tx) => {
    await lockType(tx, typeId);
    if (stageId !== undefined && !(await tx.ticketStage.findFirst({ where: { id: stageId, typeId }, select: { id: true } })))
      throw new NotFoundError("common.notFound");
    await checkStage(tx, typeId, stageId, data);
    if (stageId !== undefined) {
      await tx.ticketStage.update({ where: { id: stageId }, data: row });
      // Whose turn it is follows the stage: open tickets sitting in it change sides with it.
      await tx.ticket.updateMany({
        where: { stageId, status: TicketStatus.OPEN, responsible: { not: data.responsible } },
        data: { responsible: data.responsible },
      });
      return { id: stageId };
    }
    const last = await tx.ticketStage.aggregate({ where: { typeId }, _max: { position: true } });
    return tx.ticketStage.create({ data: { ...row, typeId, position: (last._max.position ?? -1) + 1 }, select: { id: true } });
  });
}

async function stageTypeId(tx: DbOrTx, stageId: string): Promise<string> {
  const stage = await tx.ticketStage.findUnique({ where: { id: stageId }, select: { typeId: true } });
  if (!stage) throw new NotFoundError("common.notFound");
  return stage.typeId;
}

/** Moves an active stage one step among the type's active stages. */
export async function moveStage(db: Db, actor: Actor, stageId: string, direction: Direction): Promise<void> {
  assertStaff(actor);
  assertUuid(stageId);
  await db.$transaction(async (tx) => {
    const typeId = await stageTypeId(tx, stageId);
    await lockType(tx, typeId);
    const stages = await tx.ticketStage.findMany({ where: { typeId }, select: { id: true, position: true, active: true } });
    const changes = moveOneStep(
      stages.map((s) => ({ ...s, movable: s.active })),
      stageId,
      direction,
    );
    for (const [id, position] of changes) await tx.ticketStage.update({ where: { id }, data: { position } });
  });
}

/** Whether tickets sit in the stage or the stage history mentions it. */
async function stageIsInUse(tx: DbOrTx, stageId: string): Promise<boolean> {
  if (await tx.ticket.findFirst({ where: { stageId }, select: { id: true } })) return true;
  return !!(await tx.ticketMovement.findFirst({ where: { OR: [{ fromStageId: stageId }, { toStageId: stageId }] }, select: { id: true } }));
}

/**
 * Removes a stage: deleted (with its transitions and field rules) when no
 * ticket ever used it, otherwise archived with everything kept.
 */
export async function removeStage(db: Db, actor: Actor, stageId: string): Promise<{ archived: boolean }> {
  assertStaff(actor);
  assertUuid(stageId);
  return db.$transaction(async (tx) => {
    const typeId = await stageTypeId(tx, stageId);
    // The type lock also holds off a ticket being opened into this stage meanwhile (its FK takes a key-share lock on the stage row).
    await lockType(tx, typeId);
    await tx.$queryRaw`SELECT id FROM "TicketStage" WHERE id = ${stageId}::uuid FOR UPDATE`;
    if (await stageIsInUse(tx, stageId)) {
      await tx.ticketStage.update({ where: { id: stageId }, data: { active: false } });
      return { archived: true };
    }
    await tx.ticketStage.delete({ where: { id: stageId } });
    return { archived: false };
  });
}

/** Brings an archived stage back (its name must not clash with an active stage's). */
export async function restoreStage(db: Db, actor: Actor, stageId: string): Promise<void> {
  assertStaff(actor);
  assertUuid(stageId);
  await db.$transaction(async (tx) => {
    const typeId = await stageTypeId(tx, stageId);
    await lockType(tx, typeId);
    const stage = await tx.ticketStage.findUniqueOrThrow({ where: { id: stageId }, select: { name: true } });
    const clash = await tx.ticketStage.findFirst({
      where: { typeId, active: true, name: { equals: stage.name, mode: "insensitive" }, NOT: { id: stageId } },
      select: { id: true },
    });
    if (clash) throw new ValidationError({ name: "validation.nameTaken" }, "ticketSettings.errors.restoreNameTaken");
    await tx.ticketStage.update({ where: { id: stageId }, data: { active: true } });
  });
}

/**
 * Allows a move from one stage to another of the same type with its named
 * conditions (at least one: forwarding asks for a condition), or replaces the
 * conditions of the existing transition. Conditions kept by name keep their ids.
 */
export async function saveTransition(db: Db, actor: Actor, fromStageId: string, input: TransitionInput): Promise<{ id: string }> {
  assertStaff(actor);
  assertUuid(fromStageId);
  const { toStageId, conditions, decisions, labels } = parseInput(transitionSchema, input);
  return db.$transaction(async (tx) => {
    const from = await tx.ticketStage.findUnique({ where: { id: fromStageId }, select: { typeId: true, terminal: true } });
    if (!from) throw new NotFoundError("common.notFound");
    await lockType(tx, from.typeId);
    if (toStageId === fromStageId) throw new ValidationError({ toStageId: "ticketSettings.errors.transitionToSelf" });
    const to = await tx.ticketStage.findUnique({ where: { id: toStageId }, select: { typeId: true, active: true } });
    if (!to || to.typeId !== from.typeId) throw new ValidationError({ toStageId: "ticketSettings.errors.transitionOtherType" });
    if (from.terminal) throw new ValidationError({ toStageId: "ticketSettings.errors.terminalNoTransitions" });
    const existing = await tx.ticketTransition.findUnique({ where: { fromStageId_toStageId: { fromStageId, toStageId } }, select: { id: true } });
    if (!existing && !to.active) throw new ValidationError({ toStageId: "ticketSettings.errors.stageArchived" });
    const transition = existing ?? (await tx.ticketTransition.create({ data: { fromStageId, toStageId }, select: { id: true } }));
    await replaceConditions(tx, transition.id, conditions, decisions, labels);
    return transition;
  });
}

async function replaceConditions(
  tx: DbOrTx,
  transitionId: string,
  names: string[],
  decisions: Record<string, ConditionDecision>,
  labels: Record<string, Labels>,
) {
  await tx.ticketTransitionCondition.deleteMany({ where: { transitionId, name: { notIn: names } } });
  for (const [position, name] of names.entries()) {
    const decision = decisions[name] ?? null;
    const own = labels[name] ?? {};
    await tx.ticketTransitionCondition.upsert({
      where: { transitionId_name: { transitionId, name } },
      create: { transitionId, name, labels: own, position, decision },
      update: { position, decision, labels: own },
    });
  }
}

/** Only the conditions of an existing transition (the inline editor of a transition). */
export async function saveTransitionConditions(db: Db, actor: Actor, transitionId: string, input: TransitionConditionsInput): Promise<void> {
  assertStaff(actor);
  assertUuid(transitionId);
  const { conditions: names, decisions, labels } = parseInput(transitionConditionsSchema, input);
  await db.$transaction(async (tx) => {
    const transition = await tx.ticketTransition.findUnique({ where: { id: transitionId }, select: { fromStage: { select: { typeId: true } } } });
    if (!transition) throw new NotFoundError("common.notFound");
    await lockType(tx, transition.fromStage.typeId);
    await replaceConditions(tx, transitionId, names, decisions, labels);
  });
}

export async function deleteTransition(db: Db, actor: Actor, transitionId: string): Promise<void> {
  assertStaff(actor);
  assertUuid(transitionId);
  const { count } = await db.ticketTransition.deleteMany({ where: { id: transitionId } });
  if (count === 0) throw new NotFoundError("common.notFound");
}
