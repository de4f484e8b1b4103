// Who reaches which ticket: a client never reads or
// changes another customer's tickets, messages or files; internal notes and
// fields invisible in the portal never reach the client; blocked types are
// hidden and refused; cancel and delete are for administrators only.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { openFile } from "@/lib/files/files";
import { addTicketAttachments, addTicketMessage } from "@/lib/tickets/discussion";
import { cancelTicket, deleteTicket, assignTicket } from "@/lib/tickets/admin";
import { forwardTicket, saveTicketValues } from "@/lib/tickets/forward";
import { listClientTickets, listStaffQueue } from "@/lib/tickets/lists";
import { newTicketOptions } from "@/lib/tickets/new-ticket-options";
import { openTicket } from "@/lib/tickets/open-ticket";
import { decideUnderstanding } from "@/lib/tickets/understanding";
import { clientTicketView, staffTicketView } from "@/lib/tickets/views";
import { actorFor, createActor, createContactPerson } from "../helpers/factories";
import { MemoryStorage } from "../helpers/memory-storage";
import { withTestDatabase } from "../helpers/db-test";
import { createTicketClient, createTicketWorkflow, createUpload, type TicketWorkflow } from "../helpers/ticket-fixtures";
import { allReceived } from "@/tests/helpers/mail";

const t = withTestDatabase();
let wf: TicketWorkflow;
let alice: Awaited<ReturnType<typeof createTicketClient>>;
let bob: Awaited<ReturnType<typeof createTicketClient>>;
let staff: Actor;
let admin: Actor;
const storage = new MemoryStorage();

beforeAll(async () => {
  wf = await createTicketWorkflow(t.prisma);
  alice = await createTicketClient(t.prisma);
  bob = await createTicketClient(t.prisma);
  staff = (await createActor(t.prisma, "STAFF")).actor;
  admin = (await createActor(t.prisma, "ADMIN")).actor;
});

async function openAs(who: typeof alice, extra: { fileIds?: string[]; subject?: string } = {}) {
  const opened = await openTicket(t.prisma, who.actor, {
    customerId: who.customer.id,
    typeId: wf.type.id,
    subject: extra.subject ?? "Broken printer",
    description: "It is broken.",
    values: { [wf.fields.system.id]: "ERP" },
    toStageId: wf.stages.analysis.id,
    conditionId: wf.conditions.request,
    reason: "Please help",
    fileIds: extra.fileIds ?? [],
  });
  return { ...opened, number: (await t.prisma.ticket.findUniqueOrThrow({ where: { id: opened.id } })).number };
}

const toReview = (id: string) =>
  forwardTicket(t.prisma, staff, id, {
    toStageId: wf.stages.review.id,
    conditionId: wf.conditions.proposed,
    reason: "Proposal",
    values: { [wf.fields.rootCause.id]: "x" },
  });

describe("another customer's tickets", () => {
  it("are invisible and unchangeable through every domain entry point", async () => {
    const upload = await createUpload(t.prisma, alice.actor);
    const ticket = await openAs(alice, { fileIds: [upload.id] });
    await toReview(ticket.id);
    const bobUpload = await createUpload(t.prisma, bob.actor);
    // Each attempt starts only when checked, so no rejection goes unobserved meanwhile.
    const attempts: (() => Promise<unknown>)[] = [
      () => clientTicketView(t.prisma, bob.actor, ticket.number, "en"),
      () => forwardTicket(t.prisma, bob.actor, ticket.id, { toStageId: wf.stages.analysis.id, conditionId: wf.conditions.infoProvided, reason: "x" }),
      () => saveTicketValues(t.prisma, bob.actor, ticket.id, { values: {} }),
      () => addTicketMessage(t.prisma, bob.actor, ticket.id, { body: "hello" }),
      () => addTicketAttachments(t.prisma, bob.actor, ticket.id, { fileIds: [bobUpload.id] }),
      () => decideUnderstanding(t.prisma, bob.actor, ticket.id, { decision: "APPROVE", toStageId: wf.stages.analysis.id, conditionId: wf.conditions.approved }),
      () => openFile(t.prisma, storage, bob.actor, upload.id),
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toBeInstanceOf(NotFoundError);
    expect((await listClientTickets(t.prisma, bob.actor, {})).rows.map((r) => r.id)).not.toContain(ticket.id);
    expect(await t.prisma.ticketMessage.count({ where: { ticketId: ticket.id, authorId: bob.user.id } })).toBe(0);
  });

  it("are shared with other users who reach the same customer, files included", async () => {
    await storage.put("shared/evidence", new Uint8Array([1, 2, 3]), "application/pdf");
    const upload = await createUpload(t.prisma, alice.actor, "shared/evidence");
    const ticket = await openAs(alice, { fileIds: [upload.id] });
    const colleague = await createActor(t.prisma, "CLIENT");
    await createContactPerson(t.prisma, alice.customer.id, { userId: colleague.user.id });
    const view = await clientTicketView(t.prisma, colleague.actor, ticket.number, "en");
    expect(view.files.map((f) => f.id)).toEqual([upload.id]);
    expect((await openFile(t.prisma, storage, colleague.actor, upload.id)).fileName).toBe("evidence.pdf");
  });

  it("cannot borrow someone else's upload or attach one twice", async () => {
    const ticket = await openAs(alice);
    const bobUpload = await createUpload(t.prisma, bob.actor);
    await expect(addTicketMessage(t.prisma, alice.actor, ticket.id, { body: "see file", fileIds: [bobUpload.id] })).rejects.toBeInstanceOf(ValidationError);
    const mine = await createUpload(t.prisma, alice.actor);
    await addTicketAttachments(t.prisma, alice.actor, ticket.id, { fileIds: [mine.id] });
    await expect(addTicketAttachments(t.prisma, alice.actor, ticket.id, { fileIds: [mine.id] })).rejects.toBeInstanceOf(ValidationError);
  });
});

describe("after access is lost", () => {
  it("files of a blocked type, or for a client without portal access, are not served", async () => {
    await storage.put("blocked/file", new Uint8Array([1]), "application/pdf");
    const upload = await createUpload(t.prisma, alice.actor, "blocked/file");
    await openAs(alice, { fileIds: [upload.id] });
    const colleague = await createActor(t.prisma, "CLIENT");
    await createContactPerson(t.prisma, alice.customer.id, { userId: colleague.user.id });
    expect((await openFile(t.prisma, storage, colleague.actor, upload.id)).id).toBe(upload.id);
    const profileId = colleague.user.profileId!;
    await t.prisma.profileBlockedTicketType.create({ data: { profileId, typeId: wf.type.id } });
    await expect(openFile(t.prisma, storage, colleague.actor, upload.id)).rejects.toBeInstanceOf(NotFoundError);
    await t.prisma.profileBlockedTicketType.deleteMany({ where: { profileId } });
    await t.prisma.profile.update({ where: { id: profileId }, data: { permissions: [] } });
    await expect(openFile(t.prisma, storage, await actorFor(t.prisma, colleague.user), upload.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("a client who no longer reaches the customer gets no more e-mails about its tickets", async () => {
    const leaver = await createTicketClient(t.prisma);
    const ticket = await openAs(leaver);
    await t.prisma.contactPerson.deleteMany({ where: { userId: leaver.user.id } });
    const reply = await addTicketMessage(t.prisma, staff, ticket.id, { body: "Still there?" });
    expect(reply.emailIds).toEqual([]);
    const moved = await toReview(ticket.id);
    expect(moved.emailIds).toEqual([]);
  });

  it("closed tickets cannot be reassigned", async () => {
    const ticket = await openAs(alice);
    await toReview(ticket.id);
    await cancelTicket(t.prisma, admin, ticket.id, { reason: "dup" });
    await expect(assignTicket(t.prisma, staff, ticket.id, { assigneeId: staff.userId })).rejects.toBeInstanceOf(ConflictError);
  });
});

describe("internal notes and staff-only data", () => {
  it("never reach the client's view; staff see them", async () => {
    const ticket = await openAs(alice);
    const noteFile = await createUpload(t.prisma, staff);
    await addTicketMessage(t.prisma, staff, ticket.id, { body: "Customer is on the old contract", internal: true, fileIds: [noteFile.id] });
    await addTicketMessage(t.prisma, staff, ticket.id, { body: "We are on it" });
    await saveTicketValues(t.prisma, staff, ticket.id, { values: { [wf.fields.costCenter.id]: "CC-SECRET-42" } });
    const client = await clientTicketView(t.prisma, alice.actor, ticket.number, "en");
    const serialized = JSON.stringify(client);
    expect(serialized).not.toContain("old contract");
    expect(serialized).not.toContain("CC-SECRET-42");
    expect(serialized).not.toContain(noteFile.id);
    expect(client.messages.map((m) => m.body)).toEqual(["We are on it"]);
    await expect(openFile(t.prisma, storage, alice.actor, noteFile.id)).rejects.toBeInstanceOf(NotFoundError);
    const staffView = JSON.stringify(await staffTicketView(t.prisma, staff, ticket.number, "en"));
    expect(staffView).toContain("old contract");
    expect(staffView).toContain("CC-SECRET-42");
  });

  it("a client cannot probe the value of a field hidden from the portal", async () => {
    const ticket = await openAs(alice);
    await saveTicketValues(t.prisma, staff, ticket.id, { values: { [wf.fields.costCenter.id]: "CC-7" } });
    await toReview(ticket.id);
    // The right guess, a wrong one and "empty" all get the same refusal.
    for (const guess of ["CC-7", "CC-8", ""]) {
      const error = await saveTicketValues(t.prisma, alice.actor, ticket.id, { values: { [wf.fields.costCenter.id]: guess } }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, guess).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).fields).toEqual({ [`values.${wf.fields.costCenter.id}`]: "validation.invalid" });
    }
  });

  it("clients cannot write internal notes", async () => {
    const ticket = await openAs(alice);
    await expect(addTicketMessage(t.prisma, alice.actor, ticket.id, { body: "psst", internal: true })).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("the discussion", () => {
  it("stays open to the client while awaiting staff, and e-mails each side", async () => {
    const ticket = await openAs(alice);
    const fromClient = await addTicketMessage(t.prisma, alice.actor, ticket.id, { body: "Any news?" });
    const [toAttendant] = await t.prisma.emailMessage.findMany({ where: { id: { in: fromClient.emailIds } } }).then(allReceived);
    expect(toAttendant.to).toBe(wf.attendant.user.email);
    const fromStaff = await addTicketMessage(t.prisma, staff, ticket.id, { body: "Tomorrow" });
    const [toClient] = await t.prisma.emailMessage.findMany({ where: { id: { in: fromStaff.emailIds } } }).then(allReceived);
    expect(toClient.to).toBe(alice.user.email);
    expect(toClient.text).toContain("Tomorrow");
    const note = await addTicketMessage(t.prisma, staff, ticket.id, { body: "internal", internal: true });
    expect(note.emailIds).toEqual([]);
  });

  it("is closed on completed and cancelled tickets", async () => {
    const ticket = await openAs(alice);
    await toReview(ticket.id);
    await cancelTicket(t.prisma, admin, ticket.id, { reason: "Duplicate" });
    await expect(addTicketMessage(t.prisma, alice.actor, ticket.id, { body: "wait" })).rejects.toBeInstanceOf(ConflictError);
    const upload = await createUpload(t.prisma, alice.actor);
    await expect(addTicketAttachments(t.prisma, alice.actor, ticket.id, { fileIds: [upload.id] })).rejects.toBeInstanceOf(ConflictError);
    const view = await clientTicketView(t.prisma, alice.actor, ticket.number, "en");
    expect(view.can).toMatchObject({ forward: false, decide: false, message: false, attach: false });
  });
});

describe("blocked ticket types", () => {
  it("are hidden from the profile's users and refused when opened by hand", async () => {
    const ticket = await openAs(alice);
    const profileId = (await t.prisma.user.findUniqueOrThrow({ where: { id: alice.user.id } })).profileId!;
    await t.prisma.profileBlockedTicketType.create({ data: { profileId, typeId: wf.type.id } });
    try {
      const options = await newTicketOptions(t.prisma, alice.actor, "en");
      expect(options.groups.flatMap((g) => g.types.map((ty) => ty.id))).not.toContain(wf.type.id);
      await expect(openAs(alice)).rejects.toMatchObject({ key: "tickets.errors.typeUnavailable" });
      expect((await listClientTickets(t.prisma, alice.actor, {})).rows.map((r) => r.id)).not.toContain(ticket.id);
      await expect(clientTicketView(t.prisma, alice.actor, ticket.number, "en")).rejects.toBeInstanceOf(NotFoundError);
    } finally {
      await t.prisma.profileBlockedTicketType.deleteMany({ where: { profileId } });
    }
  });
});

describe("cancel and delete", () => {
  it("are for administrators only, only on the client's turn, and delete only after cancelling", async () => {
    const ticket = await openAs(alice);
    await expect(cancelTicket(t.prisma, admin, ticket.id, { reason: "Duplicate" })).rejects.toMatchObject({ key: "tickets.errors.cancelOnlyClientTurn" });
    await toReview(ticket.id);
    await expect(cancelTicket(t.prisma, staff, ticket.id, { reason: "Duplicate" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(cancelTicket(t.prisma, alice.actor, ticket.id, { reason: "Duplicate" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(cancelTicket(t.prisma, admin, ticket.id, { reason: " " })).rejects.toThrow();
    await expect(deleteTicket(t.prisma, storage, admin, ticket.id)).rejects.toMatchObject({ key: "tickets.errors.deleteOnlyCancelled" });
    await cancelTicket(t.prisma, admin, ticket.id, { reason: "Duplicate of #1" });
    const cancelled = await t.prisma.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
    expect(cancelled).toMatchObject({ status: "CANCELLED", cancelReason: "Duplicate of #1" });
    expect((await listClientTickets(t.prisma, alice.actor, { filter: "cancelled" })).rows.map((r) => r.id)).toContain(ticket.id);
  });

  it("deleting removes the ticket's files and leaves an audit log entry", async () => {
    await storage.put("delete/one", new Uint8Array([1]), "application/pdf");
    const upload = await createUpload(t.prisma, alice.actor, "delete/one");
    const ticket = await openAs(alice, { fileIds: [upload.id] });
    await toReview(ticket.id);
    await cancelTicket(t.prisma, admin, ticket.id, { reason: "Opened by mistake" });
    await expect(deleteTicket(t.prisma, storage, staff, ticket.id)).rejects.toBeInstanceOf(ForbiddenError);
    await deleteTicket(t.prisma, storage, admin, ticket.id);
    expect(await t.prisma.ticket.findUnique({ where: { id: ticket.id } })).toBeNull();
    expect(await t.prisma.storedFile.findUnique({ where: { id: upload.id } })).toBeNull();
    expect(await storage.exists("delete/one")).toBe(false);
    const audit = await t.prisma.auditLog.findFirstOrThrow({ where: { entityId: ticket.id, action: "ticket.delete" } });
    expect(audit).toMatchObject({ actorId: admin.userId, entityType: "Ticket" });
    expect(audit.data).toMatchObject({ number: ticket.number, subject: "Broken printer", cancelReason: "Opened by mistake", files: 1 });
  });
});

describe("lists", () => {
  it("count every filter and find by number or subject", async () => {
    const carol = await createTicketClient(t.prisma);
    const a = await openAs(carol, { subject: "Scanner jam" });
    const b = await openAs(carol, { subject: "Monitor flicker" });
    await toReview(b.id);
    const c = await openAs(carol, { subject: "Keyboard" });
    await forwardTicket(t.prisma, staff, c.id, {
      toStageId: wf.stages.done.id,
      conditionId: wf.conditions.resolved,
      reason: "done",
      values: { [wf.fields.rootCause.id]: "dust" },
    });
    const d = await openAs(carol, { subject: "Mouse" });
    await toReview(d.id);
    await cancelTicket(t.prisma, admin, d.id, { reason: "dup" });
    const list = await listClientTickets(t.prisma, carol.actor, {});
    expect(list.counts).toEqual({ all: 4, mine: 1, awaiting: 1, completed: 1, cancelled: 1 });
    const ids = async (params: Record<string, string>) => (await listClientTickets(t.prisma, carol.actor, params)).rows.map((r) => r.id);
    expect(await ids({ filter: "mine" })).toEqual([b.id]);
    expect(await ids({ filter: "awaiting" })).toEqual([a.id]);
    expect(await ids({ filter: "completed" })).toEqual([c.id]);
    expect(await ids({ filter: "cancelled" })).toEqual([d.id]);
    expect(await ids({ q: "scanner" })).toEqual([a.id]);
    expect(await ids({ q: `#${c.number}` })).toEqual([c.id]);
    // Last update first.
    await addTicketMessage(t.prisma, carol.actor, a.id, { body: "bump" });
    expect((await ids({}))[0]).toBe(a.id);
  });

  it("staff queue filters by assignee, stage, status and age", async () => {
    const dave = await createTicketClient(t.prisma);
    const x = await openAs(dave, { subject: "Queue test one" });
    const y = await openAs(dave, { subject: "Queue test two" });
    await assignTicket(t.prisma, staff, y.id, { assigneeId: staff.userId });
    await expect(assignTicket(t.prisma, staff, y.id, { assigneeId: dave.user.id })).rejects.toBeInstanceOf(ValidationError);
    const ids = async (params: Record<string, string>) => (await listStaffQueue(t.prisma, staff, { q: "Queue test", ...params })).rows.map((r) => r.id);
    expect(await ids({ assignee: "mine" })).toEqual([y.id]);
    expect((await ids({})).sort()).toEqual([x.id, y.id].sort());
    expect(await ids({ stage: wf.stages.review.id })).toEqual([]);
    expect((await ids({ stage: wf.stages.analysis.id, responsible: "STAFF" })).sort()).toEqual([x.id, y.id].sort());
    expect(await ids({ status: "COMPLETED" })).toEqual([]);
    expect(await ids({ age: "7" })).toEqual([]);
    await t.prisma.ticket.update({ where: { id: x.id }, data: { stageEnteredAt: new Date(Date.now() - 8 * 86_400_000) } });
    expect(await ids({ age: "7" })).toEqual([x.id]);
    await expect(listStaffQueue(t.prisma, alice.actor, {})).rejects.toBeInstanceOf(ForbiddenError);
  });
});
