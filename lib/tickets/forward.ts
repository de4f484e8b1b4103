// Moving a ticket on ("Save/Request"): along an allowed transition,
// with one of its conditions and a reason. A client may forward only while the
// ticket is theirs, and their move is recorded through the default attendant;
// staff may forward an open ticket from any stage. Parameter values sent with
// the forward obey the current stage's rules; the stage's required fields must
// be filled to leave it, and the next stage's "required from the previous
// stage" fields to enter it. A condition that means the client's decision on
// the understanding is never a plain forward's; staff moving a ticket out of a
// client's stage must say they act on the client's behalf, and the stage
// history records it.
import type { Actor } from "@/lib/auth/actor";
import { isStaff } from "@/lib/auth/actor";
import type { Db, DbOrTx } from "@/lib/db";
import { ConflictError, ValidationError } from "@/lib/errors";
import { StageResponsible } from "@/lib/generated/prisma/enums";
import { resolveTicketId } from "./access";
import { notifyMove } from "./mail";
import { forwardSchema, saveValuesSchema, type ForwardInput, type SaveValuesInput } from "./schemas";
import { defaultAttendant } from "./settings/default-attendant";
import {
  assertClientsTurn,
  assertOpen,
  assertRequirements,
  checkSubmittedValues,
  enterStage,
  findTransition,
  loadTicketState,
  loadTypeFields,
  lockTicket,
  mergedValues,
  touch,
  writeValues,
  type MovementAuthor,
  type TicketState,
} from "./workflow";

const audienceOf = (actor: Actor) => (isStaff(actor) ? "staff" : "portal");

/** Locks the ticket and checks the actor may change it now. */
export async function lockForChange(tx: DbOrTx, actor: Actor, ticketId: string): Promise<TicketState> {
  const id = await resolveTicketId(tx, actor, ticketId);
  await lockTicket(tx, id);
  const ticket = await loadTicketState(tx, id);
  if (isStaff(actor)) assertOpen(ticket);
  else assertClientsTurn(ticket);
  return ticket;
}

/** Whose name a movement carries: staff themselves; a client's through the default attendant. */
export async function movementAuthor(tx: DbOrTx, actor: Actor): Promise<MovementAuthor> {
  if (isStaff(actor)) return { actor: { id: actor.userId, name: actor.name } };
  const attendant = await defaultAttendant(tx);
  if (!attendant) throw new ConflictError("tickets.errors.noDefaultAttendant");
  return { actor: { id: attendant.id, name: attendant.name }, client: { id: actor.userId, name: actor.name } };
}

export async function forwardTicket(db: Db, actor: Actor, ticketId: string, rawInput: ForwardInput): Promise<{ emailIds: string[] }> {
  const input = forwardSchema.parse(rawInput);
  return db.$transaction(async (tx) => {
    const ticket = await lockForChange(tx, actor, ticketId);
    const by = await movementAuthor(tx, actor);
    const transition = await findTransition(tx, ticket.stageId, input.toStageId, input.conditionId);
    // "Understanding approved"/"rejected" are the client's decision, made only through decideUnderstanding.
    if (transition.conditionDecision) throw new ValidationError({ conditionId: "tickets.errors.decisionCondition" }, "tickets.errors.decisionCondition");
    if (isStaff(actor) && ticket.responsible === StageResponsible.CLIENT) {
      if (!input.onBehalfOfClient) throw new ValidationError({ onBehalfOfClient: "tickets.errors.onBehalfRequired" }, "tickets.errors.onBehalfRequired");
      by.onBehalfOfClient = true;
    }
    const typeFields = await loadTypeFields(tx, ticket.typeId, [ticket.stageId, transition.toStage.id], ticket.id);
    const changes = checkSubmittedValues(typeFields, ticket.stageId, audienceOf(actor), input.values);
    assertRequirements(typeFields, mergedValues(typeFields.values, changes), ticket.stageId, transition.toStage.id);
    await writeValues(tx, ticket.id, changes);
    await enterStage(tx, ticket, { ...transition, reason: input.reason, by });
    return { emailIds: await notifyMove(tx, actor, ticket.id, transition.toStage, input.reason) };
  });
}

/** Saves editable parameters without moving the ticket (required fields are checked on forward). */
export async function saveTicketValues(db: Db, actor: Actor, ticketId: string, rawInput: SaveValuesInput): Promise<void> {
  const input = saveValuesSchema.parse(rawInput);
  await db.$transaction(async (tx) => {
    const ticket = await lockForChange(tx, actor, ticketId);
    const typeFields = await loadTypeFields(tx, ticket.typeId, [ticket.stageId], ticket.id);
    const changes = checkSubmittedValues(typeFields, ticket.stageId, audienceOf(actor), input.values);
    if (changes.size === 0) return;
    await writeValues(tx, ticket.id, changes);
    await touch(tx, ticket.id);
  });
}
