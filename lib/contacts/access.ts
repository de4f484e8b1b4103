// Who may use "Contact us" in the portal (it is for companies only): users
// who reach a COMPANY customer, directly or as one of its contact persons. Every
// portal query on contacts is scoped by these customer ids.
import "server-only";
import { assertPortalClient, type Actor } from "@/lib/auth/actor";
import { reachableCustomers, type ReachableCustomer } from "@/lib/customers/access";
import type { DbOrTx } from "@/lib/db";
import { isUuid } from "@/lib/db/query-guards";
import { NotFoundError } from "@/lib/errors";
import { CustomerKind } from "@/lib/generated/prisma/enums";

export async function reachableCompanies(db: DbOrTx, actor: Actor): Promise<ReachableCustomer[]> {
  assertPortalClient(actor);
  return (await reachableCustomers(db, actor)).filter((c) => c.kind === CustomerKind.COMPANY);
}

export async function reachableCompanyIds(db: DbOrTx, actor: Actor): Promise<string[]> {
  return (await reachableCompanies(db, actor)).map((c) => c.id);
}

/** Contact numbers come from URLs: anything but a positive int4 is simply not found. */
export function checkNumber(number: number): number {
  if (!Number.isInteger(number) || number <= 0 || number > 2_147_483_647) throw new NotFoundError("errors.notFoundBody");
  return number;
}

/** A contact by its id (what actions bind) or by the number people read (#42, in URLs). */
export type ContactRef = number | { id: string };

/** The unique key of a contact reference; a malformed one is simply not found. */
export function contactKey(ref: ContactRef): { number: number } | { id: string } {
  if (typeof ref === "number") return { number: checkNumber(ref) };
  if (!isUuid(ref.id)) throw new NotFoundError("errors.notFoundBody");
  return { id: ref.id };
}
