// Creating, editing and deactivating customer records (staff and admins). The
// linked user is the client whose own record this is (persons, students, professors).
// Such a record keeps no national id of its own: it is the user's (one per
// person, shown here and changed on their profile); a number typed here goes to
// a user who has none, and a different one is refused.
import "server-only";
import { assertStaff, type Actor } from "@/lib/auth/actor";
import { normalizeEmail } from "@/lib/auth/normalize-email";
import type { DbOrTx } from "@/lib/db";
import { isUuid } from "@/lib/db/query-guards";
import { NotFoundError } from "@/lib/errors";
import { assignUserNationalId, usesUserNationalId } from "@/lib/account/cpf";
import { getNationalIdSetting } from "@/lib/settings/national-id";
import { emptyToNull, resolveClientUserId } from "./linked-user";
import type { CustomerInput } from "./schemas";

async function dataOf(db: DbOrTx, actor: Actor, input: CustomerInput) {
  const userId = await resolveClientUserId(db, input.userEmail, "userEmail");
  let document = emptyToNull(input.document);
  if (usesUserNationalId(await getNationalIdSetting(db), { kind: input.kind, userId })) {
    if (document) await assignUserNationalId(db, actor, userId!, document, "document");
    document = null;
  }
  return {
    kind: input.kind,
    name: input.name,
    document,
    email: input.email ? normalizeEmail(input.email) : null,
    phone: emptyToNull(input.phone),
    userId,
    active: input.active,
  };
}

export async function createCustomer(db: DbOrTx, actor: Actor, input: CustomerInput): Promise<{ id: string }> {
  assertStaff(actor);
  return db.customer.create({ data: await dataOf(db, actor, input), select: { id: true } });
}

export async function updateCustomer(db: DbOrTx, actor: Actor, id: string, input: CustomerInput): Promise<void> {
  assertStaff(actor);
  const data = await dataOf(db, actor, input);
  const { count } = isUuid(id) ? await db.customer.updateMany({ where: { id }, data }) : { count: 0 };
  if (count === 0) throw new NotFoundError("common.notFound");
}

export async function setCustomerActive(db: DbOrTx, actor: Actor, id: string, active: boolean): Promise<void> {
  assertStaff(actor);
  const { count } = isUuid(id) ? await db.customer.updateMany({ where: { id }, data: { active } }) : { count: 0 };
  if (count === 0) throw new NotFoundError("common.notFound");
}
