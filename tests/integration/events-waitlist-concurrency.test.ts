// The seat rules under real parallel sessions (PostgreSQL only; PGlite has one
// connection): holds expiring while people register, offers answered at their
// deadline while the sweep runs, and seat raises racing registrations. Never
// more registered than seats, counters equal to the rows, and each promotion
// or offer made once.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { setClock } from "@/lib/clock";
import { updateEvent } from "@/lib/events/event-save";
import { expireHoldsAndOffers } from "@/lib/events/holds";
import { acceptOffer } from "@/lib/events/offers";
import { cancelRegistration, registerForEvent, registerForPublicEvent, type Registrant } from "@/lib/events/registration";
import { eventSchema, type EventInput } from "@/lib/events/schemas";
import { Role } from "@/lib/generated/prisma/enums";
import { createActor, createEvent, eventFormInput, uniqueTag } from "../helpers/factories";
import { withTestDatabase } from "../helpers/db-test";

const NOW = new Date("2030-01-10T12:00:00Z");
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const skipNote = onPostgres ? "" : " (skipped: PostgreSQL only, needs parallel sessions; set TEST_DATABASE_URL)";
const poolSizeBefore = process.env.DATABASE_POOL_SIZE;
// Many transactions wait on one event's lock at once (read when the database opens).
process.env.DATABASE_POOL_SIZE = "30";
const t = withTestDatabase();
let admin: Actor;
let typeId: string;

beforeAll(async () => {
  admin = (await createActor(t.prisma, Role.ADMIN)).actor;
  typeId = (await t.prisma.eventType.create({ data: { name: uniqueTag("Public "), isPublic: true } })).id;
});
afterAll(() => {
  process.env.DATABASE_POOL_SIZE = poolSizeBefore;
});
afterEach(() => setClock(NOW));
setClock(NOW);

const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);

async function newEvent(overrides: Partial<EventInput>) {
  const values = eventFormInput(typeId, { publicRegistration: true, ...overrides });
  return { ...(await createEvent(t.prisma, { actor: admin, ...values })), values };
}

const staffAdds = (email = `${uniqueTag()}@example.test`): Registrant => ({ source: "STAFF", actor: admin, name: `Walk-in ${uniqueTag()}`, email });
const publicly = (email = `${uniqueTag()}@example.test`): Extract<Registrant, { source: "PUBLIC" }> => ({
  source: "PUBLIC",
  name: `Person ${uniqueTag()}`,
  email,
  locale: "en",
});

/** Counters and rows agree, and nobody is seated past the seats (nor queued past the reserve seats). */
async function expectConsistent(eventId: string) {
  const event = await t.prisma.event.findUniqueOrThrow({
    where: { id: eventId },
    select: { seats: true, reserveSeats: true, registeredCount: true, reserveCount: true },
  });
  const count = (status: "REGISTERED" | "RESERVE") => t.prisma.registration.count({ where: { eventId, status } });
  const openOffers = await t.prisma.registration.count({ where: { eventId, status: "RESERVE", offer: "OPEN" } });
  const [registered, reserve] = await Promise.all([count("REGISTERED"), count("RESERVE")]);
  expect(event.registeredCount).toBe(registered);
  expect(event.reserveCount).toBe(reserve);
  expect(registered + openOffers).toBeLessThanOrEqual(event.seats);
  expect(reserve).toBeLessThanOrEqual(event.reserveSeats);
  return { ...event, registered, reserve, openOffers };
}

/** Each registration got at most one e-mail of this template. */
async function expectOnceEach(eventId: string, template: "eventPromoted" | "eventOffer") {
  const rows = await t.prisma.registration.findMany({ where: { eventId }, select: { email: true } });
  const mails = await t.prisma.emailMessage.groupBy({ by: ["to"], where: { template, to: { in: rows.map((r) => r.email) } }, _count: true });
  for (const m of mails) expect(m._count, `${template} to ${m.to}`).toBe(1);
  return mails.length;
}

describe.skipIf(!onPostgres)(`waitlist rules under concurrency${skipNote}`, () => {
  it("holds expiring while people register: the freed seats go to the reserves once, never overbooked", { timeout: 120_000 }, async () => {
    const event = await newEvent({ seats: 5, reserveSeats: 5, confirmPublicSignups: true, holdMinutes: 30 });
    for (let i = 0; i < 5; i++) await registerForPublicEvent(t.prisma, event.slug, publicly());
    const reserves = [];
    for (let i = 0; i < 5; i++) reserves.push(await registerForEvent(t.prisma, event.id, staffAdds()));
    expect(reserves.every((r) => r.status === "RESERVE")).toBe(true);

    setClock(minutes(30));
    const newcomers = Array.from({ length: 20 }, () => publicly());
    const settled = await Promise.allSettled([
      expireHoldsAndOffers(t.prisma),
      expireHoldsAndOffers(t.prisma),
      ...newcomers.map((p) => registerForPublicEvent(t.prisma, event.slug, p)),
      expireHoldsAndOffers(t.prisma),
    ]);
    const sweeps = [settled[0], settled[1], settled[settled.length - 1]].map((s) => {
      if (s.status !== "fulfilled") throw s.reason;
      return s.value as Awaited<ReturnType<typeof expireHoldsAndOffers>>;
    });
    expect(sweeps.reduce((n, s) => n + s.expiredHolds, 0)).toBe(5);
    const joined = settled.slice(2, -1).filter((s) => s.status === "fulfilled");
    const refused = settled.slice(2, -1).filter((s) => s.status === "rejected");
    expect(refused.every((s) => (s as PromiseRejectedResult).reason?.key === "events.errors.full")).toBe(true);
    // The five freed seats go to the reserves; newcomers get at most the five reserve places that opens.
    expect(joined.length).toBeLessThanOrEqual(5);

    const state = await expectConsistent(event.id);
    expect(state.registered).toBe(5);
    expect(state.reserve).toBe(joined.length);
    const promoted = await t.prisma.registration.count({ where: { id: { in: reserves.map((r) => r.registrationId) }, status: "REGISTERED" } });
    expect(promoted).toBe(5);
    expect(await expectOnceEach(event.id, "eventPromoted")).toBe(5);
  });

  it("offers answered at their deadline while the sweep runs: each seat accepted or passed on, once", { timeout: 120_000 }, async () => {
    const event = await newEvent({ seats: 1, reserveSeats: 4, waitlistMode: "OFFERS", offerHours: 24 });
    const seated = await registerForEvent(t.prisma, event.id, staffAdds());
    const reserves = [];
    for (let i = 0; i < 4; i++) reserves.push(await registerForPublicEvent(t.prisma, event.slug, publicly()));

    // Just before the deadline: five clicks on "accept" and two sweeps at once.
    await cancelRegistration(t.prisma, { actor: admin }, seated.registrationId);
    setClock(new Date(NOW.getTime() + 24 * 3_600_000 - 1));
    const first = reserves[0];
    const early = await Promise.allSettled([
      ...Array.from({ length: 5 }, () => acceptOffer(t.prisma, { accessToken: first.accessToken! }, first.registrationId)),
      expireHoldsAndOffers(t.prisma),
      expireHoldsAndOffers(t.prisma),
    ]);
    expect(early.every((s) => s.status === "fulfilled")).toBe(true);
    const accepts = early.slice(0, 5).map((s) => (s as PromiseFulfilledResult<{ already: boolean }>).value);
    expect(accepts.filter((a) => !a.already)).toHaveLength(1);
    expect((await t.prisma.registration.findUniqueOrThrow({ where: { id: first.registrationId } })).status).toBe("REGISTERED");
    let state = await expectConsistent(event.id);
    expect([state.registered, state.reserve, state.openOffers]).toEqual([1, 3, 0]);

    // At the deadline: the accepts are refused and the sweeps pass the seat on, once.
    setClock(NOW);
    await cancelRegistration(t.prisma, { actor: admin }, first.registrationId);
    const second = reserves[1];
    setClock(new Date(NOW.getTime() + 24 * 3_600_000));
    const late = await Promise.allSettled([
      ...Array.from({ length: 5 }, () => acceptOffer(t.prisma, { accessToken: second.accessToken! }, second.registrationId)),
      expireHoldsAndOffers(t.prisma),
      expireHoldsAndOffers(t.prisma),
    ]);
    for (const s of late.slice(0, 5)) expect(s).toMatchObject({ status: "rejected", reason: { key: "events.errors.offerExpired" } });
    const sweeps = late.slice(5).map((s) => (s as PromiseFulfilledResult<Awaited<ReturnType<typeof expireHoldsAndOffers>>>).value);
    expect(sweeps.reduce((n, s) => n + s.expiredOffers, 0)).toBe(1);
    state = await expectConsistent(event.id);
    expect([state.registered, state.reserve, state.openOffers]).toEqual([0, 2, 1]);
    expect((await t.prisma.registration.findUniqueOrThrow({ where: { id: reserves[2].registrationId } })).offer).toBe("OPEN");
    expect(await expectOnceEach(event.id, "eventOffer")).toBe(3);
  });

  for (const waitlistMode of ["AUTOMATIC", "OFFERS"] as const) {
    it(`seat raises racing registrations (${waitlistMode}): no overbooking, each reserve moved up or offered once`, { timeout: 120_000 }, async () => {
      const event = await newEvent({ seats: 5, reserveSeats: 10, waitlistMode });
      for (let i = 0; i < 15; i++) await registerForEvent(t.prisma, event.id, staffAdds());
      const raise = (seats: number) => updateEvent(t.prisma, admin, event.id, eventSchema.parse({ ...event.values, seats }));
      const settled = await Promise.allSettled([
        raise(8),
        ...Array.from({ length: 10 }, () => registerForEvent(t.prisma, event.id, staffAdds())),
        raise(12),
        ...Array.from({ length: 10 }, () => registerForEvent(t.prisma, event.id, staffAdds())),
        raise(12),
      ]);
      // A registration may find the event full; the raise to 8 may land after the raise to 12 had filled 12 seats, and
      // cutting seats below the registered count is refused (a field error on the seats).
      const refusal = (reason: { key?: string; fields?: Record<string, string> } | undefined) => reason?.fields?.seats ?? reason?.key;
      for (const s of settled) if (s.status === "rejected") expect(["events.errors.full", "events.errors.seatsBelowRegistered"]).toContain(refusal(s.reason));
      const state = await expectConsistent(event.id);
      expect(state.seats).toBe(12);
      const template = waitlistMode === "OFFERS" ? "eventOffer" : "eventPromoted";
      const moved = await expectOnceEach(event.id, template);
      if (waitlistMode === "AUTOMATIC") {
        expect(state.registered).toBe(12);
        expect(moved).toBe(7);
      } else {
        // Offered seats stay the reserves' until answered; the other seats are anyone's.
        expect(state.registered + state.openOffers).toBe(12);
        expect(moved).toBe(state.openOffers);
      }
    });
  }
});
