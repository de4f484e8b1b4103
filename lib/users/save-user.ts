// Creating and editing users (admin only). E-mails are unique and stored
// normalised; a client needs an active profile; an admin cannot lock themself out.
import "server-only";
import { assertAdmin, type Actor } from "@/lib/auth/actor";
import { normalizeEmail } from "@/lib/auth/normalize-email";
import { hashPassword } from "@/lib/auth/password";
import type { DbOrTx } from "@/lib/db";
import { isUniqueViolation, isUuid } from "@/lib/db/query-guards";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { Role } from "@/lib/generated/prisma/enums";
import type { CreateUserInput, UpdateUserInput } from "./schemas";

/** The profile to store: required for clients, active unless the user already has it. */
async function checkedProfileId(db: DbOrTx, role: Role, profileId: string, currentProfileId: string | null = null): Promise<string | null> {
  if (!profileId) {
    if (role === Role.CLIENT) throw new ValidationError({ profileId: "users.clientNeedsProfile" });
    return null;
  }
  if (profileId === currentProfileId) return profileId;
  const profile = isUuid(profileId) ? await db.profile.findUnique({ where: { id: profileId }, select: { active: true } }) : null;
  if (!profile) throw new ValidationError({ profileId: "validation.invalid" });
  if (!profile.active) throw new ValidationError({ profileId: "users.profileInactive" });
  return profileId;
}

// The unique index decides: a check before the insert would race with a concurrent one.
function emailTakenOr(error: unknown): unknown {
  return isUniqueViolation(error) ? new ValidationError({ email: "validation.emailTaken" }) : error;
}

export async function createUser(db: DbOrTx, actor: Actor, input: CreateUserInput): Promise<{ id: string }> {
  assertAdmin(actor);
  const profileId = await checkedProfileId(db, input.role, input.profileId);
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.user.create({
      data: {
        name: input.name,
        email: normalizeEmail(input.email),
        role: input.role,
        profileId,
        passwordHash,
        locale: input.locale,
        timeZone: input.timeZone,
        active: input.active,
        privacyOfficer: input.role !== Role.CLIENT && input.privacyOfficer === true,
      },
      select: { id: true },
    });
  } catch (error) {
    throw emailTakenOr(error);
  }
}

export async function updateUser(db: DbOrTx, actor: Actor, id: string, input: UpdateUserInput): Promise<void> {
  assertAdmin(actor);
  const current = isUuid(id) ? await db.user.findUnique({ where: { id }, select: { profileId: true } }) : null;
  if (!current) throw new NotFoundError("common.notFound");
  if (id === actor.userId) {
    if (!input.active) throw new ValidationError({ active: "users.cannotDeactivateSelf" });
    if (input.role !== Role.ADMIN) throw new ValidationError({ role: "users.cannotChangeOwnRole" });
  }
  const profileId = await checkedProfileId(db, input.role, input.profileId, current.profileId);
  // A blank password keeps the current one.
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  try {
    await db.user.update({
      where: { id },
      data: {
        name: input.name,
        email: normalizeEmail(input.email),
        role: input.role,
        profileId,
        locale: input.locale,
        timeZone: input.timeZone,
        active: input.active,
        // Clients never hold it, whatever the form sent.
        privacyOfficer: input.role === Role.CLIENT ? false : input.privacyOfficer,
        // A new password ends every session of the user, this admin's own included.
        ...(passwordHash ? { passwordHash, sessionVersion: { increment: 1 } } : {}),
      },
      select: { id: true },
    });
  } catch (error) {
    throw emailTakenOr(error);
  }
}
