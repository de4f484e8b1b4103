// Who is acting. Every domain function takes an Actor and scopes its queries by
// it; the session only carries the user id, so a deactivated user or a changed
// role takes effect on the next request.
import type { DbOrTx } from "@/lib/db";
import { Permission, Role } from "@/lib/generated/prisma/enums";
import { ForbiddenError } from "@/lib/errors";

export interface Actor {
  userId: string;
  role: Role;
  permissions: Permission[];
  /** The profile's id (blocked ticket types are per profile); null for staff without one. */
  profileId: string | null;
  name: string;
  email: string;
  locale: string;
  timeZone: string;
}

export async function loadActor(db: DbOrTx, userId: string): Promise<Actor | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, role: true, name: true, email: true, locale: true, timeZone: true, active: true, profileId: true, profile: { select: { permissions: true } } },
  });
  if (!user || !user.active) return null;
  return {
    userId: user.id,
    role: user.role,
    permissions: user.profile?.permissions ?? [],
    profileId: user.profileId,
    name: user.name,
    email: user.email,
    locale: user.locale,
    timeZone: user.timeZone,
  };
}

export const isStaff = (actor: Actor) => actor.role === Role.ADMIN || actor.role === Role.STAFF;
export const isAdmin = (actor: Actor) => actor.role === Role.ADMIN;
export const isPortalClient = (actor: Actor) => actor.role === Role.CLIENT && actor.permissions.includes(Permission.PORTAL_ACCESS);

export function assertStaff(actor: Actor): void {
  if (!isStaff(actor)) throw new ForbiddenError("errors.forbiddenBody");
}
export function assertAdmin(actor: Actor): void {
  if (!isAdmin(actor)) throw new ForbiddenError("errors.forbiddenBody");
}
export function assertPortalClient(actor: Actor): void {
  if (!isPortalClient(actor)) throw new ForbiddenError("errors.forbiddenBody");
}
