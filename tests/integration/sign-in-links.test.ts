// E-mailed sign-in links: only for clients who may sign in, the same outcome
// for an unknown address, through the outbox as URGENT, 15 minutes, single
// use, rate-limited per address and per IP.
import { afterEach, describe, expect, it } from "vitest";
import { setClock } from "@/lib/clock";
import { Permission, Role } from "@/lib/generated/prisma/enums";
import { consumeSignInLink, isSignInLinkValid, requestSignInLink } from "@/lib/auth/sign-in-link";
import { createProfile, createUser } from "../helpers/factories";
import { withTestDatabase } from "../helpers/db-test";

const t = withTestDatabase();
const T0 = new Date("2026-03-02T10:00:00.000Z");
let ipCounter = 0;
const freshIp = () => `10.1.0.${++ipCounter}`;

afterEach(async () => {
  setClock(null);
  await t.prisma.rateLimitBucket.deleteMany();
});

/** Requests a link; returns the e-mail id and the token the e-mail carries. */
async function request(email: string, ip = freshIp()) {
  let token: string | undefined;
  const emailId = await requestSignInLink(t.prisma, { email, ip }, (tk) => ((token = tk), `http://portico.test/login/link/${tk}`));
  return { emailId, token };
}

describe("requesting a link", () => {
  it("queues an URGENT e-mail with a link for a portal client; only the token's hash is stored", async () => {
    const user = await createUser(t.prisma, { role: Role.CLIENT });
    const { emailId, token } = await request(`  ${user.email.toUpperCase()} `);
    const message = await t.prisma.emailMessage.findUniqueOrThrow({ where: { id: emailId } });
    expect(message).toMatchObject({ to: user.email, template: "signInLink", priority: "URGENT", status: "QUEUED" });
    expect(JSON.stringify(message.props)).toContain(`/login/link/${token}`);
    const row = await t.prisma.signInLink.findFirstOrThrow({ where: { userId: user.id } });
    expect(row.tokenHash).not.toBe(token);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(15 * 60 * 1000);
  });

  it("sends nothing, and writes nothing, for an unknown address, staff, a deactivated client or one without portal access", async () => {
    const before = await t.prisma.emailMessage.count();
    const staff = await createUser(t.prisma, { role: Role.STAFF, profileId: null });
    const inactive = await createUser(t.prisma, { role: Role.CLIENT, active: false });
    const noPortal = await createUser(t.prisma, { role: Role.CLIENT, profileId: (await createProfile(t.prisma, { permissions: [] as Permission[] })).id });
    for (const email of ["nobody@example.test", staff.email, inactive.email, noPortal.email]) {
      expect(await request(email)).toEqual({ emailId: undefined, token: undefined });
    }
    expect(await t.prisma.emailMessage.count()).toBe(before);
    expect(await t.prisma.signInLink.count({ where: { userId: { in: [staff.id, inactive.id, noPortal.id] } } })).toBe(0);
  });

  it("is limited to 3 per address per hour, counted alike for unknown addresses", async () => {
    const user = await createUser(t.prisma, { role: Role.CLIENT });
    for (let i = 0; i < 3; i++) expect((await request(user.email)).emailId).toBeDefined();
    expect((await request(user.email)).emailId).toBeUndefined();
    for (let i = 0; i < 3; i++) await request("unknown@example.test");
    const buckets = await t.prisma.rateLimitBucket.findMany({ where: { key: { startsWith: "sign-in-link:address:" } } });
    expect(buckets.map((b) => b.count).sort()).toEqual([4, 3].sort());
  });

  it("is limited to 20 per IP per hour", async () => {
    const ip = "192.0.2.99";
    for (let i = 0; i < 20; i++) await request(`someone${i}@example.test`, ip);
    const user = await createUser(t.prisma, { role: Role.CLIENT });
    expect((await request(user.email, ip)).emailId).toBeUndefined();
    expect((await request(user.email)).emailId).toBeDefined();
  });
});

describe("using a link", () => {
  it("works once", async () => {
    const user = await createUser(t.prisma, { role: Role.CLIENT });
    const { token } = await request(user.email);
    expect(await isSignInLinkValid(t.prisma, token!)).toBe(true);
    const [a, b] = await Promise.all([consumeSignInLink(t.prisma, token!), consumeSignInLink(t.prisma, token!)]);
    expect([a, b].filter(Boolean)).toEqual([user.id]);
    expect(await consumeSignInLink(t.prisma, token!)).toBeNull();
    expect(await isSignInLinkValid(t.prisma, token!)).toBe(false);
  });

  it("expires after 15 minutes", async () => {
    setClock(T0);
    const user = await createUser(t.prisma, { role: Role.CLIENT });
    const { token } = await request(user.email);
    setClock(new Date(T0.getTime() + 15 * 60 * 1000));
    expect(await isSignInLinkValid(t.prisma, token!)).toBe(false);
    expect(await consumeSignInLink(t.prisma, token!)).toBeNull();

    setClock(T0);
    const second = await request(user.email);
    setClock(new Date(T0.getTime() + 14 * 60 * 1000));
    expect(await consumeSignInLink(t.prisma, second.token!)).toBe(user.id);
  });

  it("an unknown token is no link", async () => {
    expect(await consumeSignInLink(t.prisma, "not-a-token")).toBeNull();
    expect(await isSignInLinkValid(t.prisma, "not-a-token")).toBe(false);
  });
});
