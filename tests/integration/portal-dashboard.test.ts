// The client's dashboard: each section counts and lists only what is the
// client's (tickets and contacts of the customer records they reach, events
// they registered for), at most a few rows, with the join button exactly when
// the online access window is open. Another customer's records never appear.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { setClock } from "@/lib/clock";
import { ForbiddenError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { DASHBOARD_LIMIT, portalDashboard } from "@/lib/portal-dashboard";
import { cancelTicket } from "@/lib/tickets/admin";
import { forwardTicket } from "@/lib/tickets/forward";
import { openTicket } from "@/lib/tickets/open-ticket";
import { saveUnderstanding } from "@/lib/tickets/understanding";
import { createActor, uniqueTag } from "../helpers/factories";
import { withTestDatabase } from "../helpers/db-test";
import { createTicketClient, createTicketWorkflow, type TicketWorkflow } from "../helpers/ticket-fixtures";

const t = withTestDatabase();
let wf: TicketWorkflow;
let staff: Actor;
let admin: Actor;
let typeId: string;
let alice: Awaited<ReturnType<typeof createTicketClient>>;
let bob: Awaited<ReturnType<typeof createTicketClient>>;
const hour = 3600_000;
const NOW = new Date("2026-05-10T12:00:00Z");

beforeAll(async () => {
  setClock(NOW);
  wf = await createTicketWorkflow(t.prisma);
  staff = (await createActor(t.prisma, "STAFF")).actor;
  admin = (await createActor(t.prisma, "ADMIN")).actor;
  typeId = (await t.prisma.eventType.create({ data: { name: "Training" } })).id;
  alice = await createTicketClient(t.prisma);
  bob = await createTicketClient(t.prisma);
});
afterEach(() => setClock(NOW));

async function openAs(who: typeof alice, subject: string) {
  return openTicket(t.prisma, who.actor, {
    customerId: who.customer.id,
    typeId: wf.type.id,
    subject,
    description: "Details",
    values: { [wf.fields.system.id]: "ERP" },
    toStageId: wf.stages.analysis.id,
    conditionId: wf.conditions.request,
    reason: "Please help",
    fileIds: [],
  });
}

/** Staff hand the ticket to the client's review stage, with an understanding to decide on when given. */
async function toClient(ticketId: string, understanding?: string) {
  if (understanding) await saveUnderstanding(t.prisma, staff, ticketId, { understanding });
  await forwardTicket(t.prisma, staff, ticketId, {
    toStageId: wf.stages.review.id,
    conditionId: wf.conditions.proposed,
    reason: "Over to you",
    values: { [wf.fields.rootCause.id]: "x" },
  });
}

async function event(startsInHours: number, overrides: Partial<Prisma.EventUncheckedCreateInput> = {}) {
  const tag = uniqueTag("ev");
  const startsAt = new Date(NOW.getTime() + startsInHours * hour);
  return t.prisma.event.create({
    data: {
      name: `Event ${tag}`,
      slug: tag,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * hour),
      timeZone: "UTC",
      typeId,
      seats: 10,
      visibleInPortal: true,
      ...overrides,
    },
  });
}

async function register(eventId: string, who: typeof alice, status: "REGISTERED" | "RESERVE" | "CANCELLED" = "REGISTERED") {
  return t.prisma.registration.create({ data: { eventId, userId: who.user.id, name: who.user.name, email: who.user.email, status, source: "PORTAL" } });
}

async function contact(who: typeof alice, status: "OPEN" | "FINISHED" = "OPEN") {
  return t.prisma.contact.create({
    data: {
      customerId: who.customer.id,
      module: "CENTRAL",
      classificationName: `Question ${uniqueTag()}`,
      contactName: who.user.name,
      phone: "123",
      email: who.user.email,
      status,
    },
  });
}

describe("the client dashboard", () => {
  it("counts and lists only the client's own tickets, events and contacts", async () => {
    // Alice: two tickets on her turn (one with an understanding to decide), one with staff, one cancelled.
    const yourTurn = await openAs(alice, "Printer offline");
    await toClient(yourTurn.id);
    const decide = await openAs(alice, "New laptop");
    await toClient(decide.id, "We will replace it.");
    await openAs(alice, "With staff");
    const cancelled = await openAs(alice, "Opened twice");
    await toClient(cancelled.id);
    await cancelTicket(t.prisma, admin, cancelled.id, { reason: "Duplicate" });
    // Bob, another customer: a ticket on his turn with an understanding, an event, a contact.
    const bobs = await openAs(bob, "Bob's ticket");
    await toClient(bobs.id, "Bob's understanding");
    const bobsEvent = await event(24);
    await register(bobsEvent.id, bob);
    const bobsContact = await contact(bob);

    // Alice's events: online and starting within the hour (join open), tomorrow (not yet),
    // a reserve seat, one cancelled registration, one event over, one event cancelled.
    const soon = await event(0.5, { onlineUrl: "https://meet.example/soon" });
    const tomorrow = await event(24, { onlineUrl: "https://meet.example/tomorrow" });
    const reserve = await event(48, { onlineUrl: "https://meet.example/reserve" });
    const dropped = await event(72);
    const over = await event(-5);
    const called = await event(96, { status: "CANCELLED" });
    await register(soon.id, alice);
    await register(tomorrow.id, alice);
    await register(reserve.id, alice, "RESERVE");
    await register(dropped.id, alice, "CANCELLED");
    await register(over.id, alice);
    await register(called.id, alice);
    const open = await contact(alice);
    await contact(alice, "FINISHED");

    const dashboard = await portalDashboard(t.prisma, alice.actor);
    expect(dashboard.yourTurn.count).toBe(2);
    expect(dashboard.yourTurn.rows.map((r) => r.subject).sort()).toEqual(["New laptop", "Printer offline"]);
    expect(dashboard.decisions).toMatchObject({ count: 1, rows: [{ id: decide.id, subject: "New laptop" }] });
    expect(dashboard.events.count).toBe(3);
    expect(dashboard.events.rows.map((e) => [e.number, e.status, e.canJoin])).toEqual([
      [soon.number, "REGISTERED", true],
      [tomorrow.number, "REGISTERED", false],
      // A reserve holds no seat, so is never offered the way in.
      [reserve.number, "RESERVE", false],
    ]);
    expect(dashboard.contacts).toMatchObject({ count: 1, rows: [{ id: open.id }] });
    expect(dashboard.customers.map((c) => c.id)).toEqual([alice.customer.id]);

    const all = JSON.stringify(dashboard);
    for (const foreign of [bobs.id, bobsEvent.name, bobsContact.id, "Bob's"]) expect(all).not.toContain(foreign);
    // The conference link itself is only handed out by the join page.
    expect(all).not.toContain("meet.example");

    // Bob sees his own, and none of Alice's.
    const bobsDashboard = await portalDashboard(t.prisma, bob.actor);
    expect(bobsDashboard).toMatchObject({ yourTurn: { count: 1 }, decisions: { count: 1 }, events: { count: 1 }, contacts: { count: 1 } });
    expect(JSON.stringify(bobsDashboard)).not.toContain(alice.customer.id);

    // The join button follows the clock: 59 minutes before tomorrow's start it is open too.
    setClock(new Date(tomorrow.startsAt.getTime() - 59 * 60_000));
    const later = await portalDashboard(t.prisma, alice.actor);
    expect(later.events.rows.find((e) => e.number === tomorrow.number)?.canJoin).toBe(true);
    // The event that was starting soon has ended by then and leaves the list.
    expect(later.events.rows.map((e) => e.number)).not.toContain(soon.number);
  });

  it("shows at most a few rows per section while counting them all", async () => {
    const carol = await createTicketClient(t.prisma);
    for (let i = 0; i < DASHBOARD_LIMIT + 2; i++) await register((await event(10 + i)).id, carol);
    for (let i = 0; i < DASHBOARD_LIMIT + 1; i++) await contact(carol);
    const dashboard = await portalDashboard(t.prisma, carol.actor);
    expect(dashboard.events.count).toBe(DASHBOARD_LIMIT + 2);
    expect(dashboard.events.rows).toHaveLength(DASHBOARD_LIMIT);
    // Soonest first.
    const starts = dashboard.events.rows.map((e) => e.startsAt.getTime());
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(dashboard.contacts?.count).toBe(DASHBOARD_LIMIT + 1);
    expect(dashboard.contacts?.rows).toHaveLength(DASHBOARD_LIMIT);
    expect(dashboard).toMatchObject({ yourTurn: { count: 0, rows: [] }, decisions: { count: 0, rows: [] } });
  });

  it("has no contacts section for a client who reaches no company, and is for clients only", async () => {
    const { actor: person } = await createActor(t.prisma, "CLIENT");
    expect((await portalDashboard(t.prisma, person)).contacts).toBeNull();
    await expect(portalDashboard(t.prisma, staff)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
