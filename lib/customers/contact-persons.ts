// Contact persons of a customer record (staff and admins). A contact linked to a
// client user is how that user reaches a company or prospect (see access.ts), so
// the same user is linked at most once per customer.
import "server-only";
import { assertStaff, type Actor } from "@/lib/auth/actor";
import { normalizeEmail } from "@/lib/auth/normalize-email";
import type { DbOrTx } from "@/lib/db";
import { isUniqueViolation, isUuid } from "@/lib/db/query-guards";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { emptyToNull, resolveClientUserId } from "./linked-user";
import type { ContactPersonInput } from "./schemas";

export async function addContactPerson(db: DbOrTx, actor: Actor, customerId: string, input: ContactPersonInput): Promise<{ id: string }> {
  assertStaff(actor);
  const customer = isUuid(customerId) ? await db.customer.findUnique({ where: { id: customerId }, select: { id: true } }) : null;
  if (!customer) throw new NotFoundError("common.notFound");
  const userId = await resolveClientUserId(db, input.userEmail, "userEmail");
  try {
    return await db.contactPerson.create({
      data: { customerId, name: input.name, email: input.email ? normalizeEmail(input.email) : null, phone: emptyToNull(input.phone), userId },
      select: { id: true },
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ValidationError({ userEmail: "customers.contactUserDuplicate" });
    throw error;
  }
}

/** Removes one contact person of this customer; a contact of another customer is "not found". */
export async function removeContactPerson(db: DbOrTx, actor: Actor, customerId: string, contactId: string): Promise<void> {
  assertStaff(actor);
  const { count } = isUuid(customerId) && isUuid(contactId) ? await db.contactPerson.deleteMany({ where: { id: contactId, customerId } }) : { count: 0 };
  if (count === 0) throw new NotFoundError("common.notFound");
}
