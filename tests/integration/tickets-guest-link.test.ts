// Tickets opened from a guest request: they
// have no customer record, so no client ever sees them in the portal; when the
// ticket completes or is cancelled the request closes and its requester hears.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { cancelTicket } from "@/lib/tickets/admin";
import { createTicketRecord } from "@/lib/tickets/create-ticket-record";
import { forwardTicket } from "@/lib/tickets/forward";
import { listClientTickets } from "@/lib/tickets/lists";
import { createActor, uniqueTag } from "../helpers/factories";
import { withTestDatabase } from "../helpers/db-test";
import { createTicketClient, createTicketWorkflow, type TicketWorkflow } from "../helpers/ticket-fixtures";
import { allReceived } from "@/tests/helpers/mail";

const t = withTestDatabase();
let wf: TicketWorkflow;
let staff: Actor;
let admin: Actor;

beforeAll(async () => {
  wf = await createTicketWorkflow(t.prisma);
  staff = (await createActor(t.prisma, "STAFF")).actor;
  admin = (await createActor(t.prisma, "ADMIN")).actor;
});

async function guestTicket() {
  const tag = uniqueTag();
  const request = await t.prisma.guestRequest.create({
    data: {
      email: `${tag}@guest.test`,
      requesterName: "Guest",
      title: "Leaking tap",
      locale: "fi",
      statusTokenHash: tag,
      submissionKey: tag,
      status: "OPENED",
    },
  });
  const ticket = await t.prisma.$transaction((tx) =>
    createTicketRecord(tx, {
      typeId: wf.type.id,
      customerId: null,
      subject: "Leaking tap",
      description: "Kitchen",
      openedBy: { userId: staff.userId, name: staff.name },
    }),
  );
  await t.prisma.guestRequest.update({ where: { id: request.id }, data: { ticketId: ticket.id } });
  return { request, ticket };
}

describe("a ticket opened from a guest request", () => {
  it("starts in the type's first stage without a customer and is in no client's list", async () => {
    const { ticket } = await guestTicket();
    const row = await t.prisma.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
    expect(row).toMatchObject({ customerId: null, stageId: wf.stages.opening.id, status: "OPEN" });
    const someone = await createTicketClient(t.prisma);
    expect((await listClientTickets(t.prisma, someone.actor, {})).counts.all).toBe(0);
  });

  it("closes the request and e-mails the requester when the ticket completes", async () => {
    const { request, ticket } = await guestTicket();
    await forwardTicket(t.prisma, staff, ticket.id, {
      toStageId: wf.stages.analysis.id,
      conditionId: wf.conditions.request,
      reason: "triaged",
      values: { [wf.fields.system.id]: "Plumbing" },
      onBehalfOfClient: true,
    });
    const done = await forwardTicket(t.prisma, staff, ticket.id, {
      toStageId: wf.stages.done.id,
      conditionId: wf.conditions.resolved,
      reason: "fixed",
      values: { [wf.fields.rootCause.id]: "washer" },
    });
    expect((await t.prisma.guestRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("CLOSED");
    const mail = await t.prisma.emailMessage.findMany({ where: { id: { in: done.emailIds } } }).then(allReceived);
    expect(mail.map((m) => [m.to, m.template, m.locale])).toEqual([[request.email, "guestRequestStatus", "fi"]]);
  });

  it("closes the request and e-mails the requester when the ticket is cancelled", async () => {
    const { request, ticket } = await guestTicket();
    const result = await cancelTicket(t.prisma, admin, ticket.id, { reason: "spam" });
    expect((await t.prisma.guestRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("CLOSED");
    expect(result.emailIds).toHaveLength(1);
  });
});
