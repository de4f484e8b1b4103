// The discussion and attachments. A client may write and attach files while
// the ticket is open, whoever's turn it is (a stage waiting for the client's
// answer keeps the discussion and attachments open); completed
// and cancelled tickets are read-only. Staff may also write internal notes,
// which never reach the client.
import type { Actor } from "@/lib/auth/actor";
import { isStaff } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";
import { claimUploads } from "@/lib/files/files";
import { TicketMessageKind } from "@/lib/generated/prisma/enums";
import { resolveTicketId } from "./access";
import { mailAttendant, mailClient } from "./mail";
import { attachSchema, messageSchema, type AttachInput, type MessageInput } from "./schemas";
import { assertOpen, loadTicketState, lockTicket, touch } from "./workflow";

export async function addTicketMessage(db: Db, actor: Actor, ticketId: string, rawInput: MessageInput): Promise<{ id: string; emailIds: string[] }> {
  const input = messageSchema.parse(rawInput);
  const staff = isStaff(actor);
  if (input.internal && !staff) throw new ForbiddenError("errors.forbiddenBody");
  return db.$transaction(async (tx) => {
    const id = await resolveTicketId(tx, actor, ticketId);
    await lockTicket(tx, id);
    assertOpen(await loadTicketState(tx, id));
    const files = await claimUploads(tx, actor, input.fileIds);
    const at = now();
    const message = await tx.ticketMessage.create({
      data: {
        ticketId: id,
        authorId: actor.userId,
        authorName: actor.name,
        fromStaff: staff,
        kind: input.internal ? TicketMessageKind.INTERNAL_NOTE : TicketMessageKind.COMMENT,
        body: input.body,
        createdAt: at,
        attachments: { create: files.map((f) => ({ ticketId: id, fileId: f.id, internal: input.internal, createdAt: at })) },
      },
      select: { id: true },
    });
    await touch(tx, id);
    const emailIds = input.internal ? [] : staff ? await mailClient(tx, id, "reply", input.body) : await mailAttendant(tx, id, "reply", actor.name, input.body);
    return { id: message.id, emailIds };
  });
}

/** Files without a message ("incluir arquivos anexos"). */
export async function addTicketAttachments(db: Db, actor: Actor, ticketId: string, rawInput: AttachInput): Promise<void> {
  const input = attachSchema.parse(rawInput);
  if (input.internal && !isStaff(actor)) throw new ForbiddenError("errors.forbiddenBody");
  await db.$transaction(async (tx) => {
    const id = await resolveTicketId(tx, actor, ticketId);
    await lockTicket(tx, id);
    assertOpen(await loadTicketState(tx, id));
    const files = await claimUploads(tx, actor, input.fileIds);
    const at = now();
    await tx.ticketAttachment.createMany({ data: files.map((f) => ({ ticketId: id, fileId: f.id, internal: input.internal, createdAt: at })) });
    await touch(tx, id);
  });
}
