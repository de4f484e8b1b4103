// A client opens a ticket from the portal: group and
// type (not blocked for their profile), subject, description, the type's
// parameters under the first stage's rules, attachments, and "Save/Request",
// which forwards it at once with a condition and a reason. The movement is
// recorded through the default attendant; without one nothing can be opened.
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import { ConflictError, ValidationError } from "@/lib/errors";
import { claimUploads } from "@/lib/files/files";
import { zodFieldErrors } from "@/lib/forms/action-result";
import { clientTicketScope } from "./access";
import { createTicketRecord } from "./create-ticket-record";
import { notifyAfterClientMove } from "./mail";
import { newTicketSchemaFor, openingStageRules } from "./opening-rules";
import { newTicketSchema, type NewTicketInput } from "./schemas";
import { defaultAttendant } from "./settings/default-attendant";
import { StageResponsible } from "@/lib/generated/prisma/enums";
import { assertRequirements, checkSubmittedValues, enterStage, findTransition, firstStage, loadTicketState, loadTypeFields } from "./workflow";

export interface OpenedTicket {
  id: string;
  number: number;
  emailIds: string[];
}

export async function openTicket(db: Db, actor: Actor, rawInput: NewTicketInput): Promise<OpenedTicket> {
  const input = newTicketSchema.parse(rawInput);
  const scope = await clientTicketScope(db, actor);
  if (!scope.customerIds.includes(input.customerId)) throw new ValidationError({ customerId: "validation.invalid" });
  if (scope.blockedTypeIds.includes(input.typeId)) throw new ValidationError({ typeId: "tickets.errors.typeUnavailable" }, "tickets.errors.typeUnavailable");
  const attendant = await defaultAttendant(db);
  if (!attendant) throw new ConflictError("tickets.errors.noDefaultAttendant");

  return db.$transaction(async (tx) => {
    const stage = await firstStage(tx, input.typeId);
    if (!stage || stage.responsible !== StageResponsible.CLIENT)
      throw new ValidationError({ typeId: "tickets.errors.typeWithoutWorkflow" }, "tickets.errors.typeWithoutWorkflow");
    const transition = await findTransition(tx, stage.id, input.toStageId, input.conditionId);
    const typeFields = await loadTypeFields(tx, input.typeId, [stage.id, transition.toStage.id]);
    // The schema the portal's form validates with, built from the same stored rules.
    const checked = newTicketSchemaFor(openingStageRules(typeFields.fields, typeFields.rules, stage.id, [transition.toStage.id], "portal")).safeParse(rawInput);
    if (!checked.success) throw new ValidationError(zodFieldErrors(checked.error));
    const changes = checkSubmittedValues(typeFields, stage.id, "portal", input.values);
    assertRequirements(typeFields, changes, stage.id, transition.toStage.id);
    const files = await claimUploads(tx, actor, input.fileIds);

    const created = await createTicketRecord(tx, {
      typeId: input.typeId,
      customerId: input.customerId,
      subject: input.subject,
      description: input.description,
      openedBy: { userId: actor.userId, name: actor.name },
      values: Object.fromEntries(changes),
      fileIds: files.map((f) => f.id),
    });
    const ticket = await loadTicketState(tx, created.id);
    await enterStage(tx, ticket, {
      ...transition,
      reason: input.reason,
      by: { actor: { id: attendant.id, name: attendant.name }, client: { id: actor.userId, name: actor.name } },
    });
    const emailIds = await notifyAfterClientMove(tx, created.id, transition.toStage, actor.name, input.reason);
    return { ...created, emailIds };
  });
}
