// Ending sessions: a session cookie is a signed JWT, so a copy of it works
// wherever it is sent. Signing out, a new password (reset, or set by an
// admin) and deactivation raise the user's session version, and the per-request
// reload of the user refuses every cookie issued before. These tests sign in
// through Auth.js's own route handler, keep the cookie it sets and read the
// actor exactly as a page does (getActor), with the request's headers mocked.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db";

const state = vi.hoisted(() => {
  // Before lib/auth/auth is imported: it reads the secret once.
  process.env.AUTH_SECRET = "test-secret-for-session-revocation-0123456789";
  return { db: null as unknown as Db, cookie: "" };
});

vi.mock("@/lib/db", () => ({ db: new Proxy({}, { get: (_t, p) => Reflect.get(state.db as object, p) }) }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ host: "localhost:3000", "x-forwarded-proto": "http", cookie: state.cookie, "x-forwarded-for": "198.51.100.20" }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => {}, delete: () => {} }),
}));

import { decode } from "next-auth/jwt";
import { loadSessionActor, revokeSessions } from "@/lib/auth/actor";
import { handlers } from "@/lib/auth/auth";
import { requestPasswordReset, resetPassword } from "@/lib/auth/password-reset";
import { getActor } from "@/lib/auth/session";
import { Role } from "@/lib/generated/prisma/enums";
import { updateUser } from "@/lib/users/save-user";
import { setUserActive } from "@/lib/users/set-user-active";
import { createActor, createUser, DEFAULT_PASSWORD } from "../helpers/factories";
import { withTestDatabase } from "../helpers/db-test";

const BASE = "http://localhost:3000/api/auth";
const SESSION_COOKIE = "authjs.session-token";

const t = withTestDatabase();
beforeAll(async () => {
  state.db = t.prisma;
});
beforeEach(async () => {
  state.cookie = "";
  await t.prisma.rateLimitBucket.deleteMany();
});

const cookiesOf = (response: Response) => response.headers.getSetCookie().map((c) => c.split(";")[0]);

/** Signs in through Auth.js's credentials callback; returns the session cookie ("name=value"). */
async function signIn(email: string, password = DEFAULT_PASSWORD): Promise<string> {
  const csrf = await handlers.GET(new Request(`${BASE}/csrf`) as never);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await handlers.POST(
    new Request(`${BASE}/callback/credentials`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiesOf(csrf).join("; "), "x-forwarded-for": "198.51.100.20" },
      body: new URLSearchParams({ csrfToken, email, password, callbackUrl: "/portal" }),
    }) as never,
  );
  const session = cookiesOf(response).find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!session) throw new Error(`no session cookie (status ${response.status}, location ${response.headers.get("location")})`);
  return session;
}

async function actorWith(cookie: string) {
  state.cookie = cookie;
  return getActor();
}

async function claims(cookie: string) {
  const token = cookie.slice(SESSION_COOKIE.length + 1);
  return decode({ token, secret: process.env.AUTH_SECRET!, salt: SESSION_COOKIE });
}

describe("session version", () => {
  it("is put in the session at sign-in and checked on every load of the actor", async () => {
    const user = await createUser(t.prisma, { role: Role.CLIENT });
    const cookie = await signIn(user.email);
    expect(await claims(cookie)).toMatchObject({ sub: user.id, sv: 0 });
    expect(await actorWith(cookie)).toMatchObject({ userId: user.id });

    await revokeSessions(t.prisma, user.id);
    expect(await actorWith(cookie)).toBeNull();
    // A new sign-in carries the new version and works.
    const fresh = await signIn(user.email);
    expect(await claims(fresh)).toMatchObject({ sub: user.id, sv: 1 });
    expect(await actorWith(fresh)).toMatchObject({ userId: user.id });
  });

  it("refuses a session without a version (issued before versions existed) or with a forged one", async () => {
    const user = await createUser(t.prisma, { role: Role.CLIENT });
    expect(await loadSessionActor(t.prisma, { userId: user.id, sessionVersion: undefined })).toBeNull();
    expect(await loadSessionActor(t.prisma, { userId: user.id, sessionVersion: "0" })).toBeNull();
    expect(await loadSessionActor(t.prisma, { userId: user.id, sessionVersion: 1 })).toBeNull();
    expect(await loadSessionActor(t.prisma, { userId: user.id, sessionVersion: 0 })).toMatchObject({ userId: user.id });
  });

  it("ends every session of the user at once: two devices, one revocation", async () => {
    const user = await createUser(t.prisma, { role: Role.CLIENT });
    const other = await createUser(t.prisma, { role: Role.CLIENT });
    const [laptop, phone, someoneElse] = [await signIn(user.email), await signIn(user.email), await signIn(other.email)];
    await revokeSessions(t.prisma, user.id);
    expect(await actorWith(laptop)).toBeNull();
    expect(await actorWith(phone)).toBeNull();
    expect(await actorWith(someoneElse)).toMatchObject({ userId: other.id });
  });

  it("a password reset ends the sessions signed in with the old password", async () => {
    const user = await createUser(t.prisma, { role: Role.CLIENT });
    const copied = await signIn(user.email);
    let token = "";
    await requestPasswordReset(t.prisma, user.email, (tk) => ((token = tk), `http://portico.test/reset-password/${tk}`));
    expect(await resetPassword(t.prisma, token, "a brand new password")).toBe(true);
    expect(await actorWith(copied)).toBeNull();
    expect(await actorWith(await signIn(user.email, "a brand new password"))).toMatchObject({ userId: user.id });
  });

  it("a password set by an admin ends the user's sessions; other edits do not", async () => {
    const { actor: admin } = await createActor(t.prisma, Role.ADMIN);
    const user = await createUser(t.prisma, { role: Role.STAFF, profileId: null });
    const input = { name: user.name, email: user.email, role: Role.STAFF, profileId: "", locale: "en" as const, timeZone: "UTC", active: true };
    const cookie = await signIn(user.email);
    await updateUser(t.prisma, admin, user.id, { ...input, name: "Renamed", password: "" });
    expect(await actorWith(cookie)).toMatchObject({ userId: user.id, name: "Renamed" });
    await updateUser(t.prisma, admin, user.id, { ...input, password: "set by the admin" });
    expect(await actorWith(cookie)).toBeNull();
  });

  it("an admin who changes their own password is signed out too", async () => {
    const { user } = await createActor(t.prisma, Role.ADMIN);
    const cookie = await signIn(user.email);
    const admin = (await actorWith(cookie))!;
    await updateUser(t.prisma, admin, user.id, {
      name: user.name,
      email: user.email,
      role: Role.ADMIN,
      profileId: "",
      locale: "en",
      timeZone: "UTC",
      active: true,
      password: "my own new password",
    });
    expect(await actorWith(cookie)).toBeNull();
  });

  it("deactivation ends the sessions for good: reactivating does not revive them", async () => {
    const { actor: admin } = await createActor(t.prisma, Role.ADMIN);
    const user = await createUser(t.prisma, { role: Role.CLIENT });
    const cookie = await signIn(user.email);
    await setUserActive(t.prisma, admin, user.id, false);
    expect(await actorWith(cookie)).toBeNull();
    await setUserActive(t.prisma, admin, user.id, true);
    expect(await actorWith(cookie)).toBeNull();
    expect(await actorWith(await signIn(user.email))).toMatchObject({ userId: user.id });
  });
});
