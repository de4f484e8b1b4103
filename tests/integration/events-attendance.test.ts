// Online access: nothing is recorded before start − 1 h; inside the
// window the first access records attendance and yields the conference link;
// after the end the event is over. Only registered participants may join.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { setClock } from "@/lib/clock";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { joinEvent, markAttendance } from "@/lib/events/attendance";
import { hashAccessToken } from "@/lib/events/seat-lock";
import type { Prisma } from "@/lib/generated/prisma/client";
import { createActor, uniqueTag } from "../helpers/factories";
import { withTestDatabase } from "../helpers/db-test";

const t = withTestDatabase();
let client: Actor;
let staff: Actor;
let typeId: string;
const start = new Date("2026-12-01T13:00:00Z");
const end = new Date("2026-12-01T15:00:00Z");

async function eventWith(overrides: Partial<Prisma.EventUncheckedCreateInput> = {}) {
  const tag = uniqueTag("ev");
  return t.prisma.event.create({
    data: { name: tag, slug: tag, startsAt: start, endsAt: end, timeZone: "UTC", typeId, seats: 5, onlineUrl: "https://meet.example/room", ...overrides },
  });
}
async function registration(eventId: string, data: Partial<Prisma.RegistrationUncheckedCreateInput> = {}) {
  return t.prisma.registration.create({
    data: { eventId, userId: client.userId, name: "Ana", email: `${uniqueTag()}@x.test`, status: "REGISTERED", source: "PORTAL", ...data },
  });
}

beforeAll(async () => {
  client = (await createActor(t.prisma, "CLIENT")).actor;
  staff = (await createActor(t.prisma, "STAFF")).actor;
  typeId = (await t.prisma.eventType.create({ data: { name: "Webinar" } })).id;
});
afterEach(() => setClock(null));

describe("online access window", () => {
  it("before start − 1 h says when access opens and records nothing", async () => {
    const event = await eventWith();
    const r = await registration(event.id);
    setClock(new Date(start.getTime() - 61 * 60_000));
    expect(await joinEvent(t.prisma, { userId: client.userId }, event.number)).toEqual({ state: "early", opensAt: new Date(start.getTime() - 3600_000) });
    expect((await t.prisma.registration.findUniqueOrThrow({ where: { id: r.id } })).attendedAt).toBeNull();
  });

  it("from start − 1 h records the first access only and hands out the link", async () => {
    const event = await eventWith();
    const r = await registration(event.id);
    const first = new Date(start.getTime() - 60 * 60_000);
    setClock(first);
    expect(await joinEvent(t.prisma, { userId: client.userId }, event.number)).toEqual({ state: "open", url: "https://meet.example/room", attendedAt: first });
    setClock(new Date(start.getTime() + 10 * 60_000));
    expect(await joinEvent(t.prisma, { userId: client.userId }, event.number)).toMatchObject({ state: "open", attendedAt: first });
    expect((await t.prisma.registration.findUniqueOrThrow({ where: { id: r.id } })).attendedAt).toEqual(first);
  });

  it("after the end says the event is over", async () => {
    const event = await eventWith();
    await registration(event.id);
    setClock(new Date(end.getTime() + 1000));
    expect(await joinEvent(t.prisma, { userId: client.userId }, event.number)).toEqual({ state: "ended" });
  });

  it("lets a public registrant in with the private link's token, also for a session", async () => {
    const main = await eventWith();
    const session = await eventWith({ mainEventId: main.id, startsAt: new Date(start.getTime() + 86400_000), endsAt: new Date(end.getTime() + 86400_000) });
    const token = uniqueTag("token");
    const mine = await registration(main.id, { userId: null, source: "PUBLIC", accessTokenHash: hashAccessToken(token) });
    await registration(session.id, { userId: null, source: "PUBLIC", replicatedFromId: mine.id });
    setClock(new Date(session.startsAt.getTime() - 30 * 60_000));
    expect(await joinEvent(t.prisma, { accessToken: token }, session.number)).toMatchObject({ state: "open" });
    await expect(joinEvent(t.prisma, { accessToken: "wrong" }, session.number)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("refuses reserves, cancelled events and strangers", async () => {
    const event = await eventWith();
    await registration(event.id, { status: "RESERVE" });
    setClock(start);
    expect(await joinEvent(t.prisma, { userId: client.userId }, event.number)).toEqual({ state: "not-registered" });
    await t.prisma.event.update({ where: { id: event.id }, data: { status: "CANCELLED" } });
    expect(await joinEvent(t.prisma, { userId: client.userId }, event.number)).toEqual({ state: "cancelled" });
    await expect(joinEvent(t.prisma, { userId: staff.userId }, event.number)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("staff check-in", () => {
  it("marks and clears attendance; clients cannot", async () => {
    const event = await eventWith({ onlineUrl: null });
    const r = await registration(event.id);
    await expect(markAttendance(t.prisma, client, r.id, true)).rejects.toBeInstanceOf(ForbiddenError);
    await markAttendance(t.prisma, staff, r.id, true);
    expect((await t.prisma.registration.findUniqueOrThrow({ where: { id: r.id } })).attendedAt).not.toBeNull();
    await markAttendance(t.prisma, staff, r.id, false);
    expect((await t.prisma.registration.findUniqueOrThrow({ where: { id: r.id } })).attendedAt).toBeNull();
  });
});
