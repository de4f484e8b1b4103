// Adding to a contact's thread (a contact can be complemented with new
// messages), by the company while it is OPEN, and by staff (staff.ts). A
// FINISHED contact is read-only until staff reopen it. The status check and the
// write happen in one transaction on the locked row, so a message never lands
// on a contact finished a moment before.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import type { Db, DbOrTx } from "@/lib/db";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { claimUploads } from "@/lib/files/files";
import { ContactStatus } from "@/lib/generated/prisma/enums";
import { checkNumber, reachableCompanyIds } from "./access";
import { mailContactSelect, mailStaffAboutContact, type MailContact } from "./mail";

export interface AddedMessage {
  contact: MailContact & { id: string };
  emailIds: string[];
}

/**
 * Locks the contact (found by `where`), checks it is OPEN, stores the message
 * with its files and bumps updatedAt; `mail` queues the e-mails in the same transaction.
 */
export async function appendMessage(
  db: Db,
  actor: Actor,
  where: { number: number; customerId?: { in: string[] } },
  input: { body: string; fileIds: string[] },
  fromStaff: boolean,
  mail: (tx: DbOrTx, contact: MailContact) => Promise<string[]>,
): Promise<AddedMessage> {
  return db.$transaction(async (tx) => {
    const found = await tx.contact.findFirst({ where, select: { id: true } });
    if (!found) throw new NotFoundError("errors.notFoundBody");
    const [row] = await tx.$queryRaw<{ status: ContactStatus }[]>`SELECT status FROM "Contact" WHERE id = ${found.id}::uuid FOR UPDATE`;
    if (row?.status !== ContactStatus.OPEN) throw new ConflictError("contacts.errors.finished");
    const files = await claimUploads(tx, actor, input.fileIds);
    const at = now();
    await tx.contactMessage.create({
      data: { contactId: found.id, authorId: actor.userId, authorName: actor.name, fromStaff, body: input.body, createdAt: at, attachments: { create: files.map((f) => ({ fileId: f.id })) } },
    });
    const contact = await tx.contact.update({ where: { id: found.id }, data: { updatedAt: at }, select: mailContactSelect });
    return { contact, emailIds: await mail(tx, contact) };
  });
}

/** The company's representative adds a message; staff are e-mailed. */
export async function addClientMessage(db: Db, actor: Actor, number: number, input: { body: string; fileIds: string[] }): Promise<AddedMessage> {
  const customerIds = await reachableCompanyIds(db, actor);
  return appendMessage(db, actor, { number: checkNumber(number), customerId: { in: customerIds } }, input, false, (tx, contact) =>
    mailStaffAboutContact(tx, contact, { authorName: actor.name, body: input.body, isNew: false }),
  );
}
