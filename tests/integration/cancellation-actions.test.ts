// The screens' side of cancelling: each action answers with what the page
// needs to confirm it. A client's cancellation returns the event's number
// (the page then shows ?cancelled=1), staff's takes an optional reason checked
// by the form's own schema, and an administrator's ticket cancellation
// returns to the ticket's page with ?cancelled=1.
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";

const state = vi.hoisted(() => ({ actor: null as unknown as Actor, db: null as unknown as Db }));

vi.mock("@/lib/db", () => ({ db: new Proxy({}, { get: (_t, p) => Reflect.get(state.db as object, p) }) }));
vi.mock("@/lib/auth/session", () => ({
  getActor: async () => state.actor,
  requireClient: async () => state.actor,
  requireStaff: async () => state.actor,
  requireAdmin: async () => state.actor,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("@/lib/jobs/notify", () => ({ notifyOutbox: async () => {} }));

import { cancelParticipantAction } from "@/lib/events/participant-actions";
import { cancelMyRegistrationAction } from "@/lib/events/portal-actions";
import { registerForEvent } from "@/lib/events/registration";
import { forwardTicket } from "@/lib/tickets/forward";
import { openTicket } from "@/lib/tickets/open-ticket";
import { cancelTicketAction } from "@/lib/tickets/staff-actions";
import { createActor, uniqueTag } from "../helpers/factories";
import { withTestDatabase } from "../helpers/db-test";
import { createTicketClient, createTicketWorkflow } from "../helpers/ticket-fixtures";

const t = withTestDatabase();
let typeId: string;
const day = 24 * 3600 * 1000;

beforeAll(async () => {
  state.db = t.prisma;
  typeId = (await t.prisma.eventType.create({ data: { name: "Training" } })).id;
});

async function registeredClient() {
  const tag = uniqueTag("ev");
  const event = await t.prisma.event.create({
    data: {
      name: `Event ${tag}`,
      slug: tag,
      startsAt: new Date(Date.now() + 10 * day),
      endsAt: new Date(Date.now() + 10 * day + 3600_000),
      timeZone: "UTC",
      typeId,
      seats: 5,
      visibleInPortal: true,
    },
  });
  const { actor } = await createActor(t.prisma, "CLIENT");
  const { registrationId } = await registerForEvent(t.prisma, event.id, { source: "PORTAL", actor });
  return { event, actor, registrationId };
}

describe("cancelling a registration", () => {
  it("by the client answers with the event's number for the confirmation", async () => {
    const { event, actor, registrationId } = await registeredClient();
    state.actor = actor;
    expect(await cancelMyRegistrationAction(registrationId)).toMatchObject({ ok: true, data: { eventNumber: event.number } });
  });

  it("by staff refuses a reason past the limit on the field, then confirms with one", async () => {
    const { event, registrationId } = await registeredClient();
    state.actor = (await createActor(t.prisma, "STAFF")).actor;
    expect(await cancelParticipantAction(event.id, registrationId, { reason: "x".repeat(2001) })).toMatchObject({
      ok: false,
      fieldErrors: { reason: "validation.tooLong" },
    });
    expect(await t.prisma.registration.findUniqueOrThrow({ where: { id: registrationId } })).toMatchObject({ status: "REGISTERED" });

    expect(await cancelParticipantAction(event.id, registrationId, { reason: "Double booking." })).toMatchObject({
      ok: true,
      message: { key: "events.admin.registrationCancelled" },
    });
    expect(await t.prisma.registration.findUniqueOrThrow({ where: { id: registrationId } })).toMatchObject({
      status: "CANCELLED",
      cancelReason: "Double booking.",
    });
  });
});

describe("an administrator cancelling a ticket", () => {
  it("returns to the ticket's page, which confirms it", async () => {
    const wf = await createTicketWorkflow(t.prisma);
    const client = await createTicketClient(t.prisma);
    const staff = (await createActor(t.prisma, "STAFF")).actor;
    const opened = await openTicket(t.prisma, client.actor, {
      customerId: client.customer.id,
      typeId: wf.type.id,
      subject: "Printer offline",
      description: "It is broken.",
      values: { [wf.fields.system.id]: "ERP" },
      toStageId: wf.stages.analysis.id,
      conditionId: wf.conditions.request,
      reason: "Please help",
      fileIds: [],
    });
    await forwardTicket(t.prisma, staff, opened.id, {
      toStageId: wf.stages.review.id,
      conditionId: wf.conditions.proposed,
      reason: "Proposal",
      values: { [wf.fields.rootCause.id]: "x" },
    });
    const { number } = await t.prisma.ticket.findUniqueOrThrow({ where: { id: opened.id }, select: { number: true } });

    state.actor = (await createActor(t.prisma, "ADMIN")).actor;
    // Next.js's redirect() throws; its digest carries the address.
    const redirect = await cancelTicketAction(opened.id, { reason: "Duplicate" }).then(
      () => null,
      (error: unknown) => error as { digest?: string },
    );
    expect(redirect?.digest).toContain(`/admin/tickets/${number}?cancelled=1`);
    expect(await t.prisma.ticket.findUniqueOrThrow({ where: { id: opened.id } })).toMatchObject({ status: "CANCELLED", cancelReason: "Duplicate" });
  });
});
