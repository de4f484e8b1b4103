// The understanding: the attendant's analysis or
// proposed solution. Staff write it; handing the ticket to a client stage asks
// for the client's decision; the client approves or rejects it (a rejection
// needs a reason) while the ticket is theirs, and the decision hands the
// ticket on along a transition of their choice.
import type { Actor } from "@/lib/auth/actor";
import { assertPortalClient, assertStaff } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { ConflictError, ValidationError } from "@/lib/errors";
import { StageResponsible, TicketMessageKind, UnderstandingState } from "@/lib/generated/prisma/enums";
import { resolveTicketId } from "./access";
import { lockForChange, movementAuthor } from "./forward";
import { mailAttendant, notifyMove } from "./mail";
import { decisionSchema, understandingSchema, type DecisionInput, type UnderstandingInput } from "./schemas";
import { assertRequirements, enterStage, findTransition, loadTicketState, loadTypeFields, lockTicket, assertOpen } from "./workflow";

/** Staff write or revise the understanding; a revision needs a new decision. */
export async function saveUnderstanding(db: Db, actor: Actor, ticketId: string, rawInput: UnderstandingInput): Promise<void> {
  assertStaff(actor);
  const input = understandingSchema.parse(rawInput);
  await db.$transaction(async (tx) => {
    const id = await resolveTicketId(tx, actor, ticketId);
    await lockTicket(tx, id);
    const ticket = await loadTicketState(tx, id);
    assertOpen(ticket);
    if (ticket.understanding === input.understanding) return;
    // A revision shown to a client who holds the ticket waits for their decision at once;
    // one saved while staff hold it is a draft the client sees only once handed over.
    const waitsForClient = ticket.responsible === StageResponsible.CLIENT && input.understanding.length > 0;
    await tx.ticket.update({
      where: { id },
      data: {
        understanding: input.understanding,
        understandingState: waitsForClient ? UnderstandingState.PENDING : UnderstandingState.NONE,
        understandingShared: waitsForClient,
        updatedAt: now(),
      },
    });
  });
}

export async function decideUnderstanding(db: Db, actor: Actor, ticketId: string, rawInput: DecisionInput): Promise<{ emailIds: string[] }> {
  assertPortalClient(actor);
  const input = decisionSchema.parse(rawInput);
  const approve = input.decision === "APPROVE";
  return db.$transaction(async (tx) => {
    const ticket = await lockForChange(tx, actor, ticketId);
    if (ticket.understandingState !== UnderstandingState.PENDING || !ticket.understanding.trim()) throw new ConflictError("tickets.errors.nothingToDecide");
    const by = await movementAuthor(tx, actor);
    const transition = await findTransition(tx, ticket.stageId, input.toStageId, input.conditionId);
    // A condition that means the other decision would record a contradiction
    // ("Rejected" on the understanding, "Understanding approved" in the history).
    if (transition.conditionDecision && transition.conditionDecision !== input.decision)
      throw new ValidationError({ conditionId: "tickets.errors.conditionContradictsDecision" }, "tickets.errors.conditionContradictsDecision");
    const typeFields = await loadTypeFields(tx, ticket.typeId, [ticket.stageId, transition.toStage.id], ticket.id);
    assertRequirements(typeFields, typeFields.values, ticket.stageId, transition.toStage.id);

    const at = now();
    await tx.ticket.update({ where: { id: ticket.id }, data: { understandingState: approve ? UnderstandingState.APPROVED : UnderstandingState.REJECTED } });
    await tx.ticketMessage.create({
      data: {
        ticketId: ticket.id,
        authorId: actor.userId,
        authorName: actor.name,
        fromStaff: false,
        kind: approve ? TicketMessageKind.UNDERSTANDING_APPROVED : TicketMessageKind.UNDERSTANDING_REJECTED,
        body: input.reason,
        createdAt: at,
      },
    });
    const decided = { ...ticket, understandingState: approve ? UnderstandingState.APPROVED : UnderstandingState.REJECTED };
    await enterStage(tx, decided, { ...transition, reason: input.reason || transition.conditionName, by });
    const emailIds = [
      ...(await mailAttendant(tx, ticket.id, approve ? "approved" : "rejected", actor.name, input.reason)),
      ...(transition.toStage.terminal ? await notifyMove(tx, actor, ticket.id, transition.toStage, input.reason) : []),
    ];
    return { emailIds };
  });
}
