// Sign-in rules of the accounts issue: each role signs in; wrong password,
// missing portal access and deactivated accounts are refused with their own
// reason; attempts are rate limited per account and per IP in the database.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth/authenticate";
import { loadActor } from "@/lib/auth/actor";
import { reachableCustomers } from "@/lib/customers/access";
import { DEMO_PASSWORD, seed } from "@/prisma/seed";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

let t: TestDatabase;
let ipCounter = 0;
const freshIp = () => `10.0.0.${++ipCounter}`;
const login = (email: string, password = DEMO_PASSWORD, ip = freshIp()) => authenticate(t.prisma, { email, password, ip });

beforeAll(async () => {
  t = await createTestDatabase();
  await seed(t);
});
afterAll(() => t.destroy());
afterEach(async () => {
  await t.prisma.rateLimitBucket.deleteMany();
  delete process.env.LOGIN_RATE_LIMIT_PER_IP;
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
  it("locks an account after 5 attempts, even with the right password, from any IP", async () => {
    for (let i = 0; i < 5; i++) expect((await login("staff2@portico.test", "bad")).ok).toBe(false);
    const locked = await login("staff2@portico.test");
    expect(locked).toMatchObject({ ok: false, reason: "rate_limited" });
    if (!locked.ok) expect(locked.retryAfterMs).toBeGreaterThan(0);
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

  it("holds under concurrent guesses: at most 5 get checked", async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => login("professor@portico.test", "bad")));
    expect(results.filter((r) => !r.ok && r.reason === "rate_limited")).toHaveLength(15);
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
