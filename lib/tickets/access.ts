// Who may see which tickets. A client sees the tickets of the customer records
// they reach (lib/customers/access.ts), minus the types their profile blocks;
// staff see every ticket. Every client query goes through clientTicketScope.
import type { Actor } from "@/lib/auth/actor";
import { assertPortalClient, isStaff } from "@/lib/auth/actor";
import { reachableCustomers, type ReachableCustomer } from "@/lib/customers/access";
import type { DbOrTx } from "@/lib/db";
import { isUuid } from "@/lib/db/query-guards";
import { NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { blockedTypeIds } from "./settings/blocked-types";

const ticketNotFound = () => new NotFoundError("tickets.errors.notFound");

export interface ClientScope {
  customers: ReachableCustomer[];
  customerIds: string[];
  blockedTypeIds: string[];
  where: Prisma.TicketWhereInput;
}

export async function clientTicketScope(db: DbOrTx, actor: Actor): Promise<ClientScope> {
  assertPortalClient(actor);
  const [customers, blocked] = await Promise.all([reachableCustomers(db, actor), blockedTypeIds(db, actor.profileId)]);
  const customerIds = customers.map((c) => c.id);
  const where: Prisma.TicketWhereInput = { customerId: { in: customerIds }, ...(blocked.length ? { typeId: { notIn: blocked } } : {}) };
  return { customers, customerIds, blockedTypeIds: blocked, where };
}

/**
 * The ticket's id if the actor may act on it: any ticket for staff, a ticket in
 * the client's scope otherwise. Anything else is "not found".
 */
export async function resolveTicketId(db: DbOrTx, actor: Actor, ticketId: string): Promise<string> {
  if (!isUuid(ticketId)) throw ticketNotFound();
  const where: Prisma.TicketWhereInput = isStaff(actor) ? { id: ticketId } : { id: ticketId, ...(await clientTicketScope(db, actor)).where };
  const found = await db.ticket.findFirst({ where, select: { id: true } });
  if (!found) throw ticketNotFound();
  return found.id;
}

/** Portal URLs use the ticket number; resolves it within the actor's scope. */
export async function ticketIdByNumber(db: DbOrTx, actor: Actor, number: number): Promise<string> {
  if (!Number.isSafeInteger(number) || number <= 0) throw ticketNotFound();
  const where: Prisma.TicketWhereInput = isStaff(actor) ? { number } : { number, ...(await clientTicketScope(db, actor)).where };
  const found = await db.ticket.findFirst({ where, select: { id: true } });
  if (!found) throw ticketNotFound();
  return found.id;
}
