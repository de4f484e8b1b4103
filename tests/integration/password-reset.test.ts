// Password reset: an e-mailed, single-use link that expires; the token and its
// e-mail are written in one transaction.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth/authenticate";
import { isResetTokenValid, requestPasswordReset, requestPasswordResetLimited, resetPassword, RESET_TOKEN_MINUTES } from "@/lib/auth/password-reset";
import { setClock } from "@/lib/clock";
import { DEMO_PASSWORD, seed } from "@/prisma/seed";
import { withTestDatabase } from "../helpers/db-test";
import { received } from "@/tests/helpers/mail";

const t = withTestDatabase();

beforeAll(async () => {
  await seed(t);
});
afterEach(() => setClock(null));

async function requestToken(email: string): Promise<{ token: string; emailId: string }> {
  let token = "";
  const emailId = await requestPasswordReset(t.prisma, email, (tk) => {
    token = tk;
    return `http://portico.test/reset-password/${tk}`;
  });
  if (!emailId) throw new Error("no e-mail queued");
  return { token, emailId };
}

describe("password reset", () => {
  it("e-mails a link in the user's language and lets the new password sign in", async () => {
    const { token, emailId } = await requestToken("person@portico.test");
    const message = await t.prisma.emailMessage.findUniqueOrThrow({ where: { id: emailId } }).then(received);
    expect(message.to).toBe("person@portico.test");
    expect(message.locale).toBe("pt-BR");
    expect(message.text).toContain(`/reset-password/${token}`);
    expect(await resetPassword(t.prisma, token, "a-brand-new-secret")).toBe(true);
    expect((await authenticate(t.prisma, { email: "person@portico.test", password: "a-brand-new-secret", ip: "1" })).ok).toBe(true);
    expect((await authenticate(t.prisma, { email: "person@portico.test", password: DEMO_PASSWORD, ip: "1" })).ok).toBe(false);
  });

  it("works once only, even when used twice at the same moment", async () => {
    const { token } = await requestToken("student@portico.test");
    const results = await Promise.all([resetPassword(t.prisma, token, "first-new-password"), resetPassword(t.prisma, token, "second-new-password")]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await resetPassword(t.prisma, token, "third-new-password")).toBe(false);
    expect(await isResetTokenValid(t.prisma, token)).toBe(false);
  });

  it("expires", async () => {
    const { token } = await requestToken("professor@portico.test");
    setClock(new Date(Date.now() + (RESET_TOKEN_MINUTES + 1) * 60_000));
    expect(await isResetTokenValid(t.prisma, token)).toBe(false);
    expect(await resetPassword(t.prisma, token, "too-late-password")).toBe(false);
  });

  it("says nothing and sends nothing for an unknown or deactivated account", async () => {
    const before = await t.prisma.emailMessage.count();
    expect(await requestPasswordReset(t.prisma, "ghost@portico.test", () => "x")).toBeUndefined();
    await t.prisma.user.update({ where: { email: "staff2@portico.test" }, data: { active: false } });
    expect(await requestPasswordReset(t.prisma, "staff2@portico.test", () => "x")).toBeUndefined();
    expect(await t.prisma.emailMessage.count()).toBe(before);
  });
});

describe("limits on reset requests", () => {
  afterEach(async () => {
    await t.prisma.rateLimitBucket.deleteMany();
    delete process.env.PASSWORD_RESET_RATE_LIMIT_PER_IP;
  });
  const emailsTo = (to: string) => t.prisma.emailMessage.count({ where: { to, template: "passwordReset" } });
  let ip = 0;
  const request = (email: string, from = `203.0.113.${++ip}`) => requestPasswordResetLimited(t.prisma, { email, ip: from }, () => "http://portico.test/reset");

  it("sends at most 3 e-mails per address per hour, from any number of addresses", async () => {
    const before = await emailsTo("company@portico.test");
    for (let i = 0; i < 3; i++) expect(await request(" Company@Portico.test ")).toBeDefined();
    expect(await request("company@portico.test")).toBeUndefined();
    expect(await emailsTo("company@portico.test")).toBe(before + 3);
    // An hour later the address may ask again.
    setClock(new Date(Date.now() + 61 * 60_000));
    expect(await request("company@portico.test")).toBeDefined();
  });

  it("holds when 20 requests for one address arrive at once", async () => {
    const before = await emailsTo("prospect@portico.test");
    const results = await Promise.all(Array.from({ length: 20 }, () => request("prospect@portico.test")));
    expect(results.filter(Boolean)).toHaveLength(3);
    expect(await emailsTo("prospect@portico.test")).toBe(before + 3);
  });

  it("limits one IP across addresses, counting addresses without an account alike", async () => {
    process.env.PASSWORD_RESET_RATE_LIMIT_PER_IP = "3";
    const from = "198.51.100.99";
    for (const email of ["nobody1@portico.test", "nobody2@portico.test", "nobody3@portico.test"]) expect(await request(email, from)).toBeUndefined();
    expect(await request("admin@portico.test", from)).toBeUndefined();
    expect(await request("admin@portico.test", "198.51.100.100")).toBeDefined();
  });

  it("counts an unknown address like a known one", async () => {
    for (let i = 0; i < 3; i++) await request("ghost@portico.test");
    const buckets = await t.prisma.rateLimitBucket.findMany({ where: { key: { startsWith: "reset:address:" } } });
    expect(buckets).toEqual([expect.objectContaining({ key: "reset:address:ghost@portico.test", count: 3 })]);
  });
});
