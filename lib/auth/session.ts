// Page and action guards. Layouts call these to send the wrong audience away;
// domain functions check the Actor again, so a guard is never the only check.
import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { db } from "@/lib/db";
import { auth } from "./auth";
import { isAdmin, isPortalClient, isPrivacyOfficer, isStaff, loadSessionActor, type Actor } from "./actor";
import { isTwoFactorRequiredForStaff, TWO_FACTOR_SETUP_PATH } from "./two-factor-policy";
import { checkUserSession } from "./user-sessions";

const PATH_HEADER = "x-portico-path";

interface RequestSession {
  actor: Actor;
  /** The UserSession row of this cookie ("this device" on the sessions list). */
  sessionId: string;
  /** Staff who must set up a second factor before anything else (an installation setting). */
  mustEnrol: boolean;
}

/**
 * The session of this request: its user at the cookie's session version and its
 * UserSession row still live (ended rows and older versions are refused).
 */
const loadRequestSession = cache(async (): Promise<RequestSession | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return null;
  const [actor, live] = await Promise.all([
    loadSessionActor(db, { userId, sessionVersion: session.user.sessionVersion }),
    checkUserSession(db, userId, session.user.sessionId),
  ]);
  if (!actor || !live) return null;
  // A passkey sign-in proved both factors; otherwise an authenticator app does.
  const mustEnrol = isStaff(actor) && !live.secondFactor && !live.hasTotp && (await isTwoFactorRequiredForStaff(db));
  return { actor, sessionId: session.user.sessionId!, mustEnrol };
});

/**
 * The signed-in, active user of this request, or null (also when the session
 * was ended, and while staff owe the required second factor: they may only
 * enrol, through requireAccountActor).
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await loadRequestSession();
  return session && !session.mustEnrol ? session.actor : null;
});

async function redirectToLogin(): Promise<never> {
  const path = (await headers()).get(PATH_HEADER);
  redirect(path ? `/login?callbackUrl=${encodeURIComponent(path)}` : "/login");
}

async function requireActor(): Promise<Actor> {
  const session = await loadRequestSession();
  if (!session) return redirectToLogin();
  if (session.mustEnrol) redirect(TWO_FACTOR_SETUP_PATH);
  return session.actor;
}

/**
 * Any signed-in user on their own account's pages (security, sessions), also
 * while they owe the required second factor: that is where they set it up.
 */
export async function requireAccountActor(): Promise<Actor> {
  const session = await loadRequestSession();
  if (!session) return redirectToLogin();
  return session.actor;
}

/** The UserSession id of this request, or null. */
export async function currentSessionId(): Promise<string | null> {
  return (await loadRequestSession())?.sessionId ?? null;
}

/** Whether this request's user still owes the required second factor. */
export async function mustEnrolTwoFactor(): Promise<boolean> {
  return (await loadRequestSession())?.mustEnrol ?? false;
}

export async function requireClient(): Promise<Actor> {
  const actor = await requireActor();
  if (!isPortalClient(actor)) forbidden();
  return actor;
}

export async function requireStaff(): Promise<Actor> {
  const actor = await requireActor();
  if (!isStaff(actor)) forbidden();
  return actor;
}

export async function requireAdmin(): Promise<Actor> {
  const actor = await requireActor();
  if (!isAdmin(actor)) forbidden();
  return actor;
}

/** Staff holding the privacy officer permission (pages and actions of the privacy area). */
export async function requirePrivacyOfficer(): Promise<Actor> {
  const actor = await requireActor();
  if (!isPrivacyOfficer(actor)) forbidden();
  return actor;
}

/** Where a user lands after signing in. */
export function homeFor(actor: Pick<Actor, "role">): string {
  return actor.role === "CLIENT" ? "/portal" : "/admin";
}
