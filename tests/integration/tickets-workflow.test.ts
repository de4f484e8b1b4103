// The tickets runtime: opening with "Save/Request",
// forwarding along transitions with a condition and a reason, per-stage field
// rules enforced on the server, the understanding decision, the stage history
// and the e-mails each step causes.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { ConflictError, ValidationError } from "@/lib/errors";
import { openTicket } from "@/lib/tickets/open-ticket";
import { forwardTicket, saveTicketValues } from "@/lib/tickets/forward";
import { decideUnderstanding, saveUnderstanding } from "@/lib/tickets/understanding";
import { clientTicketView, staffTicketView } from "@/lib/tickets/views";
import { setSetting } from "@/lib/settings/general";
import { createActor } from "../helpers/factories";
import { withTestDatabase } from "../helpers/db-test";
import { createTicketClient, createTicketWorkflow, type TicketWorkflow } from "../helpers/ticket-fixtures";
import { allReceived } from "@/tests/helpers/mail";

const t = withTestDatabase();
let wf: TicketWorkflow;
let client: Awaited<ReturnType<typeof createTicketClient>>;
let staff: Actor;

beforeAll(async () => {
  wf = await createTicketWorkflow(t.prisma);
  client = await createTicketClient(t.prisma, { locale: "pt-BR" });
  staff = (await createActor(t.prisma, "STAFF")).actor;
});

const open = (values: Record<string, unknown> = { [wf.fields.system.id]: "ERP" }, extra: Record<string, unknown> = {}) =>
  openTicket(t.prisma, client.actor, {
    customerId: client.customer.id,
    typeId: wf.type.id,
    subject: "Printer offline",
    description: "The second-floor printer does not answer.",
    values,
    toStageId: wf.stages.analysis.id,
    conditionId: wf.conditions.request,
    reason: "Please look at it",
    ...extra,
  });

async function rejection(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).fields;
}

const ticketRow = (id: string) => t.prisma.ticket.findUniqueOrThrow({ where: { id } });
const outbox = (to: string) => t.prisma.emailMessage.findMany({ where: { to }, orderBy: { createdAt: "asc" } }).then(allReceived);

describe("opening a ticket (Save/Request)", () => {
  it("enters the first stage and is forwarded at once, recorded through the default attendant", async () => {
    const opened = await open();
    const ticket = await ticketRow(opened.id);
    expect(ticket).toMatchObject({
      stageId: wf.stages.analysis.id,
      responsible: "STAFF",
      status: "OPEN",
      customerId: client.customer.id,
      openedById: client.user.id,
      assigneeId: wf.attendant.user.id,
    });
    const moves = await t.prisma.ticketMovement.findMany({ where: { ticketId: opened.id } });
    expect(moves).toHaveLength(1);
    expect(moves[0]).toMatchObject({
      fromStageName: "Opening",
      toStageName: "Analysis",
      conditionName: "Request",
      reason: "Please look at it",
      actorId: wf.attendant.user.id,
      clientUserId: client.user.id,
      clientName: client.actor.name,
    });
    const value = await t.prisma.ticketFieldValue.findUniqueOrThrow({ where: { ticketId_fieldId: { ticketId: opened.id, fieldId: wf.fields.system.id } } });
    expect(value.value).toBe("ERP");
    // The attendant hears of it, in their language.
    const mail = await t.prisma.emailMessage.findMany({ where: { id: { in: opened.emailIds } } }).then(allReceived);
    expect(mail.map((m) => [m.to, m.template])).toEqual([[wf.attendant.user.email, "ticketStaffNotice"]]);
  });

  it("refuses a missing required parameter of the first stage and stores nothing", async () => {
    const before = await t.prisma.ticket.count();
    const fields = await rejection(open({}));
    expect(fields[`values.${wf.fields.system.id}`]).toBe("validation.required");
    expect(await t.prisma.ticket.count()).toBe(before);
  });

  it("refuses values the portal may not see or write, even in a hand-crafted request", async () => {
    const hidden = await rejection(open({ [wf.fields.system.id]: "ERP", [wf.fields.costCenter.id]: "CC-9" }));
    expect(hidden[`values.${wf.fields.costCenter.id}`]).toBe("validation.invalid");
    const unknown = await rejection(open({ [wf.fields.system.id]: "ERP", "00000000-0000-4000-8000-000000000000": "x" }));
    expect(Object.keys(unknown)).toEqual(["values.00000000-0000-4000-8000-000000000000"]);
    const badChoice = await rejection(open({ [wf.fields.system.id]: "ERP", [wf.fields.severity.id]: "Catastrophic" }));
    expect(badChoice[`values.${wf.fields.severity.id}`]).toBe("validation.invalid");
  });

  it("needs a transition of the first stage and one of its conditions", async () => {
    await rejection(open(undefined, { conditionId: wf.conditions.resolved }));
    await rejection(open(undefined, { toStageId: wf.stages.done.id, conditionId: wf.conditions.resolved }));
  });

  it("refuses a customer record the client does not reach", async () => {
    const stranger = await createTicketClient(t.prisma);
    const fields = await rejection(open(undefined, { customerId: stranger.customer.id }));
    expect(fields.customerId).toBe("validation.invalid");
  });

  it("cannot open tickets until a default attendant is configured", async () => {
    await setSetting(t.prisma, "tickets.defaultAttendantId", null);
    try {
      await expect(open()).rejects.toBeInstanceOf(ConflictError);
    } finally {
      await setSetting(t.prisma, "tickets.defaultAttendantId", wf.attendant.user.id);
    }
  });

  it("refuses staff and clients without portal access", async () => {
    await expect(
      openTicket(t.prisma, staff, {
        customerId: client.customer.id,
        typeId: wf.type.id,
        subject: "x",
        description: "x",
        toStageId: wf.stages.analysis.id,
        conditionId: wf.conditions.request,
        reason: "x",
      }),
    ).rejects.toThrow();
  });
});

describe("forwarding", () => {
  it("lets staff hand the ticket to the client with a condition; the client is e-mailed and it becomes theirs", async () => {
    const { id } = await open();
    const result = await forwardTicket(t.prisma, staff, id, {
      toStageId: wf.stages.review.id,
      conditionId: wf.conditions.proposed,
      reason: "Try the new driver",
    });
    const ticket = await ticketRow(id);
    expect(ticket).toMatchObject({ stageId: wf.stages.review.id, responsible: "CLIENT" });
    const mail = await t.prisma.emailMessage.findMany({ where: { id: { in: result.emailIds } } }).then(allReceived);
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ to: client.user.email, locale: "pt-BR", template: "ticketClientNotice" });
    expect(mail[0].subject).toContain("aguarda você");
    const last = await t.prisma.ticketMovement.findFirstOrThrow({ where: { ticketId: id }, orderBy: { createdAt: "desc" } });
    expect(last).toMatchObject({
      fromStageName: "Analysis",
      toStageName: "Client review",
      conditionName: "Solution proposed",
      reason: "Try the new driver",
      actorId: staff.userId,
      clientUserId: null,
    });
  });

  it("refuses a client forward while it is not the client's turn", async () => {
    const { id } = await open();
    await expect(
      forwardTicket(t.prisma, client.actor, id, { toStageId: wf.stages.review.id, conditionId: wf.conditions.proposed, reason: "me" }),
    ).rejects.toMatchObject({ key: "tickets.errors.notYourTurn" });
    await expect(saveTicketValues(t.prisma, client.actor, id, { values: { [wf.fields.system.id]: "CRM" } })).rejects.toMatchObject({
      key: "tickets.errors.notYourTurn",
    });
  });

  it("refuses a condition that belongs to another transition", async () => {
    const { id } = await open();
    await rejection(forwardTicket(t.prisma, staff, id, { toStageId: wf.stages.review.id, conditionId: wf.conditions.resolved, reason: "x" }));
    expect((await ticketRow(id)).stageId).toBe(wf.stages.analysis.id);
  });

  it("requires the reason", async () => {
    const { id } = await open();
    await expect(forwardTicket(t.prisma, staff, id, { toStageId: wf.stages.review.id, conditionId: wf.conditions.proposed, reason: "  " })).rejects.toThrow();
  });

  it("enters a stage only with its 'required from the previous stage' values, and a terminal stage completes the ticket", async () => {
    const { id } = await open();
    const fields = await rejection(forwardTicket(t.prisma, staff, id, { toStageId: wf.stages.done.id, conditionId: wf.conditions.resolved, reason: "fixed" }));
    expect(fields[`values.${wf.fields.rootCause.id}`]).toBe("tickets.errors.requiredFromPrevious");
    expect((await ticketRow(id)).status).toBe("OPEN");
    const result = await forwardTicket(t.prisma, staff, id, {
      toStageId: wf.stages.done.id,
      conditionId: wf.conditions.resolved,
      reason: "fixed",
      values: { [wf.fields.rootCause.id]: "Driver bug" },
    });
    const ticket = await ticketRow(id);
    expect(ticket.status).toBe("COMPLETED");
    expect(ticket.completedAt).not.toBeNull();
    const mail = await t.prisma.emailMessage.findMany({ where: { id: { in: result.emailIds } } }).then(allReceived);
    expect(mail.map((m) => m.to)).toEqual([client.user.email]);
    // Completed tickets are read-only for everyone.
    await expect(
      forwardTicket(t.prisma, staff, id, { toStageId: wf.stages.review.id, conditionId: wf.conditions.proposed, reason: "x" }),
    ).rejects.toMatchObject({ key: "tickets.errors.closed" });
  });

  it("lets the client fill editable parameters on their turn, never read-only ones", async () => {
    const { id } = await open(undefined, {});
    await forwardTicket(t.prisma, staff, id, {
      toStageId: wf.stages.review.id,
      conditionId: wf.conditions.needsInfo,
      reason: "Which severity?",
      values: { [wf.fields.rootCause.id]: "Unknown yet", [wf.fields.severity.id]: "Low" },
    });
    await saveTicketValues(t.prisma, client.actor, id, { values: { [wf.fields.system.id]: "CRM" } });
    const fields = await rejection(saveTicketValues(t.prisma, client.actor, id, { values: { [wf.fields.severity.id]: "High" } }));
    expect(fields[`values.${wf.fields.severity.id}`]).toBe("tickets.errors.readOnly");
    await rejection(saveTicketValues(t.prisma, client.actor, id, { values: { [wf.fields.rootCause.id]: "Client's theory" } }));
    // Sending the unchanged value of a read-only field is harmless (forms send what they show).
    await saveTicketValues(t.prisma, client.actor, id, { values: { [wf.fields.severity.id]: "Low" } });
    const values = await t.prisma.ticketFieldValue.findMany({ where: { ticketId: id } });
    expect(Object.fromEntries(values.map((v) => [v.fieldId, v.value]))).toEqual({
      [wf.fields.system.id]: "CRM",
      [wf.fields.severity.id]: "Low",
      [wf.fields.rootCause.id]: "Unknown yet",
    });
  });

  it("keeps the field rules of staff and portal independent", async () => {
    const { id } = await open();
    const { number } = await ticketRow(id);
    const staffView = await staffTicketView(t.prisma, staff, number, "en");
    const portalView = await clientTicketView(t.prisma, client.actor, number, "en");
    // In Analysis: "Contract reference" is invisible to staff only; the cost center to the portal only.
    expect(staffView.fields.map((f) => f.label)).toContain("Internal cost center");
    expect(staffView.fields.map((f) => f.label)).not.toContain("Contract reference");
    expect(portalView.fields.map((f) => f.label)).toContain("Contract reference");
    expect(portalView.fields.map((f) => f.label)).not.toContain("Internal cost center");
    // Staff cannot write a field invisible to them either.
    await rejection(saveTicketValues(t.prisma, staff, id, { values: { [wf.fields.reference.id]: "C-1" } }));
  });

  it("lets only one of two simultaneous forwards of the same ticket through", async () => {
    const { id } = await open();
    const results = await Promise.allSettled([
      forwardTicket(t.prisma, staff, id, { toStageId: wf.stages.review.id, conditionId: wf.conditions.proposed, reason: "one" }),
      forwardTicket(t.prisma, staff, id, { toStageId: wf.stages.review.id, conditionId: wf.conditions.proposed, reason: "two" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await t.prisma.ticketMovement.count({ where: { ticketId: id } })).toBe(2);
  });
});

describe("the understanding", () => {
  async function inReview() {
    const { id } = await open();
    await saveUnderstanding(t.prisma, staff, id, { understanding: "Replace the fuser unit." });
    await forwardTicket(t.prisma, staff, id, {
      toStageId: wf.stages.review.id,
      conditionId: wf.conditions.proposed,
      reason: "Proposal",
      values: { [wf.fields.rootCause.id]: "Worn fuser" },
    });
    return id;
  }
  const reject = (id: string, reason: string) =>
    decideUnderstanding(t.prisma, client.actor, id, { decision: "REJECT", reason, toStageId: wf.stages.analysis.id, conditionId: wf.conditions.rejected });

  it("asks the client's decision when staff hand it over, and a rejection needs a reason", async () => {
    const id = await inReview();
    expect((await ticketRow(id)).understandingState).toBe("PENDING");
    await expect(reject(id, "")).rejects.toThrow();
    const result = await reject(id, "The fuser was replaced last month.");
    const ticket = await ticketRow(id);
    expect(ticket).toMatchObject({ understandingState: "REJECTED", stageId: wf.stages.analysis.id, responsible: "STAFF" });
    const decision = await t.prisma.ticketMessage.findFirstOrThrow({ where: { ticketId: id, kind: "UNDERSTANDING_REJECTED" } });
    expect(decision).toMatchObject({ body: "The fuser was replaced last month.", fromStaff: false, authorId: client.user.id });
    const last = await t.prisma.ticketMovement.findFirstOrThrow({ where: { ticketId: id }, orderBy: { createdAt: "desc" } });
    expect(last).toMatchObject({ conditionName: "Understanding rejected", actorId: wf.attendant.user.id, clientUserId: client.user.id });
    const mail = await t.prisma.emailMessage.findMany({ where: { id: { in: result.emailIds } } }).then(allReceived);
    expect(mail.map((m) => [m.to, m.template])).toEqual([[wf.attendant.user.email, "ticketStaffNotice"]]);
    expect(mail[0].text).toContain("rejected");
  });

  it("cannot be decided twice, nor when nothing waits for a decision, nor by staff", async () => {
    const id = await inReview();
    await expect(
      decideUnderstanding(t.prisma, staff, id, { decision: "APPROVE", toStageId: wf.stages.analysis.id, conditionId: wf.conditions.approved }),
    ).rejects.toThrow();
    await decideUnderstanding(t.prisma, client.actor, id, { decision: "APPROVE", toStageId: wf.stages.analysis.id, conditionId: wf.conditions.approved });
    expect((await ticketRow(id)).understandingState).toBe("APPROVED");
    await expect(reject(id, "changed my mind")).rejects.toBeInstanceOf(ConflictError);
  });

  it("refuses a condition that means the other decision, and the portal view tells which is which", async () => {
    const id = await inReview();
    const approveWithRejected = await rejection(
      decideUnderstanding(t.prisma, client.actor, id, { decision: "APPROVE", toStageId: wf.stages.analysis.id, conditionId: wf.conditions.rejected }),
    );
    expect(approveWithRejected).toEqual({ conditionId: "tickets.errors.conditionContradictsDecision" });
    const rejectWithApproved = await rejection(
      decideUnderstanding(t.prisma, client.actor, id, {
        decision: "REJECT",
        reason: "No",
        toStageId: wf.stages.analysis.id,
        conditionId: wf.conditions.approved,
      }),
    );
    expect(rejectWithApproved).toEqual({ conditionId: "tickets.errors.conditionContradictsDecision" });
    expect(await ticketRow(id)).toMatchObject({ understandingState: "PENDING", stageId: wf.stages.review.id });
    expect(await t.prisma.ticketMovement.count({ where: { ticketId: id, conditionName: { startsWith: "Understanding" } } })).toBe(0);
    expect(await t.prisma.ticketMessage.count({ where: { ticketId: id, kind: { in: ["UNDERSTANDING_APPROVED", "UNDERSTANDING_REJECTED"] } } })).toBe(0);
    const view = await clientTicketView(t.prisma, client.actor, (await ticketRow(id)).number, "en");
    expect(view.transitions.flatMap((tr) => tr.conditions).map((c) => [c.name, c.decision])).toEqual([
      ["Understanding approved", "APPROVE"],
      ["Understanding rejected", "REJECT"],
      ["Information provided", null],
    ]);
  });

  it("a revised understanding waits for a new decision", async () => {
    const id = await inReview();
    await reject(id, "Not the fuser");
    await saveUnderstanding(t.prisma, staff, id, { understanding: "Replace the drum." });
    expect((await ticketRow(id)).understandingState).toBe("NONE");
    await forwardTicket(t.prisma, staff, id, { toStageId: wf.stages.review.id, conditionId: wf.conditions.proposed, reason: "Revised" });
    expect((await ticketRow(id)).understandingState).toBe("PENDING");
    const view = await clientTicketView(t.prisma, client.actor, (await ticketRow(id)).number, "en");
    expect(view.can.decide).toBe(true);
    expect(view.understanding).toBe("Replace the drum.");
  });
});

describe("staff acting in a client's stage", () => {
  let onBehalf: string;
  beforeAll(async () => {
    const back = await t.prisma.ticketTransition.findUniqueOrThrow({
      where: { fromStageId_toStageId: { fromStageId: wf.stages.review.id, toStageId: wf.stages.analysis.id } },
    });
    onBehalf = (await t.prisma.ticketTransitionCondition.create({ data: { transitionId: back.id, name: "Answered by phone", position: 9 } })).id;
  });
  async function inReview() {
    const { id } = await open();
    await saveUnderstanding(t.prisma, staff, id, { understanding: "Replace the fuser unit." });
    await forwardTicket(t.prisma, staff, id, {
      toStageId: wf.stages.review.id,
      conditionId: wf.conditions.proposed,
      reason: "Proposal",
      values: { [wf.fields.rootCause.id]: "Worn fuser" },
    });
    return id;
  }
  const staffForward = (id: string, conditionId: string, onBehalfOfClient?: boolean) =>
    forwardTicket(t.prisma, staff, id, { toStageId: wf.stages.analysis.id, conditionId, reason: "Client called", onBehalfOfClient });

  it("never forwards with the client's approval or rejection conditions, not even on the client's behalf", async () => {
    const id = await inReview();
    expect(await rejection(staffForward(id, wf.conditions.approved, true))).toEqual({ conditionId: "tickets.errors.decisionCondition" });
    expect(await rejection(staffForward(id, wf.conditions.rejected, true))).toEqual({ conditionId: "tickets.errors.decisionCondition" });
    expect(
      await rejection(forwardTicket(t.prisma, client.actor, id, { toStageId: wf.stages.analysis.id, conditionId: wf.conditions.approved, reason: "ok" })),
    ).toEqual({ conditionId: "tickets.errors.decisionCondition" });
    expect(await ticketRow(id)).toMatchObject({ stageId: wf.stages.review.id, understandingState: "PENDING" });
  });

  it("moves a ticket out of a client's stage only when staff say they act on the client's behalf, and records it", async () => {
    const id = await inReview();
    expect(await rejection(staffForward(id, onBehalf))).toEqual({ onBehalfOfClient: "tickets.errors.onBehalfRequired" });
    expect((await ticketRow(id)).stageId).toBe(wf.stages.review.id);
    await staffForward(id, onBehalf, true);
    expect(await ticketRow(id)).toMatchObject({ stageId: wf.stages.analysis.id, responsible: "STAFF", understandingState: "NONE" });
    const last = await t.prisma.ticketMovement.findFirstOrThrow({ where: { ticketId: id }, orderBy: { createdAt: "desc" } });
    expect(last).toMatchObject({ conditionName: "Answered by phone", onBehalfOfClient: true, actorId: staff.userId, clientUserId: null });
    const history = (await staffTicketView(t.prisma, staff, (await ticketRow(id)).number, "en")).history;
    expect(history.map((m) => m.onBehalfOfClient)).toEqual([false, false, true]);
  });
});

describe("a draft understanding stays with staff", () => {
  const portalJson = async (id: string) => JSON.stringify(await clientTicketView(t.prisma, client.actor, (await ticketRow(id)).number, "en"));

  it("is left out of the portal view until staff hand the ticket to the client", async () => {
    const { id } = await open();
    const draft = `Draft: replace the whole printer ${id}`;
    await saveUnderstanding(t.prisma, staff, id, { understanding: draft });
    const staffView = await staffTicketView(t.prisma, staff, (await ticketRow(id)).number, "en");
    expect(staffView).toMatchObject({ understanding: draft, understandingState: "NONE", understandingShared: false });

    const before = await portalJson(id);
    expect(before).not.toContain(draft);
    expect(before).not.toContain("replace the whole printer");
    expect(JSON.parse(before)).toMatchObject({ understanding: "", understandingState: "NONE", can: { decide: false } });

    await forwardTicket(t.prisma, staff, id, { toStageId: wf.stages.review.id, conditionId: wf.conditions.proposed, reason: "Proposal" });
    expect(JSON.parse(await portalJson(id))).toMatchObject({
      understanding: draft,
      understandingState: "PENDING",
      understandingShared: true,
      can: { decide: true },
    });
  });

  it("a revision after the client's decision is a new draft; the handed text stays visible when returned undecided", async () => {
    const { id } = await open();
    await saveUnderstanding(t.prisma, staff, id, { understanding: "Clean the rollers." });
    await forwardTicket(t.prisma, staff, id, { toStageId: wf.stages.review.id, conditionId: wf.conditions.needsInfo, reason: "Question" });
    await forwardTicket(t.prisma, client.actor, id, { toStageId: wf.stages.analysis.id, conditionId: wf.conditions.infoProvided, reason: "Answer" });
    // Handed over once, returned without a decision: still the client's to read.
    expect(JSON.parse(await portalJson(id))).toMatchObject({ understanding: "Clean the rollers.", understandingState: "NONE" });

    await saveUnderstanding(t.prisma, staff, id, { understanding: "Swap the printer for a new one." });
    const json = await portalJson(id);
    expect(json).not.toContain("Swap the printer");
    expect(JSON.parse(json)).toMatchObject({ understanding: "", understandingState: "NONE" });
  });

  it("a revision saved while the client holds the ticket is handed over at once", async () => {
    const { id } = await open();
    await forwardTicket(t.prisma, staff, id, { toStageId: wf.stages.review.id, conditionId: wf.conditions.needsInfo, reason: "Question" });
    await saveUnderstanding(t.prisma, staff, id, { understanding: "Reinstall the driver." });
    expect(JSON.parse(await portalJson(id))).toMatchObject({ understanding: "Reinstall the driver.", understandingState: "PENDING" });
  });
});

describe("the understanding's state follows the ticket", () => {
  it("a revision made while the client holds the ticket waits for their decision at once", async () => {
    const { id } = await open();
    await saveUnderstanding(t.prisma, staff, id, { understanding: "First idea" });
    await forwardTicket(t.prisma, staff, id, { toStageId: wf.stages.review.id, conditionId: wf.conditions.proposed, reason: "Proposal" });
    await saveUnderstanding(t.prisma, staff, id, { understanding: "Better idea" });
    expect((await ticketRow(id)).understandingState).toBe("PENDING");
  });

  it("a ticket handed back to staff without a decision no longer waits for one", async () => {
    const { id } = await open();
    await saveUnderstanding(t.prisma, staff, id, { understanding: "Idea" });
    await forwardTicket(t.prisma, staff, id, { toStageId: wf.stages.review.id, conditionId: wf.conditions.needsInfo, reason: "Question" });
    await forwardTicket(t.prisma, client.actor, id, { toStageId: wf.stages.analysis.id, conditionId: wf.conditions.infoProvided, reason: "Answer" });
    expect((await ticketRow(id)).understandingState).toBe("NONE");
  });
});

describe("stage history", () => {
  it("keeps every stage passed with condition, reason, who, when and time spent, and survives renames", async () => {
    const { id } = await open();
    await forwardTicket(t.prisma, staff, id, { toStageId: wf.stages.review.id, conditionId: wf.conditions.needsInfo, reason: "Which floor?" });
    await forwardTicket(t.prisma, client.actor, id, { toStageId: wf.stages.analysis.id, conditionId: wf.conditions.infoProvided, reason: "Second floor" });
    const { number } = await ticketRow(id);
    await t.prisma.ticketStage.update({ where: { id: wf.stages.review.id }, data: { name: "Customer review" } });
    try {
      const view = await clientTicketView(t.prisma, client.actor, number, "en");
      expect(view.history.map((h) => [h.fromStageName, h.toStageName, h.conditionName, h.reason])).toEqual([
        ["Opening", "Analysis", "Request", "Please look at it"],
        ["Analysis", "Client review", "Needs information", "Which floor?"],
        ["Client review", "Analysis", "Information provided", "Second floor"],
      ]);
      expect(view.history[2]).toMatchObject({ actorName: wf.attendant.actor.name, clientName: client.actor.name });
      for (const h of view.history) expect(h.timeSpentMs).toBeGreaterThanOrEqual(0);
    } finally {
      await t.prisma.ticketStage.update({ where: { id: wf.stages.review.id }, data: { name: "Client review" } });
    }
  });

  it("lets a ticket leave a stage that was archived while it sat there", async () => {
    const { id } = await open();
    await forwardTicket(t.prisma, staff, id, {
      toStageId: wf.stages.review.id,
      conditionId: wf.conditions.proposed,
      reason: "x",
      values: { [wf.fields.rootCause.id]: "r" },
    });
    await t.prisma.ticketStage.update({ where: { id: wf.stages.review.id }, data: { active: false } });
    try {
      await forwardTicket(t.prisma, client.actor, id, { toStageId: wf.stages.analysis.id, conditionId: wf.conditions.infoProvided, reason: "ok" });
      expect((await ticketRow(id)).stageId).toBe(wf.stages.analysis.id);
    } finally {
      await t.prisma.ticketStage.update({ where: { id: wf.stages.review.id }, data: { active: true } });
    }
  });
});

describe("e-mail language", () => {
  it("writes to each recipient in their own language", async () => {
    await t.prisma.user.update({ where: { id: wf.attendant.user.id }, data: { locale: "fi" } });
    try {
      const opened = await open();
      const [mail] = await t.prisma.emailMessage.findMany({ where: { id: { in: opened.emailIds } } }).then(allReceived);
      expect(mail.locale).toBe("fi");
      expect(mail.subject).toContain("Tiketti");
    } finally {
      await t.prisma.user.update({ where: { id: wf.attendant.user.id }, data: { locale: "en" } });
    }
    expect((await outbox(client.user.email)).every((m) => m.locale === "pt-BR")).toBe(true);
  });
});
