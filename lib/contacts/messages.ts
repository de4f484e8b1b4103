// Adding to a contact's thread (a contact can be complemented with new
// messages), by the company while it is OPEN, and by staff (staff.ts). A
// FINISHED contact is read-only until staff reopen it. The status check and the
// write happen in one transaction on the locked row (lib/threads), so a message
// never lands on a contact finished a moment before.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Db, DbOrTx } from "@/lib/db";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { ContactStatus } from "@/lib/generated/prisma/enums";
import { appendToThread, type ThreadStore } from "@/lib/threads/threads";
import { contactKey, reachableCompanyIds, type ContactRef } from "./access";
import { mailContactSelect, mailStaffAboutContact, type MailContact } from "./mail";

export interface AddedMessage {
  contact: MailContact & { id: string };
  emailIds: string[];
}

/** A contact's thread: public messages, each with its files. */
const contactThread: ThreadStore<AddedMessage["contact"]> = {
  async lock(tx, id) {
    const [row] = await tx.$queryRaw<{ status: ContactStatus }[]>`SELECT status FROM "Contact" WHERE id = ${id}::uuid FOR UPDATE`;
    if (row?.status !== ContactStatus.OPEN) throw new ConflictError("contacts.errors.finished");
  },
  async write(tx, e) {
    const message = await tx.contactMessage.create({
      data: {
        contactId: e.ownerId,
        authorId: e.authorId,
        authorName: e.authorName,
        fromStaff: e.fromStaff,
        body: e.body ?? "" /* a contact post always has a message */,
        createdAt: e.at,
        attachments: { create: e.files.map((f) => ({ fileId: f.id })) },
      },
      select: { id: true },
    });
    return message.id;
  },
  touch: (tx, id, at) => tx.contact.update({ where: { id }, data: { updatedAt: at }, select: mailContactSelect }),
};

/**
 * Adds a message to the contact found by `where` while it is OPEN; `mail`
 * queues the e-mails in the same transaction.
 */
export async function appendMessage(
  db: Db,
  actor: Actor,
  where: ({ number: number } | { id: string }) & { customerId?: { in: string[] } },
  input: { body: string; fileIds: string[] },
  mail: (tx: DbOrTx, contact: MailContact) => Promise<string[]>,
): Promise<AddedMessage> {
  const { owner, emailIds } = await appendToThread(db, actor, contactThread, {
    find: async (tx) => {
      const found = await tx.contact.findFirst({ where, select: { id: true } });
      if (!found) throw new NotFoundError("errors.notFoundBody");
      return found.id;
    },
    body: input.body,
    fileIds: input.fileIds,
    notify: mail,
  });
  return { contact: owner, emailIds };
}

/** The company's representative adds a message; staff are e-mailed. */
export async function addClientMessage(db: Db, actor: Actor, ref: ContactRef, input: { body: string; fileIds: string[] }): Promise<AddedMessage> {
  const customerIds = await reachableCompanyIds(db, actor);
  return appendMessage(db, actor, { ...contactKey(ref), customerId: { in: customerIds } }, input, (tx, contact) =>
    mailStaffAboutContact(tx, contact, { authorName: actor.name, body: input.body, isNew: false }),
  );
}
