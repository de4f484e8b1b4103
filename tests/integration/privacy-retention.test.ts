// Retention: the report counts what each period reaches and changes nothing;
// applying anonymises or deletes exactly what is past its period (public
// sign-ups of events that ended before it, triaged guest requests, the sent
// copy of old e-mails, old technical rows) and nothing else; the daily job
// does it only once an admin turned it on; admins only.
process.env.AUTH_SECRET ??= "privacy-retention-test-secret-0123456789";

import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { setClock } from "@/lib/clock";
import { ForbiddenError } from "@/lib/errors";
import { PRIVACY_PLACEHOLDER } from "@/lib/privacy/placeholder";
import { applyRetentionNow, recentRetentionRuns, retentionReport, runScheduledRetention, saveRetentionSettings } from "@/lib/privacy/retention";
import { DEFAULT_RETENTION } from "@/lib/privacy/retention-schema";
import { createActor, uniqueTag } from "../helpers/factories";
import { MemoryStorage } from "../helpers/memory-storage";
import { withTestDatabase } from "../helpers/db-test";

const t = withTestDatabase();
const storage = new MemoryStorage();
let admin: Actor;
let staff: Actor;
let typeId: string;
const NOW = new Date("2026-11-15T12:00:00.000Z");
const day = 86_400_000;
const monthsAgo = (n: number) => {
  const d = new Date(NOW);
  d.setUTCMonth(d.getUTCMonth() - n);
  return d;
};
const daysAgo = (n: number) => new Date(NOW.getTime() - n * day);

beforeAll(async () => {
  admin = (await createActor(t.prisma, "ADMIN")).actor;
  staff = (await createActor(t.prisma, "STAFF")).actor;
  typeId = (await t.prisma.eventType.create({ data: { name: "Training" } })).id;
});
beforeEach(async () => {
  setClock(NOW);
  await saveRetentionSettings(t.prisma, admin, DEFAULT_RETENTION);
  await t.prisma.registration.deleteMany();
  await t.prisma.event.deleteMany();
  await t.prisma.guestRequest.deleteMany();
  await t.prisma.emailMessage.deleteMany();
  await t.prisma.rateLimitBucket.deleteMany();
  await t.prisma.passwordResetToken.deleteMany();
  await t.prisma.userSession.deleteMany();
  await t.prisma.auditLog.deleteMany();
});
afterEach(() => setClock(null));

async function eventEnded(at: Date) {
  const slug = uniqueTag("ev");
  return t.prisma.event.create({
    data: {
      name: `Event ${slug}`,
      slug,
      startsAt: new Date(at.getTime() - 3_600_000),
      endsAt: at,
      timeZone: "UTC",
      typeId,
      seats: 10,
      publicRegistration: true,
    },
  });
}

async function registration(eventId: string, source: "PUBLIC" | "STAFF" = "PUBLIC") {
  const tag = uniqueTag();
  return t.prisma.registration.create({
    data: { eventId, name: `Ana ${tag}`, email: `${tag}@example.test`, cpf: "52998224725", status: "REGISTERED", source, attendedAt: NOW },
  });
}

async function guestRequest(createdAt: Date, status: "CREATED" | "OPENED" | "CLOSED" = "CLOSED") {
  const tag = uniqueTag();
  return t.prisma.guestRequest.create({
    data: {
      requesterName: `Gil ${tag}`,
      email: `${tag}@example.test`,
      description: "Broken window",
      status,
      statusTokenHash: `hash-${tag}`,
      submissionKey: tag,
      createdAt,
    },
  });
}

async function email(createdAt: Date, status: "SENT" | "FAILED" | "QUEUED" = "SENT") {
  return t.prisma.emailMessage.create({
    data: {
      to: `${uniqueTag()}@example.test`,
      locale: "en",
      template: "eventRegistration",
      props: { name: "Ana" },
      subject: "Your registration",
      html: "<p>Hello Ana</p>",
      text: "Hello Ana",
      status,
      createdAt,
      attachments: { create: { fileName: "event.ics", contentType: "text/calendar", content: Buffer.from("BEGIN:VCALENDAR") } },
    },
  });
}

/** An hour either side of a period's end: a period cut a day short or long shows. */
const justPast = (d: Date) => new Date(d.getTime() - 3_600_000);
const justWithin = (d: Date) => new Date(d.getTime() + 3_600_000);

/** One record of every kind on each side of its period, an hour from its end. */
async function seedBothSides() {
  const user = await t.prisma.user.findFirstOrThrow();
  const oldEvent = await eventEnded(justPast(monthsAgo(24)));
  const recentEvent = await eventEnded(justWithin(monthsAgo(24)));
  const past = {
    registration: await registration(oldEvent.id),
    guestRequest: await guestRequest(justPast(monthsAgo(12))),
    email: await email(justPast(daysAgo(90))),
  };
  const kept = {
    staffRegistration: await registration(oldEvent.id, "STAFF"),
    recentRegistration: await registration(recentEvent.id),
    pendingGuestRequest: await guestRequest(monthsAgo(13), "CREATED"),
    recentGuestRequest: await guestRequest(justWithin(monthsAgo(12))),
    recentEmail: await email(justWithin(daysAgo(90))),
    queuedEmail: await email(daysAgo(91), "QUEUED"),
  };
  await t.prisma.rateLimitBucket.createMany({
    data: [
      { key: `old-${uniqueTag()}`, windowStart: justPast(daysAgo(30)), count: 1 },
      { key: `new-${uniqueTag()}`, windowStart: justWithin(daysAgo(30)), count: 1 },
    ],
  });
  await t.prisma.passwordResetToken.createMany({
    data: [
      { tokenHash: uniqueTag(), userId: user.id, expiresAt: daysAgo(31), createdAt: daysAgo(31) },
      { tokenHash: uniqueTag(), userId: user.id, expiresAt: daysAgo(1), createdAt: daysAgo(2) },
    ],
  });
  // Sign-in sessions hold an IP address and a device: gone a period after they ended or expired.
  const session = (at: { endedAt?: Date; expiresAt: Date }) =>
    t.prisma.userSession.create({
      data: { userId: user.id, method: "PASSWORD", sessionVersion: 0, ip: "198.51.100.9", userAgent: "Firefox", lastSeenAt: daysAgo(40), ...at },
    });
  const pastSessions = [await session({ endedAt: justPast(daysAgo(30)), expiresAt: daysAgo(-1) }), await session({ expiresAt: justPast(daysAgo(30)) })];
  const keptSessions = [await session({ endedAt: justWithin(daysAgo(30)), expiresAt: daysAgo(-1) }), await session({ expiresAt: daysAgo(-1) })];
  return { past: { ...past, sessions: pastSessions }, kept: { ...kept, sessions: keptSessions } };
}

const countsOf = async () => Object.fromEntries((await retentionReport(t.prisma, admin)).rows.map((r) => [r.kind, r.count]));

async function snapshot() {
  return {
    registrations: await t.prisma.registration.findMany({ orderBy: { id: "asc" } }),
    guestRequests: await t.prisma.guestRequest.findMany({ orderBy: { id: "asc" } }),
    emails: await t.prisma.emailMessage.findMany({ orderBy: { id: "asc" }, include: { attachments: true } }),
    buckets: await t.prisma.rateLimitBucket.count(),
    tokens: await t.prisma.passwordResetToken.count(),
    sessions: await t.prisma.userSession.findMany({ orderBy: { id: "asc" } }),
  };
}

describe("the dry run", () => {
  it("counts exactly what is past each period, and changes nothing", async () => {
    await seedBothSides();
    const before = await snapshot();
    expect(await countsOf()).toEqual({ registrations: 1, guestRequests: 1, emailBodies: 1, technical: 4 });
    expect(await snapshot()).toEqual(before);
  });

  it("follows the periods an admin sets", async () => {
    await seedBothSides();
    await saveRetentionSettings(t.prisma, admin, { ...DEFAULT_RETENTION, registrationsMonths: 22, guestRequestsMonths: 14 });
    expect(await countsOf()).toMatchObject({ registrations: 2, guestRequests: 0 });
  });
});

describe("applying", () => {
  it("anonymises, clears or deletes what is past its period and leaves everything else as it was", async () => {
    const { past, kept } = await seedBothSides();
    const counts = await applyRetentionNow(t.prisma, storage, admin);
    expect(counts).toEqual({ registrations: 1, guestRequests: 1, emailBodies: 1, technical: 4 });

    const reg = await t.prisma.registration.findUniqueOrThrow({ where: { id: past.registration.id } });
    expect(reg).toMatchObject({ name: PRIVACY_PLACEHOLDER, cpf: null, status: "REGISTERED", attendedAt: NOW });
    expect(reg.email).not.toBe(past.registration.email);
    const guest = await t.prisma.guestRequest.findUniqueOrThrow({ where: { id: past.guestRequest.id } });
    expect(guest).toMatchObject({ requesterName: null, email: null, status: "CLOSED" });
    const mail = await t.prisma.emailMessage.findUniqueOrThrow({ where: { id: past.email.id }, include: { attachments: true } });
    expect(mail).toMatchObject({ html: null, text: null, props: null, status: "SENT", attachments: [] });

    for (const r of [kept.staffRegistration, kept.recentRegistration])
      expect(await t.prisma.registration.findUniqueOrThrow({ where: { id: r.id } })).toEqual(r);
    for (const g of [kept.pendingGuestRequest, kept.recentGuestRequest])
      expect(await t.prisma.guestRequest.findUniqueOrThrow({ where: { id: g.id } })).toEqual(g);
    for (const m of [kept.recentEmail, kept.queuedEmail]) {
      const row = await t.prisma.emailMessage.findUniqueOrThrow({ where: { id: m.id }, include: { attachments: true } });
      expect(row).toMatchObject({ html: m.html, text: m.text, props: m.props });
      expect(row.attachments).toHaveLength(1);
    }
    expect(await t.prisma.rateLimitBucket.count()).toBe(1);
    expect(await t.prisma.passwordResetToken.count()).toBe(1);
    const sessions = await t.prisma.userSession.findMany({ select: { id: true } });
    expect(sessions.map((r) => r.id).sort()).toEqual(kept.sessions.map((r) => r.id).sort());

    // Done is done: nothing is left for a second run, which is recorded too.
    expect(await countsOf()).toEqual({ registrations: 0, guestRequests: 0, emailBodies: 0, technical: 0 });
    const runs = await recentRetentionRuns(t.prisma, admin);
    expect(runs[0]).toMatchObject({ trigger: "manual", actorName: admin.name, counts });
  });

  it("deletes a backlog of technical rows larger than one batch, all of it", async () => {
    const user = await t.prisma.user.findFirstOrThrow();
    const old = { userId: user.id, method: "PASSWORD" as const, sessionVersion: 0, lastSeenAt: daysAgo(60), expiresAt: daysAgo(40) };
    await t.prisma.userSession.createMany({ data: Array.from({ length: 5_001 }, () => old) });
    await t.prisma.userSession.create({ data: { ...old, expiresAt: daysAgo(-1) } });
    expect(await applyRetentionNow(t.prisma, storage, admin)).toMatchObject({ technical: 5_001 });
    expect(await t.prisma.userSession.count()).toBe(1);
  });

  it("the daily job does nothing until an admin turns it on", async () => {
    await seedBothSides();
    const before = await snapshot();
    expect(await runScheduledRetention(t.prisma, storage)).toBeNull();
    expect(await snapshot()).toEqual(before);
    await saveRetentionSettings(t.prisma, admin, { ...DEFAULT_RETENTION, automatic: true });
    expect(await runScheduledRetention(t.prisma, storage)).toEqual({ registrations: 1, guestRequests: 1, emailBodies: 1, technical: 4 });
    expect((await recentRetentionRuns(t.prisma, admin))[0]).toMatchObject({ trigger: "schedule" });
  });

  it("is for administrators only", async () => {
    await expect(retentionReport(t.prisma, staff)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(applyRetentionNow(t.prisma, storage, staff)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(saveRetentionSettings(t.prisma, staff, DEFAULT_RETENTION)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
