// The admin dashboard's tickets tile: open tickets waiting on staff, and open
// tickets assigned to the viewer (any turn), from one grouped query. Closed
// tickets and other people's assignments never count.
import { beforeAll, describe, expect, it } from "vitest";
import { ticketStats } from "@/lib/admin/dashboard";
import { assignTicket, cancelTicket } from "@/lib/tickets/admin";
import { forwardTicket } from "@/lib/tickets/forward";
import { openTicket } from "@/lib/tickets/open-ticket";
import { saveUnderstanding } from "@/lib/tickets/understanding";
import { createActor } from "../helpers/factories";
import { withTestDatabase } from "../helpers/db-test";
import { createTicketClient, createTicketWorkflow, type TicketWorkflow } from "../helpers/ticket-fixtures";

const t = withTestDatabase();
let wf: TicketWorkflow;

beforeAll(async () => {
  wf = await createTicketWorkflow(t.prisma);
});

describe("ticketStats", () => {
  it("counts open tickets awaiting staff and the viewer's open assignments", async () => {
    const client = await createTicketClient(t.prisma);
    const me = await createActor(t.prisma, "STAFF");
    const admin = await createActor(t.prisma, "ADMIN");
    const open = () =>
      openTicket(t.prisma, client.actor, {
        customerId: client.customer.id,
        typeId: wf.type.id,
        subject: "Printer offline",
        description: "It does not answer.",
        values: { [wf.fields.system.id]: "ERP" },
        toStageId: wf.stages.analysis.id,
        conditionId: wf.conditions.request,
        reason: "Please look",
      });
    const toClient = async (id: string) => {
      await saveUnderstanding(t.prisma, me.actor, id, { understanding: "Restart it." });
      await forwardTicket(t.prisma, me.actor, id, { toStageId: wf.stages.review.id, conditionId: wf.conditions.proposed, reason: "Try this" });
    };

    const before = await ticketStats(t.prisma, me.user.id);
    // Four open tickets with staff (one mine), one mine with the client, one cancelled that was mine.
    const [a, , , , e, f] = await Promise.all([open(), open(), open(), open(), open(), open()]);
    await assignTicket(t.prisma, me.actor, a.id, { assigneeId: me.user.id });
    await assignTicket(t.prisma, me.actor, e.id, { assigneeId: me.user.id });
    await toClient(e.id);
    await assignTicket(t.prisma, me.actor, f.id, { assigneeId: me.user.id });
    await toClient(f.id);
    await cancelTicket(t.prisma, admin.actor, f.id, { reason: "Duplicate" });

    const after = await ticketStats(t.prisma, me.user.id);
    expect(after.awaitingStaff - before.awaitingStaff).toBe(4);
    expect(after.assignedToMe - before.assignedToMe).toBe(2);
    // Someone else sees the same staff queue but none of my assignments.
    const other = await ticketStats(t.prisma, admin.user.id);
    expect(other).toEqual({ awaitingStaff: after.awaitingStaff, assignedToMe: 0 });
  });
});
