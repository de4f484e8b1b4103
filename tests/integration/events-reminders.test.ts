// The day-before reminder: due at the reminder hour of
// the calendar day before the start, in the event's time zone; to REGISTERED
// participants of events not cancelled and not opted out; with the place or the
// way in; once per participant even across repeated, concurrent or interrupted runs.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { setClock } from "@/lib/clock";
import { reminderDueAt, reminderHour, sendDueReminders } from "@/lib/events/reminders";
import type { Prisma } from "@/lib/generated/prisma/client";
import { uniqueTag } from "../helpers/factories";
import { backend, createTestDatabase, type TestDatabase } from "../helpers/test-db";
import { allReceived } from "@/tests/helpers/mail";

let t: TestDatabase;
let typeId: string;
let placeId: string;
const poolSizeBefore = process.env.DATABASE_POOL_SIZE;
// 10:00 in São Paulo (UTC−3) on 10 June; the reminder is due 9 June 09:00 local = 12:00 UTC.
const START = new Date("2026-06-10T13:00:00Z");
const DUE = new Date("2026-06-09T12:00:00Z");

beforeAll(async () => {
  process.env.DATABASE_POOL_SIZE = "20";
  t = await createTestDatabase();
  typeId = (await t.prisma.eventType.create({ data: { name: uniqueTag("Type ") } })).id;
  placeId = (await t.prisma.eventPlace.create({ data: { name: uniqueTag("Auditorium "), address: "Rua Exemplo 100" } })).id;
});
afterAll(async () => {
  process.env.DATABASE_POOL_SIZE = poolSizeBefore;
  await t.destroy();
});
afterEach(() => setClock(null));

async function createEvent(overrides: Partial<Prisma.EventUncheckedCreateInput> = {}) {
  const tag = uniqueTag("ev");
  return t.prisma.event.create({
    data: {
      name: `Event ${tag}`,
      slug: tag,
      startsAt: START,
      endsAt: new Date(START.getTime() + 3 * 3600_000),
      timeZone: "America/Sao_Paulo",
      typeId,
      seats: 10,
      placeId,
      ...overrides,
    },
  });
}
async function participant(eventId: string, data: Partial<Prisma.RegistrationUncheckedCreateInput> = {}) {
  return t.prisma.registration.create({ data: { eventId, name: "Ana", email: `${uniqueTag()}@example.test`, status: "REGISTERED", source: "STAFF", ...data } });
}
const remindersTo = (to: string) => t.prisma.emailMessage.findMany({ where: { to, template: "eventReminder" } }).then(allReceived);
const run = () => sendDueReminders(t.prisma, { hour: 9 });

describe("when the reminder is due", () => {
  it("is the reminder hour of the day before the start, in the event's time zone", () => {
    expect(reminderDueAt(START, "America/Sao_Paulo", 9)).toEqual(DUE);
    // 02:00 UTC on 10 June is still 9 June 23:00 in São Paulo: due on 8 June.
    const lateNight = new Date("2026-06-10T02:00:00Z");
    expect(reminderDueAt(lateNight, "America/Sao_Paulo", 9)).toEqual(new Date("2026-06-08T12:00:00Z"));
    expect(reminderDueAt(lateNight, "UTC", 9)).toEqual(new Date("2026-06-09T09:00:00Z"));
    expect(reminderDueAt(lateNight, "Europe/Helsinki", 18)).toEqual(new Date("2026-06-09T15:00:00Z"));
  });

  it("reads the hour from EVENT_REMINDER_HOUR, 9 when unset or invalid", () => {
    expect(reminderHour(undefined)).toBe(9);
    expect(reminderHour("")).toBe(9);
    expect(reminderHour("7")).toBe(7);
    expect(reminderHour("24")).toBe(9);
    expect(reminderHour("8.5")).toBe(9);
  });
});

describe("the reminder run", () => {
  it("sends nothing before the hour, then once per registered participant at or after it", async () => {
    const event = await createEvent();
    const a = await participant(event.id);
    const b = await participant(event.id);
    setClock(new Date(DUE.getTime() - 60_000));
    await run();
    expect(await remindersTo(a.email)).toHaveLength(0);
    setClock(DUE);
    const first = await run();
    expect(first.emailIds.length).toBeGreaterThanOrEqual(2);
    expect(await remindersTo(a.email)).toHaveLength(1);
    expect(await remindersTo(b.email)).toHaveLength(1);
    expect((await t.prisma.registration.findUniqueOrThrow({ where: { id: a.id } })).reminderSentAt).toEqual(DUE);
    // The next hourly run (and one an hour later) sends nothing again.
    setClock(new Date(DUE.getTime() + 3600_000));
    await run();
    await run();
    expect(await remindersTo(a.email)).toHaveLength(1);
    expect(await remindersTo(b.email)).toHaveLength(1);
  });

  it("skips reserves, cancelled registrations, cancelled events, opted-out events and events already started", async () => {
    const event = await createEvent();
    const reserve = await participant(event.id, { status: "RESERVE" });
    const cancelled = await participant(event.id, { status: "CANCELLED" });
    const cancelledEvent = await createEvent({ status: "CANCELLED" });
    const inCancelled = await participant(cancelledEvent.id);
    const optedOut = await createEvent({ reminderEnabled: false });
    const inOptedOut = await participant(optedOut.id);
    const started = await createEvent({ startsAt: new Date("2026-06-09T11:00:00Z"), endsAt: new Date("2026-06-09T20:00:00Z") });
    const inStarted = await participant(started.id);
    setClock(DUE);
    await run();
    for (const r of [reserve, cancelled, inCancelled, inOptedOut, inStarted]) expect(await remindersTo(r.email)).toHaveLength(0);
  });

  it("respects the event's time zone", async () => {
    const lateNight = new Date("2026-06-10T02:00:00Z");
    const saoPaulo = await createEvent({ startsAt: lateNight, endsAt: new Date(lateNight.getTime() + 3600_000) });
    const utc = await createEvent({ startsAt: lateNight, endsAt: new Date(lateNight.getTime() + 3600_000), timeZone: "UTC" });
    const inSaoPaulo = await participant(saoPaulo.id);
    const inUtc = await participant(utc.id);
    setClock("2026-06-08T12:30:00Z");
    await run();
    expect(await remindersTo(inSaoPaulo.email)).toHaveLength(1);
    expect(await remindersTo(inUtc.email)).toHaveLength(0);
    setClock("2026-06-09T09:00:00Z");
    await run();
    expect(await remindersTo(inUtc.email)).toHaveLength(1);
  });

  it("gives the place, or the join link for portal users and the public page for public registrants", async () => {
    const inPerson = await createEvent();
    const local = await participant(inPerson.id, { locale: "pt-BR", name: "Bruna" });
    const online = await createEvent({ placeId: null, onlineUrl: "https://meet.example/secret-room" });
    const user = await t.prisma.user.create({ data: { name: "Carla", email: `${uniqueTag()}@example.test`, passwordHash: "x", role: "CLIENT" } });
    const portal = await participant(online.id, { userId: user.id, source: "PORTAL" });
    const publicOne = await participant(online.id, { source: "PUBLIC", accessTokenHash: uniqueTag("hash") });
    setClock(DUE);
    await run();
    const [placeMail] = await remindersTo(local.email);
    expect(placeMail.subject).toBe(`Lembrete: ${inPerson.name}`);
    expect(placeMail.text).toContain("Rua Exemplo 100");
    const [portalMail] = await remindersTo(portal.email);
    expect(portalMail.html).toContain(`/portal/events/${online.number}/join`);
    expect(portalMail.html).not.toContain("secret-room");
    const [publicMail] = await remindersTo(publicOne.email);
    expect(publicMail.html).toContain(`/e/${online.slug}`);
    expect(publicMail.html).not.toContain("secret-room");
    expect(publicMail.text).toContain("confirmation e-mail");
  });

  it("claims each participant in the transaction of its e-mail: a failure midway leaves that one for the next run", async () => {
    const event = await createEvent();
    const before = await participant(event.id);
    const broken = await participant(event.id, { email: "not-an-address" });
    const after = await participant(event.id);
    const alreadyDone = await participant(event.id, { reminderSentAt: new Date("2026-06-09T11:00:00Z") });
    setClock(DUE);
    await run();
    expect(await remindersTo(before.email)).toHaveLength(1);
    expect(await remindersTo(after.email)).toHaveLength(1);
    expect(await remindersTo(alreadyDone.email)).toHaveLength(0);
    // Its claim rolled back with the failed e-mail: still due, not lost.
    expect((await t.prisma.registration.findUniqueOrThrow({ where: { id: broken.id } })).reminderSentAt).toBeNull();
    await t.prisma.registration.update({ where: { id: broken.id }, data: { email: `${uniqueTag()}@example.test` } });
    const fixed = await t.prisma.registration.findUniqueOrThrow({ where: { id: broken.id } });
    await run();
    expect(await remindersTo(fixed.email)).toHaveLength(1);
    expect(await remindersTo(before.email)).toHaveLength(1);
  });

  it.skipIf(backend !== "postgres")("sends once per participant when runs overlap (PostgreSQL)", async () => {
    const event = await createEvent();
    const people = await Promise.all(Array.from({ length: 12 }, () => participant(event.id)));
    setClock(DUE);
    const runs = await Promise.all(Array.from({ length: 4 }, () => run()));
    const mine = new Set(people.map((p) => p.email));
    const mails = await t.prisma.emailMessage.findMany({ where: { template: "eventReminder", to: { in: [...mine] } } }).then(allReceived);
    expect(mails).toHaveLength(12);
    expect(new Set(mails.map((m) => m.to)).size).toBe(12);
    expect(runs.reduce((sum, r) => sum + r.emailIds.filter((id) => mails.some((m) => m.id === id)).length, 0)).toBe(12);
  });
});
