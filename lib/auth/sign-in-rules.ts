// The rules every way of signing in applies once it knows who the user is
// (password, passkey, an institution's provider): an inactive account is
// refused, and a client needs the profile's portal access.
import { Permission, Role } from "@/lib/generated/prisma/enums";

export type SignInRefusal = "inactive" | "no_portal_access";

export const signInUserSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  locale: true,
  timeZone: true,
  active: true,
  sessionVersion: true,
  profile: { select: { permissions: true } },
} as const;

export interface SignInUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  locale: string;
  timeZone: string;
  active: boolean;
  sessionVersion: number;
  profile: { permissions: Permission[] } | null;
}

/** Why this known user may not sign in, or null when they may. */
export function signInRefusal(user: Pick<SignInUser, "active" | "role" | "profile">): SignInRefusal | null {
  if (!user.active) return "inactive";
  if (user.role === Role.CLIENT && !user.profile?.permissions.includes(Permission.PORTAL_ACCESS)) return "no_portal_access";
  return null;
}

export type SessionUser = Omit<SignInUser, "active" | "profile">;

/** What a successful sign-in hands on: the user without the fields only the rules needed. */
export function sessionUser(user: SignInUser): SessionUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    locale: user.locale,
    timeZone: user.timeZone,
    sessionVersion: user.sessionVersion,
  };
}
