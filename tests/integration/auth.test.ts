// Sign-in rules: each role signs in; wrong password, missing portal access and
// deactivated accounts are refused with their own reason; attempts are limited
// per account and IP together, per IP, and by a per-account backoff, in the database.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { authenticate, backoffDelayMs } from "@/lib/auth/authenticate";
import { setClock } from "@/lib/clock";
import { purgeRateLimits } from "@/lib/security/rate-limit";
import { loadActor } from "@/lib/auth/actor";
import { reachableCustomers } from "@/lib/customers/access";
import { DEMO_PASSWORD, seed } from "@/prisma/seed";
import { withTestDatabase } from "../helpers/db-test";

const t = withTestDatabase();
let ipCounter = 0;
const freshIp = () => `10.0.0.${++ipCounter}`;
const login = (email: string, password = DEMO_PASSWORD, ip = freshIp()) => authenticate(t.prisma, { email, password, ip });

beforeAll(async () => {
  await seed(t);
});
afterEach(async () => {
  setClock(null);
  await t.prisma.rateLimitBucket.deleteMany();
  delete process.env.LOGIN_RATE_LIMIT_PER_IP;
  delete process.env.LOGIN_BACKOFF_AFTER;
});

describe("sign-in", () => {
  it.each([
    ["admin@portico.test", "ADMIN"],
    ["staff1@portico.test", "STAFF"],
    ["company@portico.test", "CLIENT"],
    ["prospect@portico.test", "CLIENT"],
  ])("signs in %s as %s, case-insensitively", async (email, role) => {
    const result = await login(`  ${email.toUpperCase()} `);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.user.role).toBe(role);
  });

  it("refuses a wrong password and an unknown account alike", async () => {
    expect(await login("admin@portico.test", "wrong-password")).toEqual({ ok: false, reason: "invalid_credentials" });
    expect(await login("nobody@portico.test")).toEqual({ ok: false, reason: "invalid_credentials" });
  });

  it("refuses a client whose profile lacks portal access, but only once the password is right", async () => {
    expect(await login("noportal@portico.test")).toEqual({ ok: false, reason: "no_portal_access" });
    expect(await login("noportal@portico.test", "wrong-password")).toEqual({ ok: false, reason: "invalid_credentials" });
  });

  it("refuses a deactivated user, and a live session of one stops working", async () => {
    const user = await t.prisma.user.update({ where: { email: "student@portico.test" }, data: { active: false } });
    expect(await login("student@portico.test")).toEqual({ ok: false, reason: "inactive" });
    expect(await loadActor(t.prisma, user.id)).toBeNull();
    await t.prisma.user.update({ where: { id: user.id }, data: { active: true } });
    expect(await loadActor(t.prisma, user.id)).not.toBeNull();
  });
});

describe("rate limits", () => {
  it("stops an address after 5 attempts on an account, even with the right password, but not the owner elsewhere", async () => {
    const attacker = "203.0.113.66";
    for (let i = 0; i < 5; i++) expect((await login("staff2@portico.test", "bad", attacker)).ok).toBe(false);
    const locked = await login("staff2@portico.test", DEMO_PASSWORD, attacker);
    expect(locked).toMatchObject({ ok: false, reason: "rate_limited" });
    if (!locked.ok) expect(locked.retryAfterMs).toBeGreaterThan(0);
    // The owner, from their own address, is not locked out.
    expect((await login("staff2@portico.test", DEMO_PASSWORD, "198.51.100.5")).ok).toBe(true);
  });

  it("counts per IP across accounts", async () => {
    process.env.LOGIN_RATE_LIMIT_PER_IP = "3";
    const ip = "192.0.2.7";
    for (const email of ["a@x.test", "b@x.test", "c@x.test"]) expect(await login(email, "bad", ip)).toMatchObject({ reason: "invalid_credentials" });
    expect(await login("admin@portico.test", DEMO_PASSWORD, ip)).toMatchObject({ ok: false, reason: "rate_limited" });
    expect((await login("admin@portico.test", DEMO_PASSWORD, "192.0.2.8")).ok).toBe(true);
  });

  it("a successful sign-in clears the account's count", async () => {
    for (let i = 0; i < 4; i++) await login("staff1@portico.test", "bad");
    expect((await login("staff1@portico.test")).ok).toBe(true);
    for (let i = 0; i < 4; i++) await login("staff1@portico.test", "bad");
    expect((await login("staff1@portico.test")).ok).toBe(true);
  });

  it("holds under concurrent guesses from one address: at most 5 get checked", async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => login("professor@portico.test", "bad", "203.0.113.20")));
    expect(results.filter((r) => !r.ok && r.reason === "rate_limited")).toHaveLength(15);
  });
});

describe("an attack on one account", () => {
  it("200 wrong passwords from one address: none accepted, not even the right one; the owner signs in from elsewhere meanwhile", async () => {
    const attacker = "203.0.113.99";
    let accepted = 0;
    let checked = 0;
    for (let i = 0; i < 200; i++) {
      // The real password is among the guesses, late.
      const result = await login("company@portico.test", i === 150 ? DEMO_PASSWORD : `guess-${i}`, attacker);
      if (result.ok) accepted++;
      else if (result.reason !== "rate_limited") checked++;
      if (i === 100) expect((await login("company@portico.test", DEMO_PASSWORD, "198.51.100.10")).ok).toBe(true);
    }
    expect(accepted).toBe(0);
    expect(checked).toBe(5);
    expect((await login("company@portico.test", DEMO_PASSWORD, "198.51.100.11")).ok).toBe(true);
  });

  it("from many addresses, the account slows down to one check per delay, doubling up to 5 minutes", async () => {
    process.env.LOGIN_BACKOFF_AFTER = "10";
    const start = new Date("2026-06-01T12:00:00Z");
    setClock(start);
    let ip = 0;
    const guess = () => login("person@portico.test", `guess-${ip}`, `192.0.2.${++ip}`);
    // The first 10 failures pass unhindered, each from a new address.
    for (let i = 0; i < 10; i++) expect(await guess()).toMatchObject({ reason: "invalid_credentials" });
    // Then at most one check per delay: 1 s, 2 s, 4 s ...
    expect(await guess()).toMatchObject({ reason: "invalid_credentials" });
    const waiting = await guess();
    expect(waiting).toMatchObject({ reason: "rate_limited" });
    if (!waiting.ok) expect(waiting.retryAfterMs).toBeLessThanOrEqual(2000);
    setClock(new Date(start.getTime() + 2000));
    expect(await guess()).toMatchObject({ reason: "invalid_credentials" });
    expect(await guess()).toMatchObject({ reason: "rate_limited" });
    // Refused attempts do not lengthen the delay: after 4 s the next check is allowed.
    setClock(new Date(start.getTime() + 6000));
    expect(await guess()).toMatchObject({ reason: "invalid_credentials" });
    expect(backoffDelayMs(1, 300_000)).toBe(1000);
    expect(backoffDelayMs(4, 300_000)).toBe(8000);
    expect(backoffDelayMs(50, 300_000)).toBe(300_000);
  });

  it("holds under concurrent guesses from many addresses: past the threshold, one check per slot", async () => {
    process.env.LOGIN_BACKOFF_AFTER = "5";
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => login("prospect@portico.test", "bad", `192.0.2.${100 + i}`)));
    expect(results.filter((r) => !r.ok && r.reason === "invalid_credentials")).toHaveLength(6);
  });

  it("during such a campaign, the owner's usual address skips the backoff and a new one waits at most the cap", async () => {
    process.env.LOGIN_BACKOFF_AFTER = "10";
    const start = new Date("2026-06-02T12:00:00Z");
    setClock(start);
    const home = "198.51.100.77";
    expect((await login("student@portico.test", DEMO_PASSWORD, home)).ok).toBe(true);
    let ip = 0;
    for (let i = 0; i < 60; i++) await login("student@portico.test", `guess-${i}`, `192.0.2.${++ip}`);
    // The gate is shut for others: a new address, right password, must wait...
    const stranger = await login("student@portico.test", DEMO_PASSWORD, "198.51.100.78");
    expect(stranger).toMatchObject({ ok: false, reason: "rate_limited" });
    if (!stranger.ok) expect(stranger.retryAfterMs).toBeLessThanOrEqual(300_000);
    // ...but the address the owner signed in from before goes straight through.
    expect((await login("student@portico.test", DEMO_PASSWORD, home)).ok).toBe(true);
    // No hard lock: once the cap has passed, the new address gets its turn.
    setClock(new Date(start.getTime() + 301_000));
    expect((await login("student@portico.test", DEMO_PASSWORD, "198.51.100.78")).ok).toBe(true);
  });

  it("unknown accounts go through the same limits", async () => {
    process.env.LOGIN_BACKOFF_AFTER = "3";
    let ip = 0;
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await login("nobody@portico.test", "guess", `192.0.2.${++ip}`));
    expect(results.map((r) => (r.ok ? "ok" : r.reason))).toEqual([
      "invalid_credentials",
      "invalid_credentials",
      "invalid_credentials",
      "invalid_credentials",
      "rate_limited",
      "rate_limited",
    ]);
  });

  it("keeps the addresses a user signed in from for 30 days when expired limits are purged", async () => {
    expect((await login("admin@portico.test", DEMO_PASSWORD, "198.51.100.90")).ok).toBe(true);
    await login("admin@portico.test", "bad", "198.51.100.91");
    setClock(new Date(Date.now() + 2 * 24 * 3600_000));
    await purgeRateLimits(t.prisma);
    expect((await t.prisma.rateLimitBucket.findMany({ select: { key: true } })).map((b) => b.key)).toEqual(["seen:login:admin@portico.test:198.51.100.90"]);
    setClock(new Date(Date.now() + 31 * 24 * 3600_000));
    await purgeRateLimits(t.prisma);
    expect(await t.prisma.rateLimitBucket.count()).toBe(0);
  });
});

describe("customer records reached by a user", () => {
  it("reaches the company through the contact person and the person record directly", async () => {
    const company = await t.prisma.user.findUniqueOrThrow({ where: { email: "company@portico.test" } });
    const person = await t.prisma.user.findUniqueOrThrow({ where: { email: "person@portico.test" } });
    expect(await reachableCustomers(t.prisma, { userId: company.id })).toMatchObject([{ kind: "COMPANY", via: "contact" }]);
    expect(await reachableCustomers(t.prisma, { userId: person.id })).toMatchObject([{ kind: "PERSON", via: "direct" }]);
  });
});
