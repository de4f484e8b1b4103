// A new ticket row in its type's first stage (or first staff stage). Used by the portal's "new
// ticket" (open-ticket.ts) and by staff opening a guest request (lib/guests).
// The caller checks who may do it and validates values and files.
import { now } from "@/lib/clock";
import type { DbOrTx } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { firstStaffStage, firstStage } from "./workflow";

export interface TicketRecordInput {
  typeId: string;
  customerId: string | null;
  subject: string;
  description: string;
  openedBy: { userId: string; name: string } | null;
  /** fieldId -> value, already validated against the first stage. */
  values?: Record<string, unknown>;
  /** StoredFile ids to attach as they are. */
  fileIds?: string[];
  /**
   * Start on the staff side: in the first active staff stage of the workflow
   * rather than the first stage (a guest request has no client to hand it to).
   */
  startOnStaffSide?: boolean;
}

export async function createTicketRecord(tx: DbOrTx, input: TicketRecordInput): Promise<{ id: string; number: number }> {
  const type = await tx.ticketType.findFirst({ where: { id: input.typeId, active: true, group: { active: true } }, select: { id: true, groupId: true } });
  if (!type) throw new ValidationError({ typeId: "tickets.errors.typeUnavailable" }, "tickets.errors.typeUnavailable");
  const stage = input.startOnStaffSide ? await firstStaffStage(tx, type.id) : await firstStage(tx, type.id);
  if (!stage && input.startOnStaffSide) throw new ValidationError({ typeId: "tickets.errors.typeWithoutStaffStage" }, "tickets.errors.typeWithoutStaffStage");
  if (!stage) throw new ValidationError({ typeId: "tickets.errors.typeWithoutWorkflow" }, "tickets.errors.typeWithoutWorkflow");
  const at = now();
  const values = Object.entries(input.values ?? {}).filter(([, v]) => v !== null && v !== undefined);
  const ticket = await tx.ticket.create({
    data: {
      customerId: input.customerId,
      groupId: type.groupId,
      typeId: type.id,
      stageId: stage.id,
      responsible: stage.responsible,
      subject: input.subject,
      description: input.description,
      openedById: input.openedBy?.userId ?? null,
      assigneeId: stage.attendantId,
      teamId: stage.teamId,
      stageEnteredAt: at,
      createdAt: at,
      updatedAt: at,
      values: { create: values.map(([fieldId, value]) => ({ fieldId, value: value as Prisma.InputJsonValue })) },
      attachments: { create: (input.fileIds ?? []).map((fileId) => ({ fileId, createdAt: at })) },
    },
    select: { id: true, number: true },
  });
  return ticket;
}
