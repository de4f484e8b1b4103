// Sessions from a rule: the dates the rule gives (weekdays, a number of times
// or an end date, skipped dates), local times kept across a daylight-saving
// change, at most a hundred, at least one, end after start; all created in one
// transaction as ordinary sessions that follow the main event and receive its
// registrations; only staff who may edit the main event create them.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { updateEvent } from "@/lib/events/event-save";
import { registerForEvent } from "@/lib/events/registration";
import { eventSchema } from "@/lib/events/schemas";
import { createSeries } from "@/lib/events/series";
import { SERIES_MAX, seriesDates, seriesOccurrences, seriesSchema, type SeriesInput } from "@/lib/events/series-rule";
import { createEvent, createRegistration, createStaff, eventFormInput, uniqueTag } from "../helpers/factories";
import { withTestDatabase } from "../helpers/db-test";

const t = withTestDatabase();
let admin: Actor;

beforeAll(async () => {
  admin = (await createStaff(t.prisma, { role: "ADMIN" })).actor;
});

// Every Tuesday 14:00–16:00 from 2 February 2027, six times, skipping 9 February.
const tuesdays: SeriesInput = {
  name: "Workshop",
  weekdays: ["2"],
  firstDate: "2027-02-02",
  startTime: "14:00",
  endTime: "16:00",
  ends: "count",
  count: "6",
  untilDate: "",
  skipDates: "2027-02-09",
};
const rule = (overrides: Partial<SeriesInput> = {}) => seriesSchema.parse({ ...tuesdays, ...overrides });
const fieldErrors = (overrides: Partial<SeriesInput>) => {
  const parsed = seriesSchema.safeParse({ ...tuesdays, ...overrides });
  return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("the dates of a rule", () => {
  it("gives the weekdays from the first date, the number of times asked, leaving out the skipped dates", () => {
    const dates = seriesDates(rule());
    expect(dates.dates).toEqual(["2027-02-02", "2027-02-16", "2027-02-23", "2027-03-02", "2027-03-09", "2027-03-16"]);
    expect(dates.skipped).toEqual(["2027-02-09"]);
  });

  it("takes several weekdays, and ends on a date when asked (that date included)", () => {
    const dates = seriesDates(rule({ weekdays: ["2", "4"], ends: "until", untilDate: "2027-02-16", skipDates: "" }));
    expect(dates.dates).toEqual(["2027-02-02", "2027-02-04", "2027-02-09", "2027-02-11", "2027-02-16"]);
  });

  it("ignores skipped dates the rule would not give, and accepts commas and new lines between them", () => {
    expect(seriesDates(rule({ skipDates: "2027-02-10,\n2027-02-09 2027-02-16" })).dates).toEqual([
      "2027-02-02",
      "2027-02-23",
      "2027-03-02",
      "2027-03-09",
      "2027-03-16",
      "2027-03-23",
    ]);
  });

  it("keeps the local time across a daylight-saving change", () => {
    // Helsinki moves from UTC+2 to UTC+3 on 28 March 2027.
    const occurrences = seriesOccurrences(rule({ firstDate: "2027-03-23", count: "2", skipDates: "" }), "Europe/Helsinki");
    expect(occurrences.map((o) => o.startsAt.toISOString())).toEqual(["2027-03-23T12:00:00.000Z", "2027-03-30T11:00:00.000Z"]);
    expect(occurrences.map((o) => o.endsAt.toISOString())).toEqual(["2027-03-23T14:00:00.000Z", "2027-03-30T13:00:00.000Z"]);
  });

  it("refuses no weekday, an end not after the start, a count outside 1–100, an end date before the first, and bad skipped dates", () => {
    expect(fieldErrors({ weekdays: [] })).toMatchObject({ weekdays: "events.series.errors.weekdays" });
    expect(fieldErrors({ endTime: "14:00" })).toMatchObject({ endTime: "events.errors.endBeforeStart" });
    expect(fieldErrors({ endTime: "13:00" })).toMatchObject({ endTime: "events.errors.endBeforeStart" });
    expect(fieldErrors({ count: "0" })).toMatchObject({ count: "events.series.errors.count" });
    expect(fieldErrors({ count: String(SERIES_MAX + 1) })).toMatchObject({ count: "events.series.errors.count" });
    expect(fieldErrors({ count: String(SERIES_MAX) })).toEqual({});
    expect(fieldErrors({ ends: "until", untilDate: "2027-02-01" })).toMatchObject({ untilDate: "events.series.errors.untilBeforeFirst" });
    expect(fieldErrors({ skipDates: "2027-02-30" })).toMatchObject({ skipDates: "events.series.errors.skipDates" });
    expect(fieldErrors({ firstDate: "" })).toMatchObject({ firstDate: "validation.required" });
  });

  it("refuses more than 100 sessions up to an end date, and a rule that gives none", () => {
    // Two weekdays for a year: about 104 dates.
    expect(fieldErrors({ weekdays: ["2", "4"], ends: "until", untilDate: "2028-02-01", skipDates: "" })).toMatchObject({
      untilDate: "events.series.errors.tooMany",
    });
    // Only Tuesdays, between a Wednesday and the next Monday.
    expect(fieldErrors({ firstDate: "2027-02-03", ends: "until", untilDate: "2027-02-08" })).toMatchObject({ weekdays: "events.series.errors.none" });
    // The only Tuesday is skipped.
    expect(fieldErrors({ ends: "until", untilDate: "2027-02-02", skipDates: "2027-02-02" })).toMatchObject({ weekdays: "events.series.errors.none" });
  });
});

describe("creating the sessions", () => {
  it("creates every session at once, as sessions of the main event with its settings and registrations", async () => {
    const main = await createEvent(t.prisma, { actor: admin, timeZone: "America/Sao_Paulo", seats: 5, onlineUrl: "https://meet.example/room" });
    const a = await createRegistration(t.prisma, main.id, { staff: admin });
    const b = await createRegistration(t.prisma, main.id, { staff: admin });
    const { ids } = await createSeries(t.prisma, admin, main.id, rule({ name: "Workshop" }));
    expect(ids).toHaveLength(6);
    const sessions = await t.prisma.event.findMany({ where: { mainEventId: main.id }, orderBy: { startsAt: "asc" }, include: { registrations: true } });
    expect(sessions).toHaveLength(6);
    expect(sessions.map((s) => s.name)).toEqual(["Workshop (1/6)", "Workshop (2/6)", "Workshop (3/6)", "Workshop (4/6)", "Workshop (5/6)", "Workshop (6/6)"]);
    // 14:00 in São Paulo (UTC−3).
    expect(sessions[0].startsAt.toISOString()).toBe("2027-02-02T17:00:00.000Z");
    expect(sessions[1].startsAt.toISOString()).toBe("2027-02-16T17:00:00.000Z");
    for (const s of sessions) {
      expect(s.timeZone).toBe("America/Sao_Paulo");
      expect(s.seats).toBe(5);
      expect(s.typeId).toBe(main.typeId);
      expect(s.onlineUrl).toBe("https://meet.example/room");
      expect(Number(s.workloadHours)).toBe(2);
      expect(s.registrations.map((r) => r.replicatedFromId).sort()).toEqual([a.registrationId, b.registrationId].sort());
      expect(s.registeredCount).toBe(2);
    }
    // A registration after the series reaches every session, as it does for sessions added by hand.
    const c = await createRegistration(t.prisma, main.id, { staff: admin });
    expect(await t.prisma.registration.count({ where: { replicatedFromId: c.registrationId } })).toBe(6);
  });

  it("leaves each session editable on its own afterwards", async () => {
    const main = await createEvent(t.prisma, { actor: admin });
    const { ids } = await createSeries(t.prisma, admin, main.id, rule({ count: "2", skipDates: "" }));
    const session = await t.prisma.event.findUniqueOrThrow({ where: { id: ids[1] } });
    await updateEvent(
      t.prisma,
      admin,
      session.id,
      eventSchema.parse(
        eventFormInput(main.typeId, {
          name: "Workshop — moved",
          startsAt: "2027-02-10T18:00:00Z",
          endsAt: "2027-02-10T20:00:00Z",
          mainEventNumber: String(main.number),
        }),
      ),
    );
    const [first, second] = await t.prisma.event.findMany({ where: { mainEventId: main.id }, orderBy: { number: "asc" } });
    expect(second.name).toBe("Workshop — moved");
    expect(second.startsAt.toISOString()).toBe("2027-02-10T18:00:00.000Z");
    expect(first.startsAt.toISOString()).toBe("2027-02-02T14:00:00.000Z");
  });

  it("creates nothing when one session fails: one transaction", async () => {
    const main = await createEvent(t.prisma, { actor: admin });
    // A slug already taken by the fourth session's name makes its insert fail.
    const blocker = await t.prisma.event.create({
      data: {
        name: "Blocker",
        slug: uniqueTag("blocker"),
        startsAt: new Date(),
        endsAt: new Date(Date.now() + 1000),
        timeZone: "UTC",
        typeId: main.typeId,
        seats: 1,
      },
    });
    const last = Number((await t.prisma.$queryRaw<{ n: bigint }[]>`SELECT last_value AS n FROM "Event_number_seq"`)[0].n);
    await t.prisma.event.update({ where: { id: blocker.id }, data: { slug: `clash-4-6-${last + 4}` } });
    await expect(createSeries(t.prisma, admin, main.id, rule({ name: "Clash" }))).rejects.toThrow();
    expect(await t.prisma.event.count({ where: { mainEventId: main.id } })).toBe(0);
  });

  it("refuses staff who may not edit the main event, a session as the main event, and unknown ids", async () => {
    const owner = (await createStaff(t.prisma)).actor;
    const other = (await createStaff(t.prisma)).actor;
    const main = await createEvent(t.prisma, { actor: admin, responsibleId: owner.userId, sessions: 1 });
    await expect(createSeries(t.prisma, other, main.id, rule())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createSeries(t.prisma, owner, main.sessions[0].id, rule())).rejects.toBeInstanceOf(ValidationError);
    await expect(createSeries(t.prisma, admin, "00000000-0000-4000-8000-000000000000", rule())).rejects.toBeInstanceOf(NotFoundError);
    const { actor: client } = await createStaff(t.prisma, { role: "CLIENT", email: `${uniqueTag()}@x.test` });
    await expect(createSeries(t.prisma, client, main.id, rule())).rejects.toThrow();
    expect(await t.prisma.event.count({ where: { mainEventId: main.id } })).toBe(1);
    expect((await createSeries(t.prisma, owner, main.id, rule({ count: "1" }))).ids).toHaveLength(1);
  });

  it("copies registrations made while the series is being created into every session", async () => {
    const main = await createEvent(t.prisma, { actor: admin, seats: 50 });
    const [series, registration] = await Promise.all([
      createSeries(t.prisma, admin, main.id, rule({ count: "4", skipDates: "" })),
      registerForEvent(t.prisma, main.id, { source: "STAFF", actor: admin, name: "Late", email: `${uniqueTag()}@x.test` }),
    ]);
    expect(series.ids).toHaveLength(4);
    expect(await t.prisma.registration.count({ where: { replicatedFromId: registration.registrationId } })).toBe(4);
  });
});
