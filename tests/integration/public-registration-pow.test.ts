// The public event sign-up's proof of work, through the guard both its server
// action and its JSON route use: no solution, a wrong one, an expired one or
// one used before is refused with a translated message and nothing counted;
// a valid one goes through once; the difficulty rises with the last hour's
// sign-ups, and a valid solution still gets through after a flood.
process.env.AUTH_SECRET ??= "public-registration-pow-test-secret-0123";
process.env.POW_DIFFICULTY = "50";

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { setClock } from "@/lib/clock";
import { issueChallenge, powLoad } from "@/lib/security/proof-of-work";
import { refusePublicSubmission } from "@/lib/security/public-form-guard";
import { solveChallenge } from "../helpers/proof-of-work";
import { withTestDatabase } from "../helpers/db-test";

const t = withTestDatabase();
beforeEach(() => t.prisma.rateLimitBucket.deleteMany());
afterEach(() => {
  setClock(null);
  delete process.env.PUBLIC_REGISTRATION_POW_LOAD_STEP;
});

let ipCounter = 0;
const freshIp = () => `192.0.2.${(++ipCounter % 250) + 1}`;
const limit = { limit: 20, windowMs: 10 * 60_000 };
const submit = (payload: unknown, ip = freshIp()) =>
  refusePublicSubmission(t.prisma, { form: "public-registration", ip, honeypot: "", limit, proof: { form: "public-registration", payload } });
const solve = () => solveChallenge(t.prisma, "public-registration");

describe("public sign-up proof of work", () => {
  it("refuses a missing or garbage solution with a translated message", async () => {
    expect(await submit(undefined)).toEqual({ key: "security.pow.missing" });
    expect(await submit("")).toEqual({ key: "security.pow.missing" });
    expect(await submit("bm90IGpzb24=")).toEqual({ key: "security.pow.invalid" });
    expect(await submit(await solveChallenge(t.prisma, "guest-request"))).toEqual({ key: "security.pow.invalid" });
    expect(await powLoad(t.prisma, "public-registration")).toBe(0);
  });

  it("accepts a valid solution once; a replay is refused", async () => {
    const altcha = await solve();
    expect(await submit(altcha)).toBeNull();
    expect(await submit(altcha)).toEqual({ key: "security.pow.invalid" });
    expect(await powLoad(t.prisma, "public-registration")).toBe(1);
  });

  it("a submission refused by its address's limit neither spends its solution nor counts toward the load", async () => {
    const ip = freshIp();
    for (let i = 0; i < limit.limit; i++) expect(await submit(await solve(), ip)).toBeNull();
    const altcha = await solve();
    expect(await submit(altcha, ip)).toMatchObject({ key: "events.errors.rateLimited" });
    expect(await powLoad(t.prisma, "public-registration")).toBe(limit.limit);
    // The same solution from another address still goes through: it was not used up.
    expect(await submit(altcha)).toBeNull();
    expect(await powLoad(t.prisma, "public-registration")).toBe(limit.limit + 1);
  });

  it("refuses an expired solution", async () => {
    const altcha = await solve();
    setClock(new Date(Date.now() + 31 * 60_000));
    expect(await submit(altcha)).toEqual({ key: "security.pow.expired" });
  });

  it("raises the difficulty with load and still accepts a valid solution from a new address after a flood", { timeout: 120_000 }, async () => {
    process.env.PUBLIC_REGISTRATION_POW_LOAD_STEP = "20";
    expect((await issueChallenge(t.prisma, "public-registration")).parameters.data?.difficulty).toBe(50);
    const flooders = Array.from({ length: 10 }, freshIp);
    for (let i = 0; i < 80; i++) expect(await submit(await solve(), flooders[i % flooders.length])).toBeNull();
    expect((await issueChallenge(t.prisma, "public-registration")).parameters.data?.difficulty).toBeGreaterThanOrEqual(50 * 16);
    expect(await submit(await solve(), "203.0.113.50")).toBeNull();
  });
});
