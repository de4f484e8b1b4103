// The workflow engine: a ticket under a row lock, its parameter values checked
// against the stage rules, and the move into the next stage ("Save/Request":
// a condition and a reason, kept in the stage history).
import { now } from "@/lib/clock";
import type { DbOrTx } from "@/lib/db";
import { ConflictError, ValidationError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { GuestRequestStatus, StageResponsible, TicketStatus, UnderstandingState, type ConditionDecision } from "@/lib/generated/prisma/enums";
import { fieldAccess, missingValues, type Audience, type FieldDefinition, type StageRule } from "./field-rules";
import { parseFieldValue, type FieldValue } from "./field-values";

/** Takes the ticket's row lock for the rest of the transaction: moves of one ticket happen one at a time. */
export async function lockTicket(tx: DbOrTx, ticketId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Ticket" WHERE id = ${ticketId}::uuid FOR UPDATE`;
}

const stageSelect = {
  id: true,
  name: true,
  labels: true,
  responsible: true,
  terminal: true,
  attendantId: true,
  teamId: true,
  typeId: true,
} satisfies Prisma.TicketStageSelect;
export type StageRow = Prisma.TicketStageGetPayload<{ select: typeof stageSelect }>;

const ticketStateSelect = {
  id: true,
  number: true,
  subject: true,
  customerId: true,
  typeId: true,
  stageId: true,
  status: true,
  responsible: true,
  understanding: true,
  understandingState: true,
  assigneeId: true,
  openedById: true,
  stageEnteredAt: true,
  stage: { select: stageSelect },
  guestRequest: { select: { id: true } },
} satisfies Prisma.TicketSelect;
export type TicketState = Prisma.TicketGetPayload<{ select: typeof ticketStateSelect }>;

export async function loadTicketState(tx: DbOrTx, ticketId: string): Promise<TicketState> {
  return tx.ticket.findUniqueOrThrow({ where: { id: ticketId }, select: ticketStateSelect });
}

export function assertOpen(ticket: Pick<TicketState, "status">): void {
  if (ticket.status !== TicketStatus.OPEN) throw new ConflictError("tickets.errors.closed");
}

export function assertClientsTurn(ticket: Pick<TicketState, "status" | "responsible">): void {
  assertOpen(ticket);
  if (ticket.responsible !== StageResponsible.CLIENT) throw new ConflictError("tickets.errors.notYourTurn");
}

export interface TypeFields {
  fields: FieldDefinition[];
  /** rules.get(stageId).get(fieldId) */
  rules: Map<string, Map<string, StageRule>>;
  values: Map<string, unknown>;
}

/** The type's active fields, their rules in the given stages and (for a ticket) the current values. */
export async function loadTypeFields(tx: DbOrTx, typeId: string, stageIds: string[], ticketId?: string): Promise<TypeFields> {
  const rows = await tx.ticketField.findMany({
    where: { typeId, active: true },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: {
      id: true,
      labels: true,
      kind: true,
      options: true,
      optionLabels: true,
      rules: { where: { stageId: { in: stageIds } } },
      ...(ticketId ? { values: { where: { ticketId }, select: { value: true } } } : {}),
    },
  });
  const rules = new Map<string, Map<string, StageRule>>(stageIds.map((id) => [id, new Map()]));
  const values = new Map<string, unknown>();
  for (const row of rows) {
    for (const rule of row.rules) rules.get(rule.stageId)?.set(row.id, rule);
    const value = (row as { values?: { value: unknown }[] }).values?.[0]?.value;
    if (value !== undefined) values.set(row.id, value);
  }
  const fields = rows.map((r) => ({ id: r.id, labels: r.labels as Record<string, string>, kind: r.kind, options: r.options, optionLabels: r.optionLabels }));
  return { fields, rules, values };
}

/**
 * Checks submitted values against the stage's rules for the audience and
 * returns the changes. A value for a field the audience cannot see or edit is
 * refused outright, so a hand-crafted request cannot write it.
 */
export function checkSubmittedValues(
  typeFields: TypeFields,
  stageId: string,
  audience: Audience,
  submitted: Record<string, unknown>,
): Map<string, FieldValue | null> {
  const byId = new Map(typeFields.fields.map((f) => [f.id, f]));
  const stageRules = typeFields.rules.get(stageId) ?? new Map();
  const changes = new Map<string, FieldValue | null>();
  const errors: Record<string, string> = {};
  for (const [fieldId, raw] of Object.entries(submitted)) {
    const field = byId.get(fieldId);
    if (!field) {
      errors[`values.${fieldId}`] = "validation.invalid";
      continue;
    }
    const access = fieldAccess(stageRules.get(fieldId), audience);
    // A field the audience cannot see is refused before anything else, so the
    // answer never tells whether a guess matched its value (or its kind).
    if (!access.visible) {
      errors[`values.${fieldId}`] = "validation.invalid";
      continue;
    }
    const parsed = parseFieldValue(field, raw);
    if (!parsed.ok) {
      errors[`values.${fieldId}`] = parsed.error;
      continue;
    }
    const current = typeFields.values.get(fieldId) ?? null;
    if (JSON.stringify(current) === JSON.stringify(parsed.value)) continue; // unchanged: fine even when read-only
    if (!access.editable) {
      errors[`values.${fieldId}`] = "tickets.errors.readOnly";
      continue;
    }
    changes.set(fieldId, parsed.value);
  }
  if (Object.keys(errors).length) throw new ValidationError(errors);
  return changes;
}

/** The values after applying changes (for the required checks). */
export function mergedValues(current: ReadonlyMap<string, unknown>, changes: ReadonlyMap<string, FieldValue | null>): Map<string, unknown> {
  const merged = new Map(current);
  for (const [id, value] of changes) merged.set(id, value);
  return merged;
}

export async function writeValues(tx: DbOrTx, ticketId: string, changes: ReadonlyMap<string, FieldValue | null>): Promise<void> {
  for (const [fieldId, value] of changes) {
    if (value === null) await tx.ticketFieldValue.deleteMany({ where: { ticketId, fieldId } });
    else await tx.ticketFieldValue.upsert({ where: { ticketId_fieldId: { ticketId, fieldId } }, create: { ticketId, fieldId, value }, update: { value } });
  }
}

/** Required fields of a stage the ticket is leaving, then fields the next stage needs on entry. */
export function assertRequirements(typeFields: TypeFields, values: ReadonlyMap<string, unknown>, leaving: string | null, entering: string): void {
  const ids = typeFields.fields.map((f) => f.id);
  const errors: Record<string, string> = {};
  if (leaving)
    for (const id of missingValues(ids, typeFields.rules.get(leaving) ?? new Map(), values, "required")) errors[`values.${id}`] = "validation.required";
  for (const id of missingValues(ids, typeFields.rules.get(entering) ?? new Map(), values, "requiredFromPrevious"))
    errors[`values.${id}`] ??= "tickets.errors.requiredFromPrevious";
  if (Object.keys(errors).length) throw new ValidationError(errors);
}

export interface Transition {
  toStage: StageRow;
  conditionName: string;
  conditionLabels?: Prisma.JsonValue;
  /** The decision on the understanding the condition means, or null for a neutral one. */
  conditionDecision: ConditionDecision | null;
}

/** The transition fromStage -> toStageId with the chosen condition, or a validation error. */
export async function findTransition(tx: DbOrTx, fromStageId: string, toStageId: string, conditionId: string): Promise<Transition> {
  const condition = await tx.ticketTransitionCondition.findFirst({
    where: { id: conditionId, transition: { fromStageId, toStageId } },
    select: { name: true, labels: true, decision: true, transition: { select: { toStage: { select: stageSelect } } } },
  });
  if (!condition) throw new ValidationError({ conditionId: "tickets.errors.noSuchTransition" }, "tickets.errors.noSuchTransition");
  return { toStage: condition.transition.toStage, conditionName: condition.name, conditionLabels: condition.labels, conditionDecision: condition.decision };
}

export interface MovementAuthor {
  /** Who the movement is recorded through (staff, or the default attendant for portal moves). */
  actor: { id: string; name: string };
  /** The client who made it from the portal. */
  client?: { id: string; name: string };
  /** Staff moved the ticket out of the client's stage on the client's behalf. */
  onBehalfOfClient?: boolean;
}

/**
 * Moves the ticket into toStage: the responsibility, team and attendant follow
 * the stage, a terminal stage completes the ticket, and the stage history
 * gains a row. Handing an understanding to the client asks for their decision.
 */
export async function enterStage(tx: DbOrTx, ticket: TicketState, move: Transition & { reason: string; by: MovementAuthor }): Promise<void> {
  const at = now();
  const { toStage } = move;
  const toClient = toStage.responsible === StageResponsible.CLIENT;
  await tx.ticket.update({
    where: { id: ticket.id },
    data: {
      stageId: toStage.id,
      responsible: toStage.responsible,
      stageEnteredAt: at,
      updatedAt: at,
      ...(toStage.attendantId ? { assigneeId: toStage.attendantId } : {}),
      ...(toStage.teamId ? { teamId: toStage.teamId } : {}),
      ...(toStage.terminal ? { status: TicketStatus.COMPLETED, completedAt: at } : {}),
      ...understandingOnEntry(ticket, toClient),
    },
  });
  // A ticket opened from a guest request closes the request when it completes.
  if (toStage.terminal && ticket.guestRequest)
    await tx.guestRequest.update({ where: { id: ticket.guestRequest.id }, data: { status: GuestRequestStatus.CLOSED } });
  await tx.ticketMovement.create({
    data: {
      ticketId: ticket.id,
      fromStageId: ticket.stage.id,
      toStageId: toStage.id,
      fromStageName: ticket.stage.name,
      toStageName: toStage.name,
      conditionName: move.conditionName,
      // Translations are snapshots too, so the history reads in each viewer's language.
      fromStageLabels: ticket.stage.labels ?? {},
      toStageLabels: toStage.labels ?? {},
      conditionLabels: move.conditionLabels ?? {},
      reason: move.reason,
      actorId: move.by.actor.id,
      actorName: move.by.actor.name,
      clientUserId: move.by.client?.id ?? null,
      clientName: move.by.client?.name ?? null,
      onBehalfOfClient: move.by.onBehalfOfClient ?? false,
      fromEnteredAt: ticket.stageEnteredAt,
      createdAt: at,
    },
  });
}

/**
 * Handing an understanding to the client shares it with them and asks for their
 * decision; a ticket that goes back to staff without one no longer waits for it
 * (the client keeps seeing the text they were handed).
 */
function understandingOnEntry(
  ticket: Pick<TicketState, "understanding" | "understandingState">,
  toClient: boolean,
): { understandingState?: UnderstandingState; understandingShared?: boolean } {
  const state = ticket.understandingState;
  if (toClient) {
    if (!ticket.understanding.trim()) return {};
    return state !== UnderstandingState.APPROVED
      ? { understandingState: UnderstandingState.PENDING, understandingShared: true }
      : { understandingShared: true };
  }
  return state === UnderstandingState.PENDING ? { understandingState: UnderstandingState.NONE } : {};
}

/** The first active stage of a type, where new tickets start. */
export async function firstStage(tx: DbOrTx, typeId: string): Promise<StageRow | null> {
  return tx.ticketStage.findFirst({ where: { typeId, active: true }, orderBy: [{ position: "asc" }, { id: "asc" }], select: stageSelect });
}

/** The first active staff stage that does not complete the ticket: where a ticket without a client starts. */
export async function firstStaffStage(tx: DbOrTx, typeId: string): Promise<StageRow | null> {
  return tx.ticketStage.findFirst({
    where: { typeId, active: true, responsible: StageResponsible.STAFF, terminal: false },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: stageSelect,
  });
}

export async function touch(tx: DbOrTx, ticketId: string): Promise<void> {
  await tx.ticket.update({ where: { id: ticketId }, data: { updatedAt: now() } });
}
