// What portal clients see of events: open events are visible in the
// portal, not cancelled and before their last registration date; "my events"
// lists the client's own registrations, past ones included, with reserve positions.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { setClock } from "@/lib/clock";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { cancellationRule, getPortalEvent, listMyRegistrations, listOpenEvents } from "@/lib/events/portal-events";
import { getPublicEvent } from "@/lib/events/public-events";
import { createActor, createEventRecord, uniqueTag } from "../helpers/factories";
import { withTestDatabase } from "../helpers/db-test";

const t = withTestDatabase();
let client: Actor;
let other: Actor;
let typeId: string;
const page = { page: 1, pageSize: 50, q: "" };
const day = 24 * 3600 * 1000;

// Offered in the portal unless a test says otherwise.
const event = (overrides: Partial<Prisma.EventUncheckedCreateInput> = {}) => createEventRecord(t.prisma, { typeId, visibleInPortal: true, ...overrides });

async function register(eventId: string, actor: Actor, status: "REGISTERED" | "RESERVE" | "CANCELLED" = "REGISTERED") {
  return t.prisma.registration.create({ data: { eventId, userId: actor.userId, name: actor.name, email: actor.email, status, source: "PORTAL" } });
}

beforeAll(async () => {
  client = (await createActor(t.prisma, "CLIENT")).actor;
  other = (await createActor(t.prisma, "CLIENT")).actor;
  typeId = (await t.prisma.eventType.create({ data: { name: "Training" } })).id;
});
afterEach(() => setClock(null));

describe("events open for registration", () => {
  it("lists only visible, not cancelled main events before their last registration date", async () => {
    const open = await event({ registrationDeadline: new Date(Date.now() + day) });
    const noDeadline = await event();
    const hidden = await event({ visibleInPortal: false });
    const cancelled = await event({ status: "CANCELLED" });
    const closed = await event({ registrationDeadline: new Date(Date.now() - day) });
    const session = await event({ mainEventId: open.id });
    const ids = (await listOpenEvents(t.prisma, client, page)).rows.map((e) => e.id);
    expect(ids).toEqual(expect.arrayContaining([open.id, noDeadline.id]));
    for (const e of [hidden, cancelled, closed, session]) expect(ids).not.toContain(e.id);

    // The deadline is read from the clock: two days on, "open" has closed too.
    setClock(new Date(Date.now() + 2 * day));
    expect((await listOpenEvents(t.prisma, client, page)).rows.map((e) => e.id)).not.toContain(open.id);
  });

  it("is for portal clients only", async () => {
    const { actor: staff } = await createActor(t.prisma, "STAFF");
    await expect(listOpenEvents(t.prisma, staff, page)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("my events", () => {
  it("keeps past registrations and shows the reserve position", async () => {
    const past = await event({ startsAt: new Date(Date.now() - 30 * day), endsAt: new Date(Date.now() - 30 * day + 3600_000), visibleInPortal: false });
    await register(past.id, client);
    const full = await event({ seats: 1, reserveSeats: 5 });
    await register(full.id, other);
    await t.prisma.registration.create({ data: { eventId: full.id, name: "A", email: `${uniqueTag()}@x.test`, status: "RESERVE", source: "PUBLIC" } });
    await register(full.id, client, "RESERVE");
    const mine = await listMyRegistrations(t.prisma, client, page);
    expect(mine.rows.map((r) => r.event.id)).toEqual(expect.arrayContaining([past.id, full.id]));
    expect(mine.rows.find((r) => r.event.id === full.id)?.reservePosition).toBe(2);
    // Another client's registrations never appear.
    expect((await listMyRegistrations(t.prisma, other, page)).rows.map((r) => r.event.id)).not.toContain(past.id);
  });

  it("opens an event page the client registered in even after it closed, but not a hidden one", async () => {
    const closed = await event({ visibleInPortal: false });
    await register(closed.id, client);
    expect((await getPortalEvent(t.prisma, client, closed.number)).registration?.status).toBe("REGISTERED");
    await expect(getPortalEvent(t.prisma, other, closed.number)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("a session's page", () => {
  it("is shown to someone not registered, with its main event to register and cancel through", async () => {
    const main = await event({ publicRegistration: true });
    const session = await event({ mainEventId: main.id, visibleInPortal: false, publicRegistration: false });
    const portal = await getPortalEvent(t.prisma, client, session.number);
    expect(portal.id).toBe(session.id);
    expect(portal.registration).toBeNull();
    expect(portal.mainEvent).toEqual({ number: main.number, name: main.name });
    const pub = await getPublicEvent(t.prisma, session.slug);
    expect(pub.id).toBe(session.id);
    expect(pub.mainEvent).toEqual({ slug: main.slug, name: main.name });
  });

  it("stays hidden when its main event is not open to the viewer", async () => {
    const hidden = await event({ visibleInPortal: false, publicRegistration: false });
    const session = await event({ mainEventId: hidden.id });
    await expect(getPortalEvent(t.prisma, client, session.number)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getPublicEvent(t.prisma, session.slug)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("says sessions are cancelled through the main event, not that the deadline passed", async () => {
    const main = await event({ cancellationDeadline: new Date(Date.now() + day) });
    const session = await event({ mainEventId: main.id, cancellationDeadline: new Date(Date.now() + day) });
    expect(cancellationRule(session)).toEqual({ canCancel: false, reason: "throughMainEvent" });
    expect(cancellationRule(main)).toEqual({ canCancel: true, reason: null });
    expect(cancellationRule({ ...main, cancellationDeadline: new Date(Date.now() - day) })).toEqual({ canCancel: false, reason: "deadlinePassed" });
  });
});
