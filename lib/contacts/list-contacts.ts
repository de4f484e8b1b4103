// The company's side of "Contact us": "All contacts", "Open" and
// "Finished" (tabs with counts, newest update first, search by number) and one
// contact with its thread. Every query is scoped by the COMPANY customers the
// user reaches; another company's contact answers exactly like a missing one.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { DbOrTx } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ContactStatus } from "@/lib/generated/prisma/enums";
import { skipTake, toPage, type ListQuery, type Page } from "@/lib/pagination";
import { checkNumber, reachableCompanyIds } from "./access";
import { contactDetailSelect, contactSummarySelect, parseNumberQuery, type ContactDetail, type ContactSummary } from "./thread";

export interface StatusCounts {
  all: number;
  OPEN: number;
  FINISHED: number;
}

export interface MyContactsQuery extends ListQuery {
  status?: ContactStatus;
}

/** Counts per status in one grouped query. */
export async function countByStatus(db: DbOrTx, where: Prisma.ContactWhereInput): Promise<StatusCounts> {
  const groups = await db.contact.groupBy({ by: ["status"], where, _count: { _all: true } });
  const counts: StatusCounts = { all: 0, OPEN: 0, FINISHED: 0 };
  for (const g of groups) {
    counts[g.status] = g._count._all;
    counts.all += g._count._all;
  }
  return counts;
}

/** A number search: "12" or "#12"; other text matches nothing rather than everything. */
function numberFilter(q: string): Prisma.ContactWhereInput {
  if (!q) return {};
  const number = parseNumberQuery(q);
  return number === undefined ? { id: { in: [] } } : { number };
}

export async function listMyContacts(db: DbOrTx, actor: Actor, query: MyContactsQuery): Promise<Page<ContactSummary> & { counts: StatusCounts }> {
  const customerIds = await reachableCompanyIds(db, actor);
  const scope: Prisma.ContactWhereInput = { customerId: { in: customerIds }, ...numberFilter(query.q) };
  const where: Prisma.ContactWhereInput = { ...scope, ...(query.status ? { status: query.status } : {}) };
  const [rows, total, counts] = await Promise.all([
    db.contact.findMany({ where, select: contactSummarySelect, orderBy: [{ updatedAt: "desc" }, { number: "desc" }], ...skipTake(query) }),
    db.contact.count({ where }),
    countByStatus(db, scope),
  ]);
  return { ...toPage(rows, total, query), counts };
}

export async function getMyContact(db: DbOrTx, actor: Actor, number: number): Promise<ContactDetail> {
  checkNumber(number);
  const customerIds = await reachableCompanyIds(db, actor);
  const contact = await db.contact.findFirst({ where: { number, customerId: { in: customerIds } }, select: contactDetailSelect });
  if (!contact) throw new NotFoundError("errors.notFoundBody");
  return contact;
}
