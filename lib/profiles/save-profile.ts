// Creating, editing and deactivating profiles (admin only). Names are unique.
// A deactivated profile stays on its users but cannot be given to anyone new.
import "server-only";
import { assertAdmin, type Actor } from "@/lib/auth/actor";
import type { DbOrTx } from "@/lib/db";
import { isUniqueViolation, isUuid } from "@/lib/db/query-guards";
import { NotFoundError, ValidationError } from "@/lib/errors";
import type { ProfileInput } from "./schemas";

function nameTakenOr(error: unknown): unknown {
  return isUniqueViolation(error) ? new ValidationError({ name: "validation.nameTaken" }) : error;
}

const dataOf = (input: ProfileInput) => ({
  name: input.name,
  description: input.description,
  // A set: each permission once, in a stable order.
  permissions: [...new Set(input.permissions)].sort(),
  active: input.active,
});

export async function createProfile(db: DbOrTx, actor: Actor, input: ProfileInput): Promise<{ id: string }> {
  assertAdmin(actor);
  try {
    return await db.profile.create({ data: dataOf(input), select: { id: true } });
  } catch (error) {
    throw nameTakenOr(error);
  }
}

export async function updateProfile(db: DbOrTx, actor: Actor, id: string, input: ProfileInput): Promise<void> {
  assertAdmin(actor);
  let count: number;
  try {
    ({ count } = isUuid(id) ? await db.profile.updateMany({ where: { id }, data: dataOf(input) }) : { count: 0 });
  } catch (error) {
    throw nameTakenOr(error);
  }
  if (count === 0) throw new NotFoundError("common.notFound");
}

export async function setProfileActive(db: DbOrTx, actor: Actor, id: string, active: boolean): Promise<void> {
  assertAdmin(actor);
  const { count } = isUuid(id) ? await db.profile.updateMany({ where: { id }, data: { active } }) : { count: 0 };
  if (count === 0) throw new NotFoundError("common.notFound");
}
