// A portal user's calendar subscription: the private address lists their
// registrations (sessions rather than their main event), follows changes and
// cancellations, is stored only as a hash, answers 404 once revoked or
// replaced, only for users who may still use the portal, and is rate-limited.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { FEED_LIMITS, calendarFeedStatus, openCalendarFeed, renewCalendarFeed, revokeCalendarFeed } from "@/lib/events/calendar-feed";
import { cancelRegistration } from "@/lib/events/cancellation";
import { hashAccessToken } from "@/lib/events/seat-lock";
import { ForbiddenError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { createActor, createClient, uniqueTag } from "../helpers/factories";
import { withTestDatabase } from "../helpers/db-test";

const t = withTestDatabase();
let staff: Actor;
let typeId: string;
const soon = Date.now() + 7 * 86_400_000;

async function eventWith(overrides: Partial<Prisma.EventUncheckedCreateInput> = {}) {
  const tag = uniqueTag("ev");
  return t.prisma.event.create({
    data: { name: `Course ${tag}`, slug: tag, startsAt: new Date(soon), endsAt: new Date(soon + 3600_000), timeZone: "UTC", typeId, seats: 10, ...overrides },
  });
}
async function register(eventId: string, owner: Actor, data: Partial<Prisma.RegistrationUncheckedCreateInput> = {}) {
  return t.prisma.registration.create({
    data: { eventId, userId: owner.userId, name: owner.name, email: `${uniqueTag()}@x.test`, status: "REGISTERED", source: "PORTAL", ...data },
  });
}
const tokenOf = (url: string) => url.split("/").pop()!;
async function feed(token: string, ip = uniqueTag("ip")) {
  const answer = await openCalendarFeed(t.prisma, token, ip);
  return answer.state === "ok" ? answer.ics : answer.state;
}
const uid = (event: { id: string }) => `UID:event-${event.id}@`;

beforeAll(async () => {
  staff = (await createActor(t.prisma, "STAFF")).actor;
  typeId = (await t.prisma.eventType.create({ data: { name: "Course" } })).id;
});

describe("calendar feed", () => {
  it("lists the user's seats and reserves, not other people's, and sessions instead of their main event", async () => {
    const { actor: ana } = await createClient(t.prisma);
    const { actor: bia } = await createClient(t.prisma);
    const seat = await eventWith({ status: "CONFIRMED", description: "Room 4, bring a laptop" });
    const reserve = await eventWith();
    const others = await eventWith();
    const main = await eventWith();
    const session = await eventWith({ mainEventId: main.id });
    await register(seat.id, ana);
    await register(reserve.id, ana, { status: "RESERVE" });
    await register(others.id, bia);
    const mainRegistration = await register(main.id, ana);
    await register(session.id, ana, { replicatedFromId: mainRegistration.id });

    const links = await renewCalendarFeed(t.prisma, ana);
    expect(links.webcalUrl).toBe(links.url.replace(/^https?:/, "webcal:"));
    const ics = await feed(tokenOf(links.url));
    expect(ics).toContain("BEGIN:VCALENDAR");
    expect(ics).toContain("METHOD:PUBLISH");
    expect(ics).toContain(`${uid(seat)}`);
    expect(ics).toContain("STATUS:CONFIRMED");
    expect(ics).toContain("DESCRIPTION:Room 4\\, bring a laptop");
    expect(ics).toContain(uid(reserve));
    expect(ics).toContain(`SUMMARY:Reserve list: ${reserve.name}`);
    expect(ics).toContain(uid(session));
    expect(ics).not.toContain(uid(main));
    expect(ics).not.toContain(uid(others));
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(3);
  });

  it("follows changes: a cancelled registration disappears, a cancelled event stays marked cancelled", async () => {
    const { actor: ana } = await createClient(t.prisma);
    const dropped = await eventWith();
    const called = await eventWith();
    const moved = await eventWith();
    const mine = await register(dropped.id, ana);
    await register(called.id, ana);
    await register(moved.id, ana);
    const token = tokenOf((await renewCalendarFeed(t.prisma, ana)).url);
    expect(await feed(token)).toContain(uid(dropped));

    await cancelRegistration(t.prisma, { actor: staff }, mine.id);
    await t.prisma.event.update({ where: { id: called.id }, data: { status: "CANCELLED" } });
    const newStart = new Date("2027-03-02T09:00:00Z");
    await t.prisma.event.update({
      where: { id: moved.id },
      data: { startsAt: newStart, endsAt: new Date(newStart.getTime() + 3600_000), name: "Moved course" },
    });

    const ics = (await feed(token)) as string;
    expect(ics).not.toContain(uid(dropped));
    expect(ics).toContain(uid(called));
    expect(ics).toContain(`SUMMARY:Cancelled: ${called.name}`);
    expect(ics).toContain("STATUS:CANCELLED");
    expect(ics).toContain("DTSTART:20270302T090000Z");
    expect(ics).toContain("SUMMARY:Moved course");
  });

  it("keeps only the token's hash; a replaced or revoked address answers 404", async () => {
    const { actor: ana } = await createClient(t.prisma);
    await register((await eventWith()).id, ana);
    expect(await calendarFeedStatus(t.prisma, ana)).toBeNull();
    const first = tokenOf((await renewCalendarFeed(t.prisma, ana)).url);
    const row = await t.prisma.calendarFeed.findUniqueOrThrow({ where: { userId: ana.userId } });
    expect(row.tokenHash).toBe(hashAccessToken(first));
    expect(row.tokenHash).not.toContain(first);
    expect(await calendarFeedStatus(t.prisma, ana)).toEqual({ createdAt: row.createdAt });

    const second = tokenOf((await renewCalendarFeed(t.prisma, ana)).url);
    expect(await feed(first)).toBe("notFound");
    expect(await feed(second)).toContain("BEGIN:VCALENDAR");

    await revokeCalendarFeed(t.prisma, ana);
    expect(await feed(second)).toBe("notFound");
    expect(await calendarFeedStatus(t.prisma, ana)).toBeNull();
    expect(await feed("")).toBe("notFound");
    expect(await feed("x".repeat(500))).toBe("notFound");
  });

  it("stops answering when the user may no longer use the portal", async () => {
    const { actor: ana, user } = await createClient(t.prisma);
    const token = tokenOf((await renewCalendarFeed(t.prisma, ana)).url);
    await t.prisma.user.update({ where: { id: user.id }, data: { active: false } });
    expect(await feed(token)).toBe("notFound");
  });

  it("is for portal users only", async () => {
    await expect(renewCalendarFeed(t.prisma, staff)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(calendarFeedStatus(t.prisma, staff)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("is rate-limited per address and per IP", async () => {
    const { actor: ana } = await createClient(t.prisma);
    const token = tokenOf((await renewCalendarFeed(t.prisma, ana)).url);
    for (let i = 0; i < FEED_LIMITS.perToken.limit; i++) expect(await feed(token)).toContain("BEGIN:VCALENDAR");
    expect(await openCalendarFeed(t.prisma, token, "10.0.0.1")).toMatchObject({ state: "limited" });

    const ip = "10.0.0.2";
    await t.prisma.rateLimitBucket.create({ data: { key: `calendar-feed:ip:${ip}`, windowStart: new Date(), count: FEED_LIMITS.perIp.limit } });
    const { actor: bia } = await createClient(t.prisma);
    const fresh = tokenOf((await renewCalendarFeed(t.prisma, bia)).url);
    expect(await openCalendarFeed(t.prisma, fresh, ip)).toMatchObject({ state: "limited" });
    expect(await openCalendarFeed(t.prisma, "unknown", ip)).toMatchObject({ state: "limited" });
  });
});
