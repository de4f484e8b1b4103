// Certificates of events with sessions: the main event's registration gets
// one certificate when its attendance reaches the event's share of the
// sessions (exactly 75% is enough, just under is not); cancelled sessions do
// not count; it is due after the last session; its hours are the attended
// sessions' hours; sessions issue none of their own; the staff list shows
// each person's attendance across the sessions.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { setClock } from "@/lib/clock";
import { CERTIFICATE_WINDOW_DAYS, issueCertificates } from "@/lib/events/certificates/issue";
import { allParticipants, certificateState, listParticipants } from "@/lib/events/participants";
import { participantsCsv, type CsvLabels } from "@/lib/events/participants-csv";
import type { Prisma } from "@/lib/generated/prisma/client";
import { createActor, uniqueTag } from "../helpers/factories";
import { MemoryStorage } from "../helpers/memory-storage";
import { withTestDatabase } from "../helpers/db-test";

const t = withTestDatabase();
let staff: Actor;
let typeId: string;
let templateId: string;
const storage = new MemoryStorage();
const DAY = 86_400_000;
const HOUR = 3_600_000;
const MAIN_START = new Date("2026-08-03T12:00:00Z");
const run = () => issueCertificates(t.prisma, { storage });

beforeAll(async () => {
  staff = (await createActor(t.prisma, "STAFF")).actor;
  typeId = (await t.prisma.eventType.create({ data: { name: uniqueTag("Course ") } })).id;
  templateId = (
    await t.prisma.certificateTemplate.create({
      data: {
        name: uniqueTag("T "),
        title: "Certificate",
        body: "{participant} attended {event}, {hours} hours.",
        signerName: "Maria Lima",
        signerRole: "Director",
      },
    })
  ).id;
});
afterEach(() => setClock(null));

interface SessionSpec {
  /** Hours long (the session's length). */
  length?: number;
  /** The session's workload, when it differs from its length. */
  workload?: number | null;
  cancelled?: boolean;
}

/** A main event with one session a day from MAIN_START, each with a copy of every registration (as replication makes them). */
async function course(options: { percent?: number; sessions: SessionSpec[]; people: number; main?: Partial<Prisma.EventUncheckedCreateInput> }) {
  const tag = uniqueTag("c");
  const main = await t.prisma.event.create({
    data: {
      name: `Course ${tag}`,
      slug: tag,
      startsAt: MAIN_START,
      endsAt: new Date(MAIN_START.getTime() + 2 * HOUR),
      timeZone: "UTC",
      typeId,
      seats: 50,
      workloadHours: 40,
      certificateTemplateId: templateId,
      ...(options.percent !== undefined ? { certificateAttendancePercent: options.percent } : {}),
      ...options.main,
    },
  });
  const people = [];
  for (let i = 0; i < options.people; i++) {
    people.push(
      await t.prisma.registration.create({
        data: { eventId: main.id, name: `Person ${i}`, email: `${uniqueTag()}@x.test`, status: "REGISTERED", source: "STAFF", cpf: "52998224725" },
      }),
    );
  }
  const sessions = [];
  for (const [i, spec] of options.sessions.entries()) {
    const startsAt = new Date(MAIN_START.getTime() + i * DAY);
    const session = await t.prisma.event.create({
      data: {
        name: `${main.name} ${i + 1}`,
        slug: `${tag}-${i + 1}`,
        startsAt,
        endsAt: new Date(startsAt.getTime() + (spec.length ?? 2) * HOUR),
        timeZone: "UTC",
        typeId,
        seats: 50,
        workloadHours: spec.workload === undefined ? (spec.length ?? 2) : spec.workload,
        certificateTemplateId: templateId,
        mainEventId: main.id,
        status: spec.cancelled ? "CANCELLED" : "OPEN",
      },
    });
    const copies = [];
    for (const p of people) {
      copies.push(
        await t.prisma.registration.create({
          data: { eventId: session.id, name: p.name, email: p.email, status: "REGISTERED", source: "STAFF", cpf: p.cpf, replicatedFromId: p.id },
        }),
      );
    }
    sessions.push({ ...session, copies });
  }
  const lastEnd = sessions.reduce((max, s) => (s.endsAt > max ? s.endsAt : max), main.endsAt);
  return { main, people, sessions, lastEnd };
}

/** Marks person `p` present at the sessions with these indexes. */
async function attend(c: Awaited<ReturnType<typeof course>>, p: number, sessionIndexes: number[]) {
  for (const i of sessionIndexes) {
    await t.prisma.registration.update({ where: { id: c.sessions[i].copies[p].id }, data: { attendedAt: c.sessions[i].startsAt } });
  }
}
const certificateOf = (registrationId: string) => t.prisma.certificate.findUnique({ where: { registrationId } });

describe("the share of sessions", () => {
  it("issues at exactly the share (3 of 4 at 75%) and not just under it (2 of 3 at 75%)", async () => {
    const four = await course({ percent: 75, sessions: [{}, {}, {}, {}], people: 2 });
    await attend(four, 0, [0, 1, 3]);
    await attend(four, 1, [0, 1]);
    const three = await course({ percent: 75, sessions: [{}, {}, {}], people: 1 });
    await attend(three, 0, [0, 2]);
    setClock(new Date(Math.max(four.lastEnd.getTime(), three.lastEnd.getTime()) + HOUR));
    await run();
    expect(await certificateOf(four.people[0].id)).not.toBeNull();
    expect(await certificateOf(four.people[1].id)).toBeNull();
    expect(await certificateOf(three.people[0].id)).toBeNull();
  });

  it("needs every session by default, and takes the main event's own attendance for nothing", async () => {
    const c = await course({ sessions: [{}, {}], people: 2 });
    await attend(c, 0, [0, 1]);
    await attend(c, 1, [0]);
    await t.prisma.registration.update({ where: { id: c.people[1].id }, data: { attendedAt: MAIN_START } });
    setClock(new Date(c.lastEnd.getTime() + HOUR));
    await run();
    expect(await certificateOf(c.people[0].id)).not.toBeNull();
    expect(await certificateOf(c.people[1].id)).toBeNull();
  });

  it("does not count cancelled sessions", async () => {
    const c = await course({ percent: 100, sessions: [{}, { cancelled: true }, {}], people: 1 });
    await attend(c, 0, [0, 2]);
    setClock(new Date(c.lastEnd.getTime() + HOUR));
    await run();
    expect(await certificateOf(c.people[0].id)).not.toBeNull();
  });

  it("waits for the last session, then stops 15 days after it", async () => {
    const c = await course({ percent: 50, sessions: [{}, {}, {}, {}], people: 2 });
    await attend(c, 0, [0, 1]);
    await attend(c, 1, [0, 1]);
    // Enough attended already, but the series is not over.
    setClock(new Date(c.sessions[2].endsAt.getTime() + HOUR));
    await run();
    expect(await certificateOf(c.people[0].id)).toBeNull();
    setClock(new Date(c.lastEnd.getTime() + HOUR));
    await issueCertificates(t.prisma, { storage, registrationId: c.people[0].id });
    expect(await certificateOf(c.people[0].id)).not.toBeNull();
    setClock(new Date(c.lastEnd.getTime() + CERTIFICATE_WINDOW_DAYS * DAY + HOUR));
    await run();
    expect(await certificateOf(c.people[1].id)).toBeNull();
  });

  it("gives sessions no certificates of their own, and the main one only once", async () => {
    const c = await course({ percent: 50, sessions: [{}, {}], people: 1 });
    await attend(c, 0, [0, 1]);
    setClock(new Date(c.lastEnd.getTime() + HOUR));
    await Promise.all([run(), run()]);
    await run();
    expect(await t.prisma.certificate.count({ where: { registrationId: c.people[0].id } })).toBe(1);
    expect(await t.prisma.certificate.count({ where: { registrationId: { in: c.sessions.flatMap((s) => s.copies.map((x) => x.id)) } } })).toBe(0);
  });
});

describe("the hours of the certificate", () => {
  it("are the attended sessions' hours: their workload, else their length", async () => {
    const c = await course({ percent: 50, sessions: [{ length: 2 }, { length: 3, workload: 2.5 }, { length: 4 }, { length: 1.5, workload: null }], people: 1 });
    await attend(c, 0, [1, 2, 3]);
    setClock(new Date(c.lastEnd.getTime() + HOUR));
    await run();
    const certificate = await certificateOf(c.people[0].id);
    // 2.5 + 4 + 1.5; neither the main event's 40 nor the unattended session's 2.
    expect(Number(certificate!.hours)).toBe(8);
  });

  it("stay the event's own workload for an event without sessions", async () => {
    const tag = uniqueTag("plain");
    const plain = await t.prisma.event.create({
      data: {
        name: tag,
        slug: tag,
        startsAt: MAIN_START,
        endsAt: new Date(MAIN_START.getTime() + HOUR),
        timeZone: "UTC",
        typeId,
        seats: 5,
        workloadHours: 6,
        certificateTemplateId: templateId,
      },
    });
    const r = await t.prisma.registration.create({
      data: {
        eventId: plain.id,
        name: "Ana",
        email: `${uniqueTag()}@x.test`,
        status: "REGISTERED",
        source: "STAFF",
        cpf: "52998224725",
        attendedAt: MAIN_START,
      },
    });
    setClock(new Date(plain.endsAt.getTime() + HOUR));
    await run();
    expect(Number((await certificateOf(r.id))!.hours)).toBe(6);
  });
});

const csvLabels: CsvLabels = {
  name: "Name",
  email: "E-mail",
  status: "Status",
  reservePosition: "Reserve position",
  source: "Source",
  registeredAt: "Registered",
  attendedAt: "Attended",
  cancelledAt: "Cancelled",
  sessionsAttended: (total) => `Sessions (of ${total})`,
  statusNames: {},
  sourceNames: {},
  yes: "Yes",
  no: "No",
};

describe("the staff participants list", () => {
  it("shows each person's attendance across the sessions, and whether it is enough", async () => {
    const c = await course({ percent: 75, sessions: [{}, {}, {}, {}, {}, { cancelled: true }, {}], people: 2 });
    await attend(c, 0, [0, 1, 2, 3, 4]);
    await attend(c, 1, [0, 5]);
    const page = await listParticipants(t.prisma, staff, c.main.id, { page: 1, pageSize: 10, q: "" });
    const [first, second] = page.rows;
    expect(first).toMatchObject({ sessionCount: 6, sessionsAttended: 5, attendanceMet: true });
    expect(second).toMatchObject({ sessionCount: 6, sessionsAttended: 1, attendanceMet: false });
    expect(certificateState(first)).toBe("pending");
    expect(certificateState(second)).toBe("none");
    // The export carries the same count, one column after the dates.
    const { rows } = await allParticipants(t.prisma, staff, c.main.id);
    const [header, ...lines] = participantsCsv(rows, "UTC", csvLabels).slice(1).trimEnd().split("\r\n");
    expect(header.split(",")[8]).toBe("Sessions (of 6)");
    expect(lines.map((line) => line.split(",")[8])).toEqual(["5", "1"]);
  });

  it("shows no session count for an event without sessions", async () => {
    const c = await course({ sessions: [], people: 1 });
    const page = await listParticipants(t.prisma, staff, c.main.id, { page: 1, pageSize: 10, q: "" });
    expect(page.rows[0]).toMatchObject({ sessionCount: 0, sessionsAttended: 0, attendanceMet: false });
    const { rows } = await allParticipants(t.prisma, staff, c.main.id);
    expect(participantsCsv(rows, "UTC", csvLabels)).not.toContain("Sessions (of");
  });
});
