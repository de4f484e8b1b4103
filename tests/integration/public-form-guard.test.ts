// Public forms: a filled honeypot is refused without touching the counters, and
// the per-IP limit holds (also under concurrency) without affecting other IPs.
import { describe, expect, it } from "vitest";
import { refusePublicSubmission } from "@/lib/security/public-form-guard";
import { withTestDatabase } from "../helpers/db-test";

const t = withTestDatabase();

const limit = { limit: 3, windowMs: 60_000 };
const submit = (ip: string, honeypot = "") => refusePublicSubmission(t.prisma, { form: "test-form", ip, honeypot, limit });

describe("public form guard", () => {
  it("refuses a filled honeypot and counts nothing", async () => {
    expect(await submit("198.51.100.1", "http://spam.example")).toEqual({ key: "common.genericError" });
    expect(await t.prisma.rateLimitBucket.count()).toBe(0);
  });

  it("allows the limit per IP, then refuses with the wait time, while other IPs go on", async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => submit("198.51.100.2")));
    expect(results.filter((r) => r === null)).toHaveLength(3);
    expect(results.find((r) => r !== null)).toMatchObject({ key: "events.errors.rateLimited", values: { minutes: 1 } });
    expect(await submit("198.51.100.3")).toBeNull();
  });
});
