// Reminders on the schedule staff set: by default the day before at 09:00, in
// the event's time zone; the installation's offsets and hour, or the event's
// own; to REGISTERED participants of events not cancelled and not opted out;
// with the place or the way in; once per participant, event and offset even
// across repeated, concurrent or interrupted runs.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { setClock } from "@/lib/clock";
import { closeDatabase, openDatabase } from "@/lib/db/client";
import { ForbiddenError } from "@/lib/errors";
import { DEFAULT_REMINDER_SCHEDULE } from "@/lib/events/reminder-schedule";
import { getReminderSchedule, setReminderSchedule } from "@/lib/events/reminder-settings";
import { currentOffset, reminderDueAt, sendDueReminders } from "@/lib/events/reminders";
import type { Prisma } from "@/lib/generated/prisma/client";
import { createActor, uniqueTag } from "../helpers/factories";
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
const run = () => sendDueReminders(t.prisma);
const claimsOf = (registrationId: string) => t.prisma.eventReminder.findMany({ where: { registrationId }, orderBy: { sentAt: "asc" } });

describe("when the reminder is due", () => {
  it("is the reminder hour of the day before the start, in the event's time zone", () => {
    expect(reminderDueAt(START, "America/Sao_Paulo", "1d", 9)).toEqual(DUE);
    // 02:00 UTC on 10 June is still 9 June 23:00 in São Paulo: due on 8 June.
    const lateNight = new Date("2026-06-10T02:00:00Z");
    expect(reminderDueAt(lateNight, "America/Sao_Paulo", "1d", 9)).toEqual(new Date("2026-06-08T12:00:00Z"));
    expect(reminderDueAt(lateNight, "UTC", "1d", 9)).toEqual(new Date("2026-06-09T09:00:00Z"));
    expect(reminderDueAt(lateNight, "Europe/Helsinki", "1d", 18)).toEqual(new Date("2026-06-09T15:00:00Z"));
    expect(reminderDueAt(START, "America/Sao_Paulo", "7d", 9)).toEqual(new Date("2026-06-03T12:00:00Z"));
  });

  it("is that many hours before the start for an hour-based offset, whatever the hour", () => {
    expect(reminderDueAt(START, "America/Sao_Paulo", "1h", 9)).toEqual(new Date("2026-06-10T12:00:00Z"));
    expect(reminderDueAt(START, "Europe/Helsinki", "12h", 18)).toEqual(new Date("2026-06-10T01:00:00Z"));
  });

  it("keeps the local hour of a day-based offset across a daylight-saving change", () => {
    // Helsinki moves to summer time on 28 March 2027: 09:00 is 07:00 UTC before and 06:00 UTC after.
    const monday = new Date("2027-03-29T09:00:00Z");
    expect(reminderDueAt(monday, "Europe/Helsinki", "2d", 9)).toEqual(new Date("2027-03-27T07:00:00Z"));
    expect(reminderDueAt(monday, "Europe/Helsinki", "1d", 9)).toEqual(new Date("2027-03-28T06:00:00Z"));
  });

  it("is, at any moment, the latest offset already due before the start", () => {
    const schedule = { offsets: ["1d" as const, "1h" as const], hour: 9 };
    expect(currentOffset(START, "America/Sao_Paulo", schedule, new Date(DUE.getTime() - 1))).toBeNull();
    expect(currentOffset(START, "America/Sao_Paulo", schedule, DUE)).toBe("1d");
    expect(currentOffset(START, "America/Sao_Paulo", schedule, new Date("2026-06-10T12:00:00Z"))).toBe("1h");
    expect(currentOffset(START, "America/Sao_Paulo", schedule, START)).toBeNull();
    expect(currentOffset(START, "America/Sao_Paulo", { offsets: [], hour: 9 }, DUE)).toBeNull();
  });
});

describe("the installation's schedule", () => {
  afterEach(() => t.prisma.setting.deleteMany({ where: { key: "events.reminderSchedule" } }));

  it("is the day before at 09:00 until an admin sets another; only admins may", async () => {
    expect(await getReminderSchedule(t.prisma)).toEqual(DEFAULT_REMINDER_SCHEDULE);
    expect(DEFAULT_REMINDER_SCHEDULE).toEqual({ offsets: ["1d"], hour: 9 });
    const { actor: staff } = await createActor(t.prisma, "STAFF");
    await expect(setReminderSchedule(t.prisma, staff, { offsets: ["2d"], hour: 8 })).rejects.toBeInstanceOf(ForbiddenError);
    const { actor: admin } = await createActor(t.prisma, "ADMIN");
    await setReminderSchedule(t.prisma, admin, { offsets: ["2d", "1h"], hour: 8 });
    expect(await getReminderSchedule(t.prisma)).toEqual({ offsets: ["2d", "1h"], hour: 8 });
  });

  it("sends at the offsets and hour it names, once per offset", async () => {
    const { actor: admin } = await createActor(t.prisma, "ADMIN");
    await setReminderSchedule(t.prisma, admin, { offsets: ["1d", "1h"], hour: 18 });
    const event = await createEvent();
    const a = await participant(event.id);
    // 09:00 the day before is no longer the hour: 18:00 São Paulo is 21:00 UTC.
    setClock(DUE);
    await run();
    expect(await remindersTo(a.email)).toHaveLength(0);
    setClock("2026-06-09T21:00:00Z");
    await run();
    await run();
    expect(await remindersTo(a.email)).toHaveLength(1);
    setClock("2026-06-10T11:59:00Z");
    await run();
    expect(await remindersTo(a.email)).toHaveLength(1);
    setClock("2026-06-10T12:00:00Z");
    await run();
    await run();
    expect(await remindersTo(a.email)).toHaveLength(2);
    expect((await claimsOf(a.id)).map((c) => c.offsetKey)).toEqual(["1d", "1h"]);
  });

  it("sends nothing with an empty list", async () => {
    const { actor: admin } = await createActor(t.prisma, "ADMIN");
    await setReminderSchedule(t.prisma, admin, { offsets: [], hour: 9 });
    const event = await createEvent();
    const a = await participant(event.id);
    setClock(new Date(START.getTime() - 60_000));
    await run();
    expect(await remindersTo(a.email)).toHaveLength(0);
  });

  it("gives someone who registers late only the latest reminder due, not the earlier ones as well", async () => {
    const { actor: admin } = await createActor(t.prisma, "ADMIN");
    await setReminderSchedule(t.prisma, admin, { offsets: ["1d", "1h"], hour: 9 });
    const event = await createEvent();
    setClock("2026-06-10T12:30:00Z");
    const late = await participant(event.id);
    await run();
    expect(await remindersTo(late.email)).toHaveLength(1);
    expect((await claimsOf(late.id)).map((c) => c.offsetKey)).toEqual(["1h"]);
  });
});

describe("an event's own schedule", () => {
  afterEach(() => t.prisma.setting.deleteMany({ where: { key: "events.reminderSchedule" } }));

  it("replaces the installation's for that event only", async () => {
    const { actor: admin } = await createActor(t.prisma, "ADMIN");
    await setReminderSchedule(t.prisma, admin, { offsets: ["1d"], hour: 9 });
    const own = await createEvent({ reminderSchedule: { offsets: ["2h"], hour: 9 } });
    const usual = await createEvent();
    const inOwn = await participant(own.id);
    const inUsual = await participant(usual.id);
    setClock(DUE);
    await run();
    expect(await remindersTo(inOwn.email)).toHaveLength(0);
    expect(await remindersTo(inUsual.email)).toHaveLength(1);
    setClock("2026-06-10T11:00:00Z");
    await run();
    expect(await remindersTo(inOwn.email)).toHaveLength(1);
    expect((await claimsOf(inOwn.id)).map((c) => c.offsetKey)).toEqual(["2h"]);
    expect(await remindersTo(inUsual.email)).toHaveLength(1);
  });

  it("with no offsets sends nothing for that event", async () => {
    const silent = await createEvent({ reminderSchedule: { offsets: [], hour: 9 } });
    const a = await participant(silent.id);
    setClock(DUE);
    await run();
    expect(await remindersTo(a.email)).toHaveLength(0);
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
    expect((await claimsOf(a.id)).map((c) => [c.offsetKey, c.sentAt])).toEqual([["1d", DUE]]);
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
    const alreadyDone = await participant(event.id);
    await t.prisma.eventReminder.create({ data: { registrationId: alreadyDone.id, offsetKey: "1d", sentAt: new Date("2026-06-09T11:00:00Z") } });
    setClock(DUE);
    await run();
    expect(await remindersTo(before.email)).toHaveLength(1);
    expect(await remindersTo(after.email)).toHaveLength(1);
    expect(await remindersTo(alreadyDone.email)).toHaveLength(0);
    // Its claim rolled back with the failed e-mail: still due, not lost.
    expect(await claimsOf(broken.id)).toHaveLength(0);
    await t.prisma.registration.update({ where: { id: broken.id }, data: { email: `${uniqueTag()}@example.test` } });
    const fixed = await t.prisma.registration.findUniqueOrThrow({ where: { id: broken.id } });
    await run();
    expect(await remindersTo(fixed.email)).toHaveLength(1);
    expect(await remindersTo(before.email)).toHaveLength(1);
  });

  it.skipIf(backend !== "postgres")("sends once per participant and offset when two workers' runs overlap (PostgreSQL)", async () => {
    const event = await createEvent();
    const people = await Promise.all(Array.from({ length: 12 }, () => participant(event.id)));
    setClock(DUE);
    // A second worker: its own connection pool, as another process would have.
    const other = openDatabase(t.target);
    const runs = await Promise.all(Array.from({ length: 4 }, (_, i) => sendDueReminders(i % 2 ? other.prisma : t.prisma))).finally(() => closeDatabase(other));
    const mine = new Set(people.map((p) => p.email));
    const mails = await t.prisma.emailMessage.findMany({ where: { template: "eventReminder", to: { in: [...mine] } } }).then(allReceived);
    expect(mails).toHaveLength(12);
    expect(new Set(mails.map((m) => m.to)).size).toBe(12);
    expect(runs.reduce((sum, r) => sum + r.emailIds.filter((id) => mails.some((m) => m.id === id)).length, 0)).toBe(12);
  });
});
