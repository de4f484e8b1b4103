// The discussion and attachments. A client may write and attach files while
// the ticket is open, whoever's turn it is (a stage waiting for the client's
// answer keeps the discussion and attachments open); completed
// and cancelled tickets are read-only. Staff may also write internal notes,
// which never reach the client. The posting itself is lib/threads'.
import type { Actor } from "@/lib/auth/actor";
import { isStaff } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import { TicketMessageKind } from "@/lib/generated/prisma/enums";
import { appendToThread, type ThreadStore } from "@/lib/threads/threads";
import { resolveTicketId } from "./access";
import { mailAttendant, mailClient } from "./mail";
import { attachSchema, messageSchema, type AttachInput, type MessageInput } from "./schemas";
import { assertOpen, loadTicketState, lockTicket } from "./workflow";

/** A ticket's thread: messages and their files, files without a message, both public or internal. */
const ticketThread: ThreadStore<{ id: string }> = {
  async lock(tx, id) {
    await lockTicket(tx, id);
    assertOpen(await loadTicketState(tx, id));
  },
  async write(tx, e) {
    const internal = e.visibility === "internal";
    const attachments = e.files.map((f) => ({ ticketId: e.ownerId, fileId: f.id, internal, createdAt: e.at }));
    if (e.body === null) {
      await tx.ticketAttachment.createMany({ data: attachments });
      return null;
    }
    const kind = internal ? TicketMessageKind.INTERNAL_NOTE : TicketMessageKind.COMMENT;
    const message = await tx.ticketMessage.create({
      data: {
        ticketId: e.ownerId,
        authorId: e.authorId,
        authorName: e.authorName,
        fromStaff: e.fromStaff,
        kind,
        body: e.body,
        createdAt: e.at,
        attachments: { create: attachments },
      },
      select: { id: true },
    });
    return message.id;
  },
  touch: (tx, id, at) => tx.ticket.update({ where: { id }, data: { updatedAt: at }, select: { id: true } }),
};

export async function addTicketMessage(db: Db, actor: Actor, ticketId: string, rawInput: MessageInput): Promise<{ id: string; emailIds: string[] }> {
  const input = messageSchema.parse(rawInput);
  const { messageId, emailIds } = await appendToThread(db, actor, ticketThread, {
    find: (tx) => resolveTicketId(tx, actor, ticketId),
    body: input.body,
    fileIds: input.fileIds,
    visibility: input.internal ? "internal" : "public",
    // Staff replies go to the client, the client's messages to the attendant.
    notify: (tx, ticket) => (isStaff(actor) ? mailClient(tx, ticket.id, "reply", input.body) : mailAttendant(tx, ticket.id, "reply", actor.name, input.body)),
  });
  return { id: messageId, emailIds };
}

/** Files without a message ("incluir arquivos anexos"). */
export async function addTicketAttachments(db: Db, actor: Actor, ticketId: string, rawInput: AttachInput): Promise<void> {
  const input = attachSchema.parse(rawInput);
  await appendToThread(db, actor, ticketThread, {
    find: (tx) => resolveTicketId(tx, actor, ticketId),
    body: null,
    fileIds: input.fileIds,
    visibility: input.internal ? "internal" : "public",
  });
}
