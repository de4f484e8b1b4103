// Waitlist offers: on an event that offers freed seats, the first reserve is
// offered the seat with a deadline instead of being moved up at once. The seat
// is theirs to take until then (nobody else gets it); accepting registers
// them, declining or letting the deadline pass offers it to the next reserve.
// Public registrants answer through a freshly issued private link, clients in
// the portal. Everything happens under the event's lock.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { setClock } from "@/lib/clock";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { updateEvent } from "@/lib/events/event-save";
import { expireHoldsAndOffers } from "@/lib/events/holds";
import { acceptOffer, declineOffer } from "@/lib/events/offers";
import { listParticipants } from "@/lib/events/participants";
import { seatsLeft } from "@/lib/events/portal-events";
import { offerDeadline } from "@/lib/events/promotion";
import { getPublicEvent } from "@/lib/events/public-events";
import { cancelRegistration, findRegistrationByToken, registerForEvent, registerForPublicEvent, type Registrant } from "@/lib/events/registration";
import { eventSchema, type EventInput } from "@/lib/events/schemas";
import { Role } from "@/lib/generated/prisma/enums";
import { createActor, createClient, createEvent, eventFormInput, uniqueTag } from "../helpers/factories";
import { withTestDatabase } from "../helpers/db-test";
import { received } from "../helpers/mail";

const NOW = new Date("2030-01-10T12:00:00Z");
const t = withTestDatabase();
let admin: Actor;
let typeId: string;

beforeAll(async () => {
  admin = (await createActor(t.prisma, Role.ADMIN)).actor;
  typeId = (await t.prisma.eventType.create({ data: { name: uniqueTag("Public "), isPublic: true } })).id;
});
afterEach(async () => {
  setClock(NOW);
  // Each test counts what one sweep ends: offers left by earlier tests are settled first.
  await t.prisma.registration.updateMany({ where: { offer: "OPEN" }, data: { offer: "DECLINED", status: "CANCELLED" } });
});
setClock(NOW);

const hours = (n: number) => new Date(NOW.getTime() + n * 3_600_000);

const input = (overrides: Partial<EventInput>) =>
  eventFormInput(typeId, {
    publicRegistration: true,
    visibleInPortal: true,
    waitlistMode: "OFFERS",
    seats: 1,
    reserveSeats: 3,
    ...overrides,
  });

/** An event (2030-03-01) offering freed seats, 1 seat and 3 reserve seats unless told otherwise. */
async function newEvent(overrides: Partial<EventInput> = {}) {
  const values = input(overrides);
  const event = await createEvent(t.prisma, { actor: admin, ...values });
  return { ...event, values };
}

const staffAdds = (email = `${uniqueTag()}@example.test`): Registrant => ({ source: "STAFF", actor: admin, name: `Walk-in ${uniqueTag()}`, email });
const publicly = (email = `${uniqueTag()}@example.test`): Extract<Registrant, { source: "PUBLIC" }> => ({
  source: "PUBLIC",
  name: `Person ${uniqueTag()}`,
  email,
  locale: "en",
});

const row = (id: string) =>
  t.prisma.registration.findUniqueOrThrow({ where: { id }, select: { status: true, offer: true, offerExpiresAt: true, email: true } });
const counters = (id: string) => t.prisma.event.findUniqueOrThrow({ where: { id }, select: { registeredCount: true, reserveCount: true } });
const offersTo = (to: string) => t.prisma.emailMessage.findMany({ where: { to, template: "eventOffer" } });

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (e: unknown) => e,
  );
}

/** One registered participant (staff-added) and the reserves given, in order. */
async function fullEvent(overrides: Partial<EventInput> = {}) {
  const event = await newEvent(overrides);
  const seated = await registerForEvent(t.prisma, event.id, staffAdds());
  const publicReserve = publicly();
  const first = await registerForPublicEvent(t.prisma, event.slug, publicReserve);
  const client = await createClient(t.prisma);
  const second = await registerForEvent(t.prisma, event.id, { source: "PORTAL", actor: client.actor });
  expect([first.status, second.status]).toEqual(["RESERVE", "RESERVE"]);
  return { event, seated, first, firstEmail: publicReserve.email, second, client: client.actor, clientEmail: client.user.email };
}

describe("a freed seat on an event that offers seats", () => {
  it("is offered to the first reserve until the event's deadline; the reserve stays a reserve meanwhile", async () => {
    const { event, seated, first, firstEmail, second } = await fullEvent({ offerHours: 12 });
    const cancelled = await cancelRegistration(t.prisma, { actor: admin }, seated.registrationId);
    expect(cancelled.promotedIds).toEqual([]);
    expect(await row(first.registrationId)).toMatchObject({ status: "RESERVE", offer: "OPEN", offerExpiresAt: hours(12) });
    expect((await row(second.registrationId)).offer).toBeNull();
    expect(await counters(event.id)).toEqual({ registeredCount: 0, reserveCount: 2 });
    expect(await offersTo(firstEmail)).toHaveLength(1);
    // The cancellation's notice and the offer were both written by the cancelling transaction.
    expect(cancelled.emailIds).toHaveLength(2);
  });

  it("is not given to anyone else while offered: a newcomer joins the reserve list", async () => {
    const { event, seated } = await fullEvent();
    await cancelRegistration(t.prisma, { actor: admin }, seated.registrationId);
    // The event's page shows no seat left: the free one is promised.
    expect(seatsLeft(await getPublicEvent(t.prisma, event.slug))).toEqual({ seats: 0, reserve: 1 });
    const newcomer = await registerForPublicEvent(t.prisma, event.slug, publicly());
    expect(newcomer.status).toBe("RESERVE");
    expect(await counters(event.id)).toEqual({ registeredCount: 0, reserveCount: 3 });
    // The reserve list is full and the seat is offered: the event is full.
    await expect(registerForPublicEvent(t.prisma, event.slug, publicly())).rejects.toMatchObject({ key: "events.errors.full" });
  });

  it("reaches a public registrant with a fresh private link that opens the offer", async () => {
    const { event, seated, first, firstEmail } = await fullEvent();
    await cancelRegistration(t.prisma, { actor: admin }, seated.registrationId);
    const [mail] = await offersTo(firstEmail);
    const { html, text } = await received(mail);
    const match = /\/e\/[^/]+\/r\/([A-Za-z0-9_-]+)/.exec(text);
    expect(match).not.toBeNull();
    const token = match![1];
    expect(html).toContain(`/e/${event.slug}/r/${token}`);
    // Not the token handed out at sign-up: a new link, stored as a hash only.
    expect(token).not.toBe(first.accessToken);
    expect((await findRegistrationByToken(t.prisma, token))?.id).toBe(first.registrationId);
    expect(await t.prisma.registrationLink.count({ where: { registrationId: first.registrationId } })).toBe(1);

    const accepted = await acceptOffer(t.prisma, { accessToken: token }, first.registrationId);
    expect(accepted.already).toBe(false);
    expect(await row(first.registrationId)).toMatchObject({ status: "REGISTERED", offer: "ACCEPTED" });
    expect(await counters(event.id)).toEqual({ registeredCount: 1, reserveCount: 1 });
    expect(await t.prisma.emailMessage.count({ where: { to: firstEmail, template: "eventPromoted" } })).toBe(1);
    // Accepting twice (a double click, the e-mail's link opened again) changes nothing.
    expect(await acceptOffer(t.prisma, { accessToken: token }, first.registrationId)).toMatchObject({ already: true, emailIds: [] });
    expect(await counters(event.id)).toEqual({ registeredCount: 1, reserveCount: 1 });
  });

  it("reaches a client in the portal, who accepts there", async () => {
    const { event, seated, first, second, client, clientEmail } = await fullEvent();
    await cancelRegistration(t.prisma, { actor: admin }, first.registrationId);
    await cancelRegistration(t.prisma, { actor: admin }, seated.registrationId);
    const [mail] = await offersTo(clientEmail);
    const { text } = await received(mail);
    expect(text).toContain(`/portal/events/${event.number}`);
    await acceptOffer(t.prisma, { actor: client }, second.registrationId);
    expect(await row(second.registrationId)).toMatchObject({ status: "REGISTERED", offer: "ACCEPTED" });
    expect(await counters(event.id)).toEqual({ registeredCount: 1, reserveCount: 0 });
  });

  it("passes to the next reserve when declined; the decliner leaves the reserve list", async () => {
    const { event, seated, first, second, client } = await fullEvent();
    await cancelRegistration(t.prisma, { actor: admin }, seated.registrationId);
    const declined = await declineOffer(t.prisma, { accessToken: first.accessToken! }, first.registrationId);
    expect(declined.emailIds).toHaveLength(1);
    expect(await row(first.registrationId)).toMatchObject({ status: "CANCELLED", offer: "DECLINED" });
    expect(await row(second.registrationId)).toMatchObject({ status: "RESERVE", offer: "OPEN" });
    expect(await counters(event.id)).toEqual({ registeredCount: 0, reserveCount: 1 });
    // Declining again is harmless; accepting a declined offer is refused.
    expect(await declineOffer(t.prisma, { accessToken: first.accessToken! }, first.registrationId)).toMatchObject({ already: true });
    expect(await rejection(acceptOffer(t.prisma, { accessToken: first.accessToken! }, first.registrationId))).toMatchObject({ key: "events.errors.noOffer" });
    await acceptOffer(t.prisma, { actor: client }, second.registrationId);
    expect(await counters(event.id)).toEqual({ registeredCount: 1, reserveCount: 0 });
  });

  it("passes to the next reserve when the deadline passes; an answer at the deadline is refused as expired", async () => {
    const { event, seated, first, firstEmail, second, clientEmail: secondEmail } = await fullEvent({ offerHours: 24 });
    await cancelRegistration(t.prisma, { actor: admin }, seated.registrationId);
    setClock(new Date(hours(24).getTime() - 1));
    expect(await expireHoldsAndOffers(t.prisma)).toMatchObject({ expiredOffers: 0 });
    setClock(hours(24));
    const late = await rejection(acceptOffer(t.prisma, { accessToken: first.accessToken! }, first.registrationId));
    expect(late).toBeInstanceOf(ConflictError);
    expect(late).toMatchObject({ key: "events.errors.offerExpired" });
    const sweep = await expireHoldsAndOffers(t.prisma);
    expect(sweep).toMatchObject({ expiredHolds: 0, expiredOffers: 1 });
    // The first reserve hears their offer ran out; the second is offered the seat.
    expect(sweep.emailIds).toHaveLength(2);
    const [lapsed] = await t.prisma.emailMessage.findMany({ where: { to: firstEmail, template: "eventOfferLapsed" } });
    expect(lapsed.subject).toBe(`Your seat offer ran out: ${event.values.name}`);
    const { text } = await received(lapsed);
    expect(text).toContain("was not accepted by its deadline, so your place on the reserve list has ended");
    expect(text).toContain(`/e/${event.slug}`);
    expect(await offersTo(secondEmail)).toHaveLength(1);
    expect(await row(first.registrationId)).toMatchObject({ status: "CANCELLED", offer: "EXPIRED" });
    expect(await row(second.registrationId)).toMatchObject({ status: "RESERVE", offer: "OPEN", offerExpiresAt: hours(48) });
    expect(await counters(event.id)).toEqual({ registeredCount: 0, reserveCount: 1 });
    expect(await rejection(acceptOffer(t.prisma, { accessToken: first.accessToken! }, first.registrationId))).toMatchObject({
      key: "events.errors.offerExpired",
    });
    // Nothing more to do on the next run.
    expect(await expireHoldsAndOffers(t.prisma)).toEqual({ expiredHolds: 0, expiredOffers: 0, emailIds: [] });
  });

  it("ends with the event: offers of a cancelled event lapse without an e-mail", async () => {
    const { event, seated, first, firstEmail } = await fullEvent({ offerHours: 24 });
    await cancelRegistration(t.prisma, { actor: admin }, seated.registrationId);
    await updateEvent(t.prisma, admin, event.id, eventSchema.parse({ ...event.values, status: "CANCELLED" }));
    setClock(hours(24));
    expect(await expireHoldsAndOffers(t.prisma)).toMatchObject({ expiredOffers: 1, emailIds: [] });
    expect(await row(first.registrationId)).toMatchObject({ status: "CANCELLED", offer: "EXPIRED" });
    expect(await t.prisma.emailMessage.count({ where: { to: firstEmail, template: "eventOfferLapsed" } })).toBe(0);
  });

  it("passes on when staff cancel the offered reserve", async () => {
    const { seated, first, second } = await fullEvent();
    await cancelRegistration(t.prisma, { actor: admin }, seated.registrationId);
    await cancelRegistration(t.prisma, { actor: admin }, first.registrationId);
    expect(await row(first.registrationId)).toMatchObject({ status: "CANCELLED", offer: "DECLINED" });
    expect(await row(second.registrationId)).toMatchObject({ status: "RESERVE", offer: "OPEN" });
  });

  it("can be answered only by its registrant", async () => {
    const { seated, first, second } = await fullEvent();
    await cancelRegistration(t.prisma, { actor: admin }, seated.registrationId);
    const stranger = await createClient(t.prisma);
    expect(await rejection(acceptOffer(t.prisma, { actor: stranger.actor }, first.registrationId))).toBeInstanceOf(NotFoundError);
    expect(await rejection(acceptOffer(t.prisma, { accessToken: "wrong" }, first.registrationId))).toBeInstanceOf(NotFoundError);
    expect(await rejection(acceptOffer(t.prisma, { accessToken: first.accessToken! }, second.registrationId))).toBeInstanceOf(NotFoundError);
    expect((await row(first.registrationId)).offer).toBe("OPEN");
  });

  it("is refused to a reserve holding no offer", async () => {
    const { second, client } = await fullEvent();
    expect(await rejection(acceptOffer(t.prisma, { actor: client }, second.registrationId))).toMatchObject({ key: "events.errors.noOffer" });
  });

  it("comes from raised seats too: each new seat is offered to one reserve", async () => {
    const { event, first, second } = await fullEvent();
    const saved = await updateEvent(t.prisma, admin, event.id, eventSchema.parse({ ...event.values, seats: 3 }));
    expect(saved.emailIds).toHaveLength(2);
    expect(await row(first.registrationId)).toMatchObject({ offer: "OPEN" });
    expect(await row(second.registrationId)).toMatchObject({ offer: "OPEN" });
    expect(await counters(event.id)).toEqual({ registeredCount: 1, reserveCount: 2 });
    // A seat left once every reserve holds an offer is free for anyone.
    await updateEvent(t.prisma, admin, event.id, eventSchema.parse({ ...event.values, seats: 4 }));
    const newcomer = await registerForEvent(t.prisma, event.id, staffAdds());
    expect(newcomer.status).toBe("REGISTERED");
    expect(await counters(event.id)).toEqual({ registeredCount: 2, reserveCount: 2 });
    // Saving again offers nothing twice.
    expect((await updateEvent(t.prisma, admin, event.id, eventSchema.parse({ ...event.values, seats: 4 }))).emailIds).toEqual([]);
  });

  it("keeps an offered seat through a seat cut: staff cannot cut below the registered plus the offered", async () => {
    const { event, first } = await fullEvent();
    // A second seat, offered to the first reserve: one seat taken, one promised.
    await updateEvent(t.prisma, admin, event.id, eventSchema.parse({ ...event.values, seats: 2 }));
    expect(await row(first.registrationId)).toMatchObject({ offer: "OPEN" });
    const cut = await rejection(updateEvent(t.prisma, admin, event.id, eventSchema.parse({ ...event.values, seats: 1 })));
    expect(cut).toMatchObject({ fields: { seats: "events.errors.seatsBelowRegistered" } });
    // The offer still stands and can be taken.
    await acceptOffer(t.prisma, { accessToken: first.accessToken! }, first.registrationId);
    expect(await counters(event.id)).toEqual({ registeredCount: 2, reserveCount: 1 });
  });

  it("offers seats found free at sign-up before giving one to the newcomer", async () => {
    // Seats free while reserves wait without offers: a state only a crash or an
    // earlier version leaves (every path that frees a seat offers it at once).
    const { event, first, second } = await fullEvent({ seats: 1, reserveSeats: 4 });
    await t.prisma.event.update({ where: { id: event.id }, data: { seats: 2 } });
    const newcomer = await registerForPublicEvent(t.prisma, event.slug, publicly());
    // The free seat went to the first reserve as an offer; the newcomer waits behind.
    expect(newcomer.status).toBe("RESERVE");
    expect(await row(first.registrationId)).toMatchObject({ status: "RESERVE", offer: "OPEN" });
    expect((await row(second.registrationId)).offer).toBeNull();
    expect(await counters(event.id)).toEqual({ registeredCount: 1, reserveCount: 3 });
  });

  it("shows in the participants list: the offered filter and each row's offer", async () => {
    const { event, seated, first } = await fullEvent();
    await cancelRegistration(t.prisma, { actor: admin }, seated.registrationId);
    const page = await listParticipants(t.prisma, admin, event.id, { page: 1, pageSize: 20, q: "" }, "offered");
    expect(page.rows.map((r) => r.id)).toEqual([first.registrationId]);
    expect(page.rows[0]).toMatchObject({ offer: "OPEN", offerExpiresAt: hours(24), reservePosition: 1 });
  });
});

describe("the offer's deadline", () => {
  const event = { offerHours: 24, startsAt: hours(5), endsAt: hours(8) };
  it("is the event's offer time from now, but never past the start (or, once started, the end)", () => {
    expect(offerDeadline({ ...event, startsAt: hours(48), endsAt: hours(50) }, NOW)).toEqual(hours(24));
    expect(offerDeadline(event, NOW)).toEqual(hours(5));
    expect(offerDeadline(event, hours(6))).toEqual(hours(8));
  });
});

describe("automatic promotion (the default)", () => {
  it("moves the first reserve up at once, without an offer", async () => {
    const { event, seated, first } = await fullEvent({ waitlistMode: "AUTOMATIC" });
    const cancelled = await cancelRegistration(t.prisma, { actor: admin }, seated.registrationId);
    expect(cancelled.promotedIds).toEqual([first.registrationId]);
    expect(await row(first.registrationId)).toMatchObject({ status: "REGISTERED", offer: null });
    expect(await counters(event.id)).toEqual({ registeredCount: 1, reserveCount: 1 });
  });
});
