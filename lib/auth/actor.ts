// Who is acting. Every domain function takes an Actor and scopes its queries by
// it; the session only carries the user id and the user's session version, so a
// deactivated user, a changed role or ended sessions take effect on the next request.
import type { DbOrTx } from "@/lib/db";
import { Permission, Role } from "@/lib/generated/prisma/enums";
import { ForbiddenError } from "@/lib/errors";

export interface Actor {
  userId: string;
  role: Role;
  permissions: Permission[];
  /** The profile's id (blocked ticket types are per profile); null for staff without one. */
  profileId: string | null;
  /** Staff granted the privacy officer permission (never a client). */
  privacyOfficer: boolean;
  name: string;
  email: string;
  locale: string;
  timeZone: string;
}

export async function loadActor(db: DbOrTx, userId: string): Promise<Actor | null> {
  return loadUser(db, userId, null);
}

/**
 * The actor of a session: null unless the session was issued at the user's
 * current session version. Raising the version (revokeSessions) ends every
 * session issued before, whoever holds a copy of its cookie.
 */
export async function loadSessionActor(db: DbOrTx, session: { userId: string; sessionVersion: unknown }): Promise<Actor | null> {
  if (typeof session.sessionVersion !== "number" || !Number.isInteger(session.sessionVersion)) return null;
  return loadUser(db, session.userId, session.sessionVersion);
}

/** Ends every session of the user; they and anyone with a copied cookie must sign in again. */
export async function revokeSessions(db: DbOrTx, userId: string): Promise<void> {
  await db.user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}

async function loadUser(db: DbOrTx, userId: string, sessionVersion: number | null): Promise<Actor | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      role: true,
      name: true,
      email: true,
      locale: true,
      timeZone: true,
      active: true,
      sessionVersion: true,
      profileId: true,
      privacyOfficer: true,
      profile: { select: { permissions: true } },
    },
  });
  if (!user || !user.active) return null;
  if (sessionVersion !== null && user.sessionVersion !== sessionVersion) return null;
  return {
    userId: user.id,
    role: user.role,
    permissions: user.profile?.permissions ?? [],
    profileId: user.profileId,
    privacyOfficer: user.privacyOfficer && user.role !== Role.CLIENT,
    name: user.name,
    email: user.email,
    locale: user.locale,
    timeZone: user.timeZone,
  };
}

export const isStaff = (actor: Actor) => actor.role === Role.ADMIN || actor.role === Role.STAFF;
export const isAdmin = (actor: Actor) => actor.role === Role.ADMIN;
export const isPrivacyOfficer = (actor: Actor) => isStaff(actor) && actor.privacyOfficer;
export const isPortalClient = (actor: Actor) => actor.role === Role.CLIENT && actor.permissions.includes(Permission.PORTAL_ACCESS);

export function assertStaff(actor: Actor): void {
  if (!isStaff(actor)) throw new ForbiddenError("errors.forbiddenBody");
}
export function assertAdmin(actor: Actor): void {
  if (!isAdmin(actor)) throw new ForbiddenError("errors.forbiddenBody");
}
export function assertPrivacyOfficer(actor: Actor): void {
  if (!isPrivacyOfficer(actor)) throw new ForbiddenError("errors.forbiddenBody");
}
export function assertPortalClient(actor: Actor): void {
  if (!isPortalClient(actor)) throw new ForbiddenError("errors.forbiddenBody");
}
