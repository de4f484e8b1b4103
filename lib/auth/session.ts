// Page and action guards. Layouts call these to send the wrong audience away;
// domain functions check the Actor again, so a guard is never the only check.
import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { db } from "@/lib/db";
import { auth } from "./auth";
import { isAdmin, isPortalClient, isStaff, loadSessionActor, type Actor } from "./actor";

const PATH_HEADER = "x-portico-path";

/** The signed-in, active user of this request, or null (also when the session was ended). */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  return userId ? loadSessionActor(db, { userId, sessionVersion: session.user.sessionVersion }) : null;
});

async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) {
    const path = (await headers()).get(PATH_HEADER);
    redirect(path ? `/login?callbackUrl=${encodeURIComponent(path)}` : "/login");
  }
  return actor;
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

/** Where a user lands after signing in. */
export function homeFor(actor: Pick<Actor, "role">): string {
  return actor.role === "CLIENT" ? "/portal" : "/admin";
}
