// Signing in end to end through Auth.js and the real server actions, with the
// request's headers and cookies as test doubles: the second step after a right
// password, the e-mailed link (with and without a second factor), sessions as
// rows (listed, ended one by one or all at once, the session version still
// ending them), and the second factor required of staff.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db";

const state = vi.hoisted(() => {
  // Before lib/auth/auth is imported: it reads the secret once.
  process.env.AUTH_SECRET = "test-secret-for-sign-in-flow-0123456789abcdef";
  return {
    db: null as unknown as Db,
    jar: new Map<string, string>(),
    ip: "198.51.100.30",
    userAgent: "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0",
    scheduled: [] as (() => Promise<unknown> | unknown)[],
    recording: false,
    accesses: [] as string[],
  };
});

vi.mock("@/lib/db", () => ({
  db: new Proxy(
    {},
    {
      get: (_t, property) => {
        if (state.recording) state.accesses.push(String(property));
        return Reflect.get(state.db as object, property);
      },
    },
  ),
}));
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/server")>()),
  after: (task: () => Promise<unknown>) => void state.scheduled.push(task),
}));
vi.mock("next/headers", () => ({
  headers: async () =>
    new Headers({
      host: "localhost:3000",
      "x-forwarded-proto": "http",
      "x-forwarded-for": state.ip,
      "user-agent": state.userAgent,
      cookie: [...state.jar].map(([name, value]) => `${name}=${value}`).join("; "),
    }),
  cookies: async () => ({
    get: (name: string) => (state.jar.has(name) ? { name, value: state.jar.get(name)! } : undefined),
    getAll: () => [...state.jar].map(([name, value]) => ({ name, value })),
    has: (name: string) => state.jar.has(name),
    set: (name: string, value: string, options?: { maxAge?: number; expires?: Date }) => {
      if (value === "" || options?.maxAge === 0 || (options?.expires && options.expires.getTime() <= Date.now())) state.jar.delete(name);
      else state.jar.set(name, value);
    },
    delete: (name: string) => void state.jar.delete(name),
  }),
}));
vi.mock("@/lib/jobs/notify", () => ({ notifyOutbox: async () => {} }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

import { Secret, TOTP } from "otpauth";
import { revokeSessions } from "@/lib/auth/actor";
import { loginAction } from "@/lib/auth/actions";
import { endSessionAction } from "@/lib/auth/account-actions";
import { endAllSessionsAction } from "@/lib/auth/admin-security-actions";
import { passkeySignInAction, startPasskeySignInAction } from "@/lib/auth/passkey-actions";
import { finishPasskeyRegistration, startPasskeyRegistration } from "@/lib/auth/passkeys";
import { getActor, requireAccountActor } from "@/lib/auth/session";
import { requestSignInLinkAction, signInWithLinkAction, verifySecondFactorAction } from "@/lib/auth/sign-in-actions";
import { CHALLENGE_COOKIE } from "@/lib/auth/sign-in-challenge";
import { requestSignInLink } from "@/lib/auth/sign-in-link";
import { confirmTotpEnrolment, pendingEnrolment, startTotpEnrolment } from "@/lib/auth/two-factor";
import { setTwoFactorRequiredForStaff } from "@/lib/auth/two-factor-policy";
import { listOwnSessions } from "@/lib/auth/user-sessions";
import { Role } from "@/lib/generated/prisma/enums";
import { setUserActive } from "@/lib/users/set-user-active";
import { actorFor, createActor, createUser, DEFAULT_PASSWORD } from "../helpers/factories";
import { withTestDatabase } from "../helpers/db-test";
import { createCredential, getAssertion } from "../helpers/soft-authenticator";

const SESSION_COOKIE = "authjs.session-token";
const t = withTestDatabase();
beforeAll(async () => {
  state.db = t.prisma;
  // The first user hashes the factories' password (argon2, slow on purpose): outside any test's time.
  await createUser(t.prisma);
}, 300_000);
beforeEach(async () => {
  state.jar.clear();
  state.scheduled = [];
  await t.prisma.rateLimitBucket.deleteMany();
});

/** Where an action redirected to (redirect() throws), or null when it returned. */
async function redirectOf(call: Promise<unknown>): Promise<string | { result: unknown }> {
  try {
    return { result: await call };
  } catch (error) {
    const digest = String((error as { digest?: unknown }).digest ?? "");
    if (!digest.startsWith("NEXT_REDIRECT")) throw error;
    return digest.split(";")[2];
  }
}

/** A fresh browser: its own cookie jar. */
function newBrowser() {
  state.jar.clear();
}

function sessionCookie(): string | undefined {
  return state.jar.get(SESSION_COOKIE);
}

/** getActor as a page in a browser holding `cookie` would see it (React's cache is per request). */
async function actorWith(cookie: string | undefined) {
  state.jar.clear();
  if (cookie) state.jar.set(SESSION_COOKIE, cookie);
  return getActor();
}

const totpCode = (secret: string) => new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate();

async function withTotp(role: Role) {
  const { user, actor } = await createActor(t.prisma, role, role === Role.STAFF || role === Role.ADMIN ? { profileId: null } : {});
  await startTotpEnrolment(t.prisma, actor);
  const { secret } = (await pendingEnrolment(t.prisma, actor))!;
  // Enrolled with the previous step's code, so the current step is free for the sign-in.
  await confirmTotpEnrolment(t.prisma, actor, new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: Date.now() - 30_000 }));
  await t.prisma.rateLimitBucket.deleteMany();
  return { user, actor, secret };
}

describe("password and second factor", () => {
  it("a user without a second factor is signed in by the password, with a session row", async () => {
    newBrowser();
    const user = await createUser(t.prisma, { role: Role.CLIENT });
    expect(await redirectOf(loginAction({ email: user.email, password: DEFAULT_PASSWORD }))).toBe("/portal");
    const cookie = sessionCookie();
    expect(await actorWith(cookie)).toMatchObject({ userId: user.id });
    const rows = await t.prisma.userSession.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ method: "PASSWORD", secondFactor: false, ip: "198.51.100.30", userAgent: state.userAgent, endedAt: null });
  });

  it("a wrong password says nothing of a second factor; a right one asks for the code and issues no session yet", async () => {
    newBrowser();
    const { user } = await withTotp(Role.CLIENT);
    const wrong = await redirectOf(loginAction({ email: user.email, password: "not the password" }));
    expect(wrong).toMatchObject({ result: { ok: false, formError: { key: "auth.errors.invalid_credentials" } } });
    expect(state.jar.has(CHALLENGE_COOKIE)).toBe(false);

    expect(await redirectOf(loginAction({ email: user.email, password: DEFAULT_PASSWORD, callbackUrl: "/portal/tickets" }))).toBe(
      "/login/two-factor?callbackUrl=%2Fportal%2Ftickets",
    );
    expect(state.jar.has(CHALLENGE_COOKIE)).toBe(true);
    expect(sessionCookie()).toBeUndefined();
    expect(await t.prisma.userSession.count({ where: { userId: user.id } })).toBe(0);
  });

  it("the code completes the sign-in once; a wrong code does not; the challenge cannot be reused", async () => {
    newBrowser();
    const { user, secret } = await withTotp(Role.CLIENT);
    await redirectOf(loginAction({ email: user.email, password: DEFAULT_PASSWORD }));
    const challenge = state.jar.get(CHALLENGE_COOKIE)!;
    expect(await redirectOf(verifySecondFactorAction({ code: "000000" }))).toMatchObject({
      result: { ok: false, formError: { key: "auth.errors.invalid_code" } },
    });
    expect(sessionCookie()).toBeUndefined();

    expect(await redirectOf(verifySecondFactorAction({ code: totpCode(secret), callbackUrl: "/portal/tickets" }))).toBe("/portal/tickets");
    const cookie = sessionCookie();
    expect(await actorWith(cookie)).toMatchObject({ userId: user.id });
    expect(await t.prisma.userSession.findFirstOrThrow({ where: { userId: user.id } })).toMatchObject({ method: "PASSWORD", secondFactor: true });

    // The same challenge again (a copied cookie), even with a fresh recovery code: used up.
    state.jar.clear();
    state.jar.set(CHALLENGE_COOKIE, challenge);
    expect(await redirectOf(verifySecondFactorAction({ code: "whatever" }))).toMatchObject({
      result: { ok: false, formError: { key: "auth.errors.challenge_expired" } },
    });
  });

  it("a challenge takes 5 codes, then it is gone", async () => {
    newBrowser();
    const { user, secret } = await withTotp(Role.CLIENT);
    await redirectOf(loginAction({ email: user.email, password: DEFAULT_PASSWORD }));
    for (let i = 0; i < 5; i++) await redirectOf(verifySecondFactorAction({ code: "000000" }));
    expect(await redirectOf(verifySecondFactorAction({ code: totpCode(secret) }))).toMatchObject({
      result: { ok: false, formError: { key: "auth.errors.challenge_expired" } },
    });
  });

  it("the password's rate limit still applies before any second step", async () => {
    newBrowser();
    const { user } = await withTotp(Role.CLIENT);
    for (let i = 0; i < 5; i++) await redirectOf(loginAction({ email: user.email, password: `wrong ${i}` }));
    expect(await redirectOf(loginAction({ email: user.email, password: DEFAULT_PASSWORD }))).toMatchObject({
      result: { ok: false, formError: { key: "auth.errors.rate_limited" } },
    });
    expect(state.jar.has(CHALLENGE_COOKIE)).toBe(false);
  });
});

describe("sign-in link", () => {
  async function linkFor(email: string): Promise<string> {
    let token = "";
    await requestSignInLink(t.prisma, { email, ip: "203.0.113.50" }, (tk) => ((token = tk), `http://portico.test/login/link/${tk}`));
    return token;
  }

  it("the request answers the same for a client, an unknown address and staff, before any database work", async () => {
    const client = await createUser(t.prisma, { role: Role.CLIENT });
    const staff = await createUser(t.prisma, { role: Role.STAFF, profileId: null });
    const answers = [];
    for (const email of [client.email, "nobody@example.test", staff.email]) {
      state.recording = true;
      state.accesses = [];
      answers.push(await requestSignInLinkAction({ email }));
      state.recording = false;
      expect(state.accesses).toEqual([]);
    }
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(answers[0]).toEqual({ ok: true, data: undefined, message: { key: "auth.signInLinkSent", values: { minutes: 15 } } });
    for (const task of state.scheduled) await task();
    expect(await t.prisma.emailMessage.count({ where: { template: "signInLink", to: client.email } })).toBe(1);
    expect(await t.prisma.emailMessage.count({ where: { template: "signInLink", to: { in: ["nobody@example.test", staff.email] } } })).toBe(0);
  });

  it("signs a client in once", async () => {
    newBrowser();
    const user = await createUser(t.prisma, { role: Role.CLIENT });
    const token = await linkFor(user.email);
    expect(await redirectOf(signInWithLinkAction(token))).toBe("/portal");
    expect(await actorWith(sessionCookie())).toMatchObject({ userId: user.id });
    expect(await t.prisma.userSession.findFirstOrThrow({ where: { userId: user.id } })).toMatchObject({ method: "LINK" });

    newBrowser();
    expect(await redirectOf(signInWithLinkAction(token))).toMatchObject({ result: { ok: false, formError: { key: "auth.errors.link_invalid" } } });
    expect(sessionCookie()).toBeUndefined();
  });

  it("respects deactivation after the link was sent", async () => {
    newBrowser();
    const user = await createUser(t.prisma, { role: Role.CLIENT });
    const token = await linkFor(user.email);
    const { actor: admin } = await createActor(t.prisma, Role.ADMIN);
    await setUserActive(t.prisma, admin, user.id, false);
    expect(await redirectOf(signInWithLinkAction(token))).toMatchObject({ result: { ok: false, formError: { key: "auth.errors.inactive" } } });
    expect(sessionCookie()).toBeUndefined();
  });

  it("still asks for the code of a client with a second factor", async () => {
    newBrowser();
    const { user, secret } = await withTotp(Role.CLIENT);
    const token = await linkFor(user.email);
    expect(await redirectOf(signInWithLinkAction(token))).toBe("/login/two-factor");
    expect(sessionCookie()).toBeUndefined();
    expect(await redirectOf(verifySecondFactorAction({ code: totpCode(secret) }))).toBe("/portal");
    expect(await actorWith(sessionCookie())).toMatchObject({ userId: user.id });
    expect(await t.prisma.userSession.findFirstOrThrow({ where: { userId: user.id } })).toMatchObject({ method: "LINK", secondFactor: true });
  });
});

describe("sessions", () => {
  async function signedIn(email: string, userAgent = state.userAgent): Promise<string> {
    newBrowser();
    state.userAgent = userAgent;
    await redirectOf(loginAction({ email, password: DEFAULT_PASSWORD }));
    return sessionCookie()!;
  }

  it("a user lists their sessions and ends one; its cookie stops working everywhere, the others go on", async () => {
    const user = await createUser(t.prisma, { role: Role.CLIENT });
    const laptop = await signedIn(user.email);
    const phone = await signedIn(
      user.email,
      "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1",
    );
    const actor = (await actorWith(laptop))!;
    const laptopRow = await t.prisma.userSession.findFirstOrThrow({ where: { userId: user.id }, orderBy: { createdAt: "asc" } });
    const listed = await listOwnSessions(t.prisma, actor, laptopRow.id);
    expect(listed).toHaveLength(2);
    expect(listed.filter((s) => s.current).map((s) => s.id)).toEqual([laptopRow.id]);

    const phoneRow = listed.find((s) => !s.current)!;
    state.jar.set(SESSION_COOKIE, laptop);
    expect(await endSessionAction(phoneRow.id)).toMatchObject({ ok: true });
    expect(await actorWith(phone)).toBeNull();
    expect(await actorWith(laptop)).toMatchObject({ userId: user.id });
    expect((await listOwnSessions(t.prisma, actor, laptopRow.id)).map((s) => s.id)).toEqual([laptopRow.id]);
  });

  it("nobody ends another user's session", async () => {
    const victim = await createUser(t.prisma, { role: Role.CLIENT });
    const victimCookie = await signedIn(victim.email);
    const victimRow = await t.prisma.userSession.findFirstOrThrow({ where: { userId: victim.id } });
    const other = await createUser(t.prisma, { role: Role.CLIENT });
    const otherCookie = await signedIn(other.email);
    state.jar.set(SESSION_COOKIE, otherCookie);
    expect(await endSessionAction(victimRow.id)).toMatchObject({ ok: false, formError: { key: "common.notFound" } });
    expect(await actorWith(victimCookie)).toMatchObject({ userId: victim.id });
  });

  it("an admin ends all of a user's sessions, audited; the session version still ends them too", async () => {
    const user = await createUser(t.prisma, { role: Role.CLIENT });
    const [a, b] = [await signedIn(user.email), await signedIn(user.email)];
    const { user: adminUser } = await createActor(t.prisma, Role.ADMIN, { profileId: null });
    const adminCookie = await signedIn(adminUser.email);
    state.jar.set(SESSION_COOKIE, adminCookie);
    await redirectOf(endAllSessionsAction(user.id));
    expect(await actorWith(a)).toBeNull();
    expect(await actorWith(b)).toBeNull();
    expect(await actorWith(adminCookie)).toMatchObject({ userId: adminUser.id });
    expect(await t.prisma.auditLog.count({ where: { action: "user.sessionsEnded", entityId: user.id } })).toBe(1);
    expect(await listOwnSessions(t.prisma, await actorFor(t.prisma, user), null)).toEqual([]);

    const c = await signedIn(user.email);
    expect(await actorWith(c)).toMatchObject({ userId: user.id });
    await revokeSessions(t.prisma, user.id);
    expect(await actorWith(c)).toBeNull();
  });

  it("a cookie without a session row (issued before sessions were records, or forged) is refused", async () => {
    const user = await createUser(t.prisma, { role: Role.CLIENT });
    const cookie = await signedIn(user.email);
    await t.prisma.userSession.deleteMany({ where: { userId: user.id } });
    expect(await actorWith(cookie)).toBeNull();
  });

  it("last seen moves at most every five minutes", async () => {
    const user = await createUser(t.prisma, { role: Role.CLIENT });
    const cookie = await signedIn(user.email);
    const row = await t.prisma.userSession.findFirstOrThrow({ where: { userId: user.id } });
    await actorWith(cookie);
    expect((await t.prisma.userSession.findUniqueOrThrow({ where: { id: row.id } })).lastSeenAt).toEqual(row.lastSeenAt);
    const old = new Date(Date.now() - 6 * 60 * 1000);
    await t.prisma.userSession.update({ where: { id: row.id }, data: { lastSeenAt: old } });
    await actorWith(cookie);
    expect((await t.prisma.userSession.findUniqueOrThrow({ where: { id: row.id } })).lastSeenAt.getTime()).toBeGreaterThan(old.getTime());
  });
});

describe("second factor required of staff", () => {
  it("staff without one may only reach their account page until enrolled; clients are not affected", async () => {
    const { actor: admin } = await createActor(t.prisma, Role.ADMIN, { profileId: null });
    await setTwoFactorRequiredForStaff(t.prisma, admin, true);
    try {
      const { user: staff, actor: staffActor } = await createActor(t.prisma, Role.STAFF, { profileId: null });
      newBrowser();
      await redirectOf(loginAction({ email: staff.email, password: DEFAULT_PASSWORD }));
      const cookie = sessionCookie()!;
      expect(await actorWith(cookie)).toBeNull();
      state.jar.set(SESSION_COOKIE, cookie);
      expect(await requireAccountActor()).toMatchObject({ userId: staff.id });

      await startTotpEnrolment(t.prisma, staffActor);
      const { secret } = (await pendingEnrolment(t.prisma, staffActor))!;
      await confirmTotpEnrolment(t.prisma, staffActor, totpCode(secret));
      expect(await actorWith(cookie)).toMatchObject({ userId: staff.id });

      const client = await createUser(t.prisma, { role: Role.CLIENT });
      newBrowser();
      await redirectOf(loginAction({ email: client.email, password: DEFAULT_PASSWORD }));
      expect(await actorWith(sessionCookie())).toMatchObject({ userId: client.id });
    } finally {
      await setTwoFactorRequiredForStaff(t.prisma, admin, false);
    }
  });

  it("a passkey counts as both factors: no code is asked of a user with one, nor enrolment of staff", async () => {
    const origin = "http://localhost:3000";
    const appUrl = process.env.APP_URL;
    process.env.APP_URL = origin;
    const { actor: admin } = await createActor(t.prisma, Role.ADMIN, { profileId: null });
    await setTwoFactorRequiredForStaff(t.prisma, admin, true);
    try {
      const signInWithPasskey = async (actor: Awaited<ReturnType<typeof createActor>>["actor"]) => {
        const registration = await startPasskeyRegistration(t.prisma, actor);
        const { credential, response } = createCredential(registration.options, origin);
        await finishPasskeyRegistration(t.prisma, actor, { challengeId: registration.challengeId, name: "laptop", response });
        newBrowser();
        const started = await startPasskeySignInAction();
        if (!started.ok || !started.data) throw new Error("no passkey challenge");
        const assertion = getAssertion(credential, started.data.options, origin);
        await redirectOf(passkeySignInAction({ challengeId: started.data.challengeId, response: assertion as unknown as Record<string, unknown> }));
        return sessionCookie();
      };

      // Staff without an authenticator app, under the rule that staff must enrol one: the passkey is enough.
      const { user: staff, actor: staffActor } = await createActor(t.prisma, Role.STAFF, { profileId: null });
      const staffCookie = await signInWithPasskey(staffActor);
      expect(state.jar.has(CHALLENGE_COOKIE)).toBe(false);
      expect(await actorWith(staffCookie)).toMatchObject({ userId: staff.id });

      // A user with an authenticator app is not asked for its code after a passkey.
      const { user: withApp, actor: withAppActor } = await withTotp(Role.STAFF);
      const withAppCookie = await signInWithPasskey(withAppActor);
      expect(await actorWith(withAppCookie)).toMatchObject({ userId: withApp.id });
    } finally {
      await setTwoFactorRequiredForStaff(t.prisma, admin, false);
      if (appUrl === undefined) delete process.env.APP_URL;
      else process.env.APP_URL = appUrl;
    }
  });
});
