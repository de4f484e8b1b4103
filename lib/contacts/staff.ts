// The back office of "Contact us" (every contact a company sends appears
// there): the queue with filters (module, classification, status) and
// counts, one contact, and the staff's moves: reply, finish, reopen. Replies
// and finishing e-mail the company's contact person in the same transaction.
import "server-only";
import { assertStaff, type Actor } from "@/lib/auth/actor";
import { parseEnumParam } from "@/lib/admin/list-filters";
import { now } from "@/lib/clock";
import type { Db, DbOrTx } from "@/lib/db";
import { isUuid } from "@/lib/db/query-guards";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ContactModule, ContactStatus } from "@/lib/generated/prisma/enums";
import { first, parseListQuery, skipTake, toPage, type ListQuery, type Page, type SearchParams } from "@/lib/pagination";
import { checkNumber, contactKey, type ContactRef } from "./access";
import { countByStatus, type StatusCounts } from "./list-contacts";
import { mailContactPersonFinished, mailContactPersonReply, mailContactSelect } from "./mail";
import { appendMessage, type AddedMessage } from "./messages";
import { contactDetailSelect, contactSummarySelect, parseNumberQuery, type ContactDetail, type ContactSummary } from "./thread";

export interface StaffContactsQuery extends ListQuery {
  module?: ContactModule;
  classificationId?: string;
  status?: ContactStatus;
}

export function parseStaffContactsQuery(params: SearchParams): StaffContactsQuery {
  const classificationId = first(params.classification);
  return {
    ...parseListQuery(params),
    module: parseEnumParam(params, "module", ContactModule),
    status: parseEnumParam(params, "status", ContactStatus),
    classificationId: isUuid(classificationId) ? classificationId : undefined,
  };
}

export type StaffContactRow = ContactSummary & { contactName: string };

/** One page of the queue (newest update first) and the counts per status under the same filters. */
export async function listStaffContacts(db: DbOrTx, actor: Actor, query: StaffContactsQuery): Promise<Page<StaffContactRow> & { counts: StatusCounts }> {
  assertStaff(actor);
  const number = parseNumberQuery(query.q);
  const scope: Prisma.ContactWhereInput = {
    module: query.module,
    classificationId: query.classificationId,
    ...(query.q ? (number !== undefined ? { number } : { customer: { name: { contains: query.q, mode: "insensitive" } } }) : {}),
  };
  const where = { ...scope, status: query.status };
  const [rows, total, counts] = await Promise.all([
    db.contact.findMany({
      where,
      select: { ...contactSummarySelect, contactName: true },
      orderBy: [{ updatedAt: "desc" }, { number: "desc" }],
      ...skipTake(query),
    }),
    db.contact.count({ where }),
    countByStatus(db, scope),
  ]);
  return { ...toPage(rows, total, query), counts };
}

/** The classifications of both modules, for the queue's filter (archived ones too: old contacts use them). */
export async function classificationFilterOptions(db: DbOrTx, actor: Actor) {
  assertStaff(actor);
  return db.contactClassification.findMany({
    select: { id: true, name: true, module: true, active: true },
    orderBy: [{ module: "asc" }, { name: "asc" }, { id: "asc" }],
  });
}

export async function getStaffContact(db: DbOrTx, actor: Actor, number: number): Promise<ContactDetail> {
  assertStaff(actor);
  const contact = await db.contact.findUnique({ where: { number: checkNumber(number) }, select: contactDetailSelect });
  if (!contact) throw new NotFoundError("common.notFound");
  return contact;
}

/** A staff answer while the contact is OPEN; the contact person is e-mailed. */
export async function replyToContact(db: Db, actor: Actor, ref: ContactRef, input: { body: string; fileIds: string[] }): Promise<AddedMessage> {
  assertStaff(actor);
  return appendMessage(db, actor, contactKey(ref), input, async (tx, contact) => [
    await mailContactPersonReply(tx, contact, { authorName: actor.name, body: input.body }),
  ]);
}

/** Moves the contact between OPEN and FINISHED in one conditional update; a contact already there is a conflict. */
async function moveStatus(tx: DbOrTx, key: { number: number } | { id: string }, from: ContactStatus, to: ContactStatus) {
  const at = now();
  const { count } = await tx.contact.updateMany({
    where: { ...key, status: from },
    data: { status: to, updatedAt: at, finishedAt: to === ContactStatus.FINISHED ? at : null },
  });
  if (count === 1) return;
  const exists = await tx.contact.count({ where: key });
  if (!exists) throw new NotFoundError("common.notFound");
  throw new ConflictError(to === ContactStatus.FINISHED ? "contacts.errors.alreadyFinished" : "contacts.errors.alreadyOpen");
}

export async function finishContact(db: Db, actor: Actor, ref: ContactRef): Promise<{ emailIds: string[] }> {
  assertStaff(actor);
  const key = contactKey(ref);
  return db.$transaction(async (tx) => {
    await moveStatus(tx, key, ContactStatus.OPEN, ContactStatus.FINISHED);
    const contact = await tx.contact.findFirstOrThrow({ where: key, select: mailContactSelect });
    return { emailIds: [await mailContactPersonFinished(tx, contact)] };
  });
}

export async function reopenContact(db: Db, actor: Actor, ref: ContactRef): Promise<void> {
  assertStaff(actor);
  await moveStatus(db, contactKey(ref), ContactStatus.FINISHED, ContactStatus.OPEN);
}
