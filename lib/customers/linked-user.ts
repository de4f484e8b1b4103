// Customers and contact persons link portal users by e-mail: an admin types an
// address instead of scrolling a list of every client. Only client users can be linked.
import "server-only";
import { normalizeEmail } from "@/lib/auth/normalize-email";
import type { DbOrTx } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import { Role } from "@/lib/generated/prisma/enums";

/** The id of the client user with this e-mail, null for "", or a field error on `field`. */
export async function resolveClientUserId(db: DbOrTx, email: string, field: string): Promise<string | null> {
  if (!email) return null;
  const user = await db.user.findUnique({ where: { email: normalizeEmail(email) }, select: { id: true, role: true } });
  if (!user) throw new ValidationError({ [field]: "customers.userNotFound" });
  if (user.role !== Role.CLIENT) throw new ValidationError({ [field]: "customers.userNotClient" });
  return user.id;
}

export const emptyToNull = (value: string): string | null => (value === "" ? null : value);
