// Staff operations on a ticket: assignment, and the administrators' cancel
// and delete (only administrators, only while
// the ticket is under the client's responsibility; deleting only after
// cancelling). Deleting removes the ticket's files and leaves an audit entry.
import type { Actor } from "@/lib/auth/actor";
import { assertAdmin, assertStaff } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { ConflictError, ValidationError } from "@/lib/errors";
import { GuestRequestStatus, Role, StageResponsible, TicketStatus } from "@/lib/generated/prisma/enums";
import { mailGuestRequester } from "@/lib/guests/requester-mail";
import type { FileStorage } from "@/lib/storage";
import { resolveTicketId } from "./access";
import { mailClient } from "./mail";
import { assignSchema, cancelSchema, type AssignInput, type CancelInput } from "./schemas";
import { assertOpen, loadTicketState, lockTicket, touch } from "./workflow";

export async function assignTicket(db: Db, actor: Actor, ticketId: string, rawInput: AssignInput): Promise<void> {
  assertStaff(actor);
  const { assigneeId } = assignSchema.parse(rawInput);
  await db.$transaction(async (tx) => {
    const id = await resolveTicketId(tx, actor, ticketId);
    await lockTicket(tx, id);
    assertOpen(await loadTicketState(tx, id));
    if (assigneeId) {
      const ok = await tx.user.count({ where: { id: assigneeId, active: true, role: { in: [Role.STAFF, Role.ADMIN] } } });
      if (!ok) throw new ValidationError({ assigneeId: "tickets.errors.assigneeNotStaff" });
    }
    await tx.ticket.update({ where: { id }, data: { assigneeId: assigneeId ?? null } });
    await touch(tx, id);
  });
}

/** The client who opened it is e-mailed the reason, which their ticket page shows too. */
export async function cancelTicket(db: Db, actor: Actor, ticketId: string, rawInput: CancelInput): Promise<{ number: number; emailIds: string[] }> {
  assertAdmin(actor);
  const input = cancelSchema.parse(rawInput);
  return db.$transaction(async (tx) => {
    const id = await resolveTicketId(tx, actor, ticketId);
    await lockTicket(tx, id);
    const ticket = await loadTicketState(tx, id);
    if (ticket.status !== TicketStatus.OPEN) throw new ConflictError("tickets.errors.closed");
    if (ticket.responsible !== StageResponsible.CLIENT) throw new ConflictError("tickets.errors.cancelOnlyClientTurn");
    const at = now();
    await tx.ticket.update({ where: { id }, data: { status: TicketStatus.CANCELLED, cancelledAt: at, cancelReason: input.reason, updatedAt: at } });
    await tx.auditLog.create({
      data: {
        actorId: actor.userId,
        actorName: actor.name,
        action: "ticket.cancel",
        entityType: "Ticket",
        entityId: id,
        data: { number: ticket.number, reason: input.reason },
      },
    });
    const emailIds = await mailClient(tx, id, "cancelled", input.reason);
    if (ticket.guestRequest) emailIds.push(...(await mailGuestRequester(tx, ticket.guestRequest.id, "closed")));
    if (ticket.guestRequest) await tx.guestRequest.update({ where: { id: ticket.guestRequest.id }, data: { status: GuestRequestStatus.CLOSED } });
    return { number: ticket.number, emailIds };
  });
}

/** Deletes a cancelled ticket with its files; the audit log keeps what it was. */
export async function deleteTicket(db: Db, storage: FileStorage, actor: Actor, ticketId: string): Promise<void> {
  assertAdmin(actor);
  const storageKeys = await db.$transaction(async (tx) => {
    const id = await resolveTicketId(tx, actor, ticketId);
    await lockTicket(tx, id);
    const ticket = await tx.ticket.findUniqueOrThrow({
      where: { id },
      select: {
        number: true,
        subject: true,
        status: true,
        customerId: true,
        typeId: true,
        cancelReason: true,
        attachments: { select: { file: { select: { id: true, storageKey: true } } } },
      },
    });
    if (ticket.status !== TicketStatus.CANCELLED) throw new ConflictError("tickets.errors.deleteOnlyCancelled");
    const files = ticket.attachments.map((a) => a.file);
    await tx.ticket.delete({ where: { id } });
    await tx.storedFile.deleteMany({ where: { id: { in: files.map((f) => f.id) } } });
    await tx.auditLog.create({
      data: {
        actorId: actor.userId,
        actorName: actor.name,
        action: "ticket.delete",
        entityType: "Ticket",
        entityId: id,
        data: {
          number: ticket.number,
          subject: ticket.subject,
          customerId: ticket.customerId,
          typeId: ticket.typeId,
          cancelReason: ticket.cancelReason,
          files: files.length,
        },
      },
    });
    return files.map((f) => f.storageKey);
  });
  // After commit: a failed delete leaves an orphan object, never a row pointing at nothing.
  await Promise.allSettled(storageKeys.map((key) => storage.delete(key)));
}
