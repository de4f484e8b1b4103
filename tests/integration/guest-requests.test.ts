// Staff triage of guest requests: listed newest first with a status
// filter and a count for the navigation; deleted with their files; or "opened"
// into a normal ticket of an active type, with the requester's fields in the
// description, the files attached and the requester e-mailed. The requester's
// private status page shows staff replies, never internal notes.
process.env.AUTH_SECRET ??= "guest-requests-test-secret-0123456789";

import { createElement, type ComponentProps } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GuestStatusDetails } from "@/components/guests/guest-status-details";
import type { Actor } from "@/lib/auth/actor";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { openFile } from "@/lib/files/files";
import { openGuestRequest, openRequestOptions } from "@/lib/guests/open-request";
import { mailGuestRequester } from "@/lib/guests/requester-mail";
import { countNewGuestRequests, deleteGuestRequest, getGuestRequest, listGuestRequests, parseGuestRequestListQuery } from "@/lib/guests/requests";
import { getGuestRequestByStatusToken, type GuestStatusView } from "@/lib/guests/status-view";
import { messagesFor } from "@/lib/i18n/messages";
import { ticketStats } from "@/lib/admin/dashboard";
import { staffTicketView } from "@/lib/tickets/views";
import { createActor } from "../helpers/factories";
import { createTicketType, enableGuestPortal, guestFields, pngFile, submit } from "../helpers/guest-fixtures";
import { MemoryStorage } from "../helpers/memory-storage";
import { withTestDatabase } from "../helpers/db-test";
import { received } from "@/tests/helpers/mail";

const t = withTestDatabase();
let storage: MemoryStorage;
let portalToken: string;
let staff: Actor;
let client: Actor;
const everyField = guestFields((f) => {
  f.builtIn.asset.shown = true;
  f.builtIn.category.shown = true;
  f.builtIn.priority.shown = true;
  f.categories = ["Electrical", "Plumbing"];
  f.custom = [
    { key: "f_room", label: "Room", kind: "shortText", shown: true, required: false },
    { key: "f_risk", label: "Anyone at risk?", kind: "yesNo", shown: true, required: false },
  ];
});

beforeAll(async () => {
  staff = (await createActor(t.prisma, "STAFF", { locale: "en" })).actor;
  client = (await createActor(t.prisma, "CLIENT")).actor;
  storage = new MemoryStorage();
  portalToken = await enableGuestPortal(t.prisma, everyField);
});
beforeEach(() => t.prisma.rateLimitBucket.deleteMany());

interface Sent {
  id: string;
  number: number;
  statusToken: string;
}

async function sendRequest(entries: Record<string, string | File | File[]> = {}, locale = "en"): Promise<Sent> {
  const result = await submit(t.prisma, storage, { title: "Broken window", description: "Glass on the floor.", ...entries }, { portalToken, locale });
  if (result.status !== 201) throw new Error(`submission refused: ${JSON.stringify(result.body)}`);
  const { number, statusPath } = result.body as { number: number; statusPath: string };
  const row = await t.prisma.guestRequest.findUniqueOrThrow({ where: { number }, select: { id: true } });
  return { id: row.id, number, statusToken: statusPath.split("/").at(-1)! };
}

describe("the staff list", () => {
  it("lists newest first, filters by status, paginates and searches", async () => {
    const a = await sendRequest({ title: "Leaking tap" });
    const b = await sendRequest({ title: "Flickering light", requesterName: "Bruno Lima" });
    await t.prisma.guestRequest.update({ where: { id: a.id }, data: { status: "CLOSED" } });
    const all = await listGuestRequests(t.prisma, staff, parseGuestRequestListQuery({}));
    const numbers = all.rows.map((r) => r.number);
    expect(numbers.indexOf(b.number)).toBeLessThan(numbers.indexOf(a.number));
    const created = await listGuestRequests(t.prisma, staff, parseGuestRequestListQuery({ status: "CREATED" }));
    expect(created.rows.map((r) => r.number)).toContain(b.number);
    expect(created.rows.every((r) => r.status === "CREATED")).toBe(true);
    expect((await listGuestRequests(t.prisma, staff, parseGuestRequestListQuery({ status: "bogus" }))).total).toBe(all.total);
    expect((await listGuestRequests(t.prisma, staff, { ...parseGuestRequestListQuery({}), pageSize: 1 })).rows).toHaveLength(1);
    expect((await listGuestRequests(t.prisma, staff, parseGuestRequestListQuery({ q: "bruno" }))).rows.map((r) => r.number)).toEqual([b.number]);
    expect((await listGuestRequests(t.prisma, staff, parseGuestRequestListQuery({ q: `#${a.number}` }))).rows.map((r) => r.number)).toEqual([a.number]);
  });

  it("counts the requests waiting for triage for the navigation badge", async () => {
    const before = await countNewGuestRequests(t.prisma, staff);
    const sent = await sendRequest();
    expect(await countNewGuestRequests(t.prisma, staff)).toBe(before + 1);
    await t.prisma.guestRequest.update({ where: { id: sent.id }, data: { status: "CLOSED" } });
    expect(await countNewGuestRequests(t.prisma, staff)).toBe(before);
  });

  it("is for staff only", async () => {
    const sent = await sendRequest();
    await expect(listGuestRequests(t.prisma, client, parseGuestRequestListQuery({}))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(countNewGuestRequests(t.prisma, client)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getGuestRequest(t.prisma, client, sent.number)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(deleteGuestRequest(t.prisma, storage, client, sent.number)).rejects.toBeInstanceOf(ForbiddenError);
    const { type } = await createTicketType(t.prisma);
    await expect(openGuestRequest(t.prisma, client, { number: sent.number }, { typeId: type.id })).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("the detail", () => {
  it("shows every field and the files, which staff can download", async () => {
    const sent = await sendRequest({
      requesterName: "Ana",
      email: "ana@example.com",
      phone: "5555",
      location: "Block C",
      asset: "Window 3",
      category: "Plumbing",
      priority: "high",
      "custom.f_room": "12",
      "custom.f_risk": "yes",
      files: pngFile(),
    });
    const detail = await getGuestRequest(t.prisma, staff, String(sent.number));
    expect(detail).toMatchObject({
      requesterName: "Ana",
      email: "ana@example.com",
      phone: "5555",
      location: "Block C",
      asset: "Window 3",
      category: "Plumbing",
      priority: "high",
    });
    expect(detail.customValues).toEqual([
      { key: "f_room", label: "Room", value: "12" },
      { key: "f_risk", label: "Anyone at risk?", value: true },
    ]);
    expect(detail.files).toHaveLength(1);
    const file = await openFile(t.prisma, storage, staff, detail.files[0].file.id);
    expect(file.fileName).toBe("photo.png");
    // Nobody else: the file has no owner and is attached to nothing a client reaches.
    await expect(openFile(t.prisma, storage, client, detail.files[0].file.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("an unknown or malformed number is not found", async () => {
    for (const n of ["999999", "abc", "-1", "1.5"]) await expect(getGuestRequest(t.prisma, staff, n)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("deleting", () => {
  it("removes the request, its file rows and the stored objects, and keeps an audit entry", async () => {
    const sent = await sendRequest({ files: [pngFile("a.png"), pngFile("b.png")] });
    const files = await t.prisma.guestRequestFile.findMany({ where: { requestId: sent.id }, include: { file: true } });
    expect(files).toHaveLength(2);
    for (const f of files) expect(storage.objects.has(f.file.storageKey)).toBe(true);
    await deleteGuestRequest(t.prisma, storage, staff, sent.number);
    expect(await t.prisma.guestRequest.findUnique({ where: { id: sent.id } })).toBeNull();
    expect(await t.prisma.storedFile.count({ where: { id: { in: files.map((f) => f.fileId) } } })).toBe(0);
    for (const f of files) expect(storage.objects.has(f.file.storageKey)).toBe(false);
    expect(
      await t.prisma.auditLog.findFirst({ where: { entityType: "GuestRequest", entityId: sent.id, action: "guestRequest.delete", actorId: staff.userId } }),
    ).not.toBeNull();
  });

  it("refuses a request already opened into a ticket (its files belong to the ticket)", async () => {
    const sent = await sendRequest({ files: pngFile() });
    const { type } = await createTicketType(t.prisma);
    await openGuestRequest(t.prisma, staff, { number: sent.number }, { typeId: type.id });
    await expect(deleteGuestRequest(t.prisma, storage, staff, sent.number)).rejects.toBeInstanceOf(ConflictError);
    expect(storage.objects.size).toBeGreaterThan(0);
    await expect(deleteGuestRequest(t.prisma, storage, staff, 999_999)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("opening into a ticket", () => {
  it("creates a ticket of the chosen type in its first stage, with the fields in the description and the files attached; the request becomes OPENED", async () => {
    const { group, type, first } = await createTicketType(t.prisma);
    const sent = await sendRequest(
      {
        requesterName: "Ana Souza",
        email: "ana@example.com",
        location: "Block C",
        category: "Electrical",
        priority: "urgent",
        "custom.f_room": "12",
        "custom.f_risk": "no",
        files: pngFile(),
      },
      "fi",
    );
    const opened = await openGuestRequest(t.prisma, staff, { number: sent.number }, { groupId: group.id, typeId: type.id });
    const ticket = await t.prisma.ticket.findUniqueOrThrow({ where: { id: opened.ticketId }, include: { attachments: true } });
    expect(ticket).toMatchObject({
      number: opened.ticketNumber,
      typeId: type.id,
      groupId: group.id,
      stageId: first.id,
      customerId: null,
      openedById: staff.userId,
      subject: "Broken window",
    });
    expect(ticket.description).toContain(`Created from Guest Portal (request #${sent.number}).`);
    for (const line of [
      "Name: Ana Souza",
      "E-mail: ana@example.com",
      "Location or site: Block C",
      "Category: Electrical",
      "Priority: Urgent",
      "Room: 12",
      "Anyone at risk?: No",
      "Glass on the floor.",
    ]) {
      expect(ticket.description).toContain(line);
    }
    const request = await t.prisma.guestRequest.findUniqueOrThrow({ where: { id: sent.id }, include: { files: true } });
    expect(request).toMatchObject({ status: "OPENED", ticketId: ticket.id });
    expect(ticket.attachments.map((a) => a.fileId)).toEqual(request.files.map((f) => f.fileId));

    // The requester hears about it, in the language they wrote in, with the private link.
    expect(opened.emailIds).toHaveLength(1);
    const mail = await t.prisma.emailMessage.findUniqueOrThrow({ where: { id: opened.emailIds[0] } }).then(received);
    expect(mail).toMatchObject({ to: "ana@example.com", template: "guestRequestStatus", locale: "fi" });
    expect(mail.text).toContain(`/g/status/${sent.statusToken}`);
    expect(await countNewGuestRequests(t.prisma, staff)).toBe(await t.prisma.guestRequest.count({ where: { status: "CREATED" } }));
  });

  it("names an untitled request 'Guest request #n' and e-mails nobody when no address was given", async () => {
    portalToken = await enableGuestPortal(
      t.prisma,
      guestFields((f) => (f.builtIn.title = { shown: false, required: false })),
    );
    const sent = await sendRequest();
    const { type } = await createTicketType(t.prisma);
    const opened = await openGuestRequest(t.prisma, staff, { id: sent.id }, { typeId: type.id });
    expect((await t.prisma.ticket.findUniqueOrThrow({ where: { id: opened.ticketId } })).subject).toBe(`Guest request #${sent.number}`);
    expect(opened.emailIds).toEqual([]);
    portalToken = await enableGuestPortal(t.prisma, everyField);
  });

  it("only once: a request already opened (or closed) is refused, and of two staff opening at once one wins", async () => {
    const { type } = await createTicketType(t.prisma);
    const sent = await sendRequest();
    const results = await Promise.allSettled([
      openGuestRequest(t.prisma, staff, { number: sent.number }, { typeId: type.id }),
      openGuestRequest(t.prisma, staff, { number: sent.number }, { typeId: type.id }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(ConflictError);
    expect(await t.prisma.ticket.count({ where: { guestRequest: { id: sent.id } } })).toBe(1);
    expect(await t.prisma.ticket.count({ where: { typeId: type.id } })).toBe(1);
  });

  it("offers and accepts only active types of active groups (and of the chosen group)", async () => {
    const active = await createTicketType(t.prisma);
    const inactiveType = await createTicketType(t.prisma, { typeActive: false });
    const inactiveGroup = await createTicketType(t.prisma, { groupActive: false });
    const options = await openRequestOptions(t.prisma, staff);
    const offered = options.flatMap((g) => g.types.map((ty) => ty.id));
    expect(offered).toContain(active.type.id);
    expect(offered).not.toContain(inactiveType.type.id);
    expect(offered).not.toContain(inactiveGroup.type.id);

    const sent = await sendRequest();
    for (const typeId of [inactiveType.type.id, inactiveGroup.type.id, "not-a-uuid"]) {
      await expect(openGuestRequest(t.prisma, staff, { number: sent.number }, { typeId })).rejects.toBeInstanceOf(ValidationError);
    }
    await expect(openGuestRequest(t.prisma, staff, { number: sent.number }, { groupId: inactiveType.group.id, typeId: active.type.id })).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect((await t.prisma.guestRequest.findUniqueOrThrow({ where: { id: sent.id } })).status).toBe("CREATED");
  });
});

describe("a ticket opened from a guest request starts on the staff side", () => {
  async function typeWith(stages: { name: string; responsible: "CLIENT" | "STAFF"; terminal?: boolean }[]) {
    const { group, type } = await createTicketType(t.prisma);
    // Replace the fixture's stages with the given workflow.
    await t.prisma.ticketStage.deleteMany({ where: { typeId: type.id } });
    const created = [];
    for (const [position, stage] of stages.entries()) created.push(await t.prisma.ticketStage.create({ data: { typeId: type.id, position, ...stage } }));
    return { group, type, stages: created };
  }

  it("lands in the first staff stage, on the staff's turn, counted as awaiting staff, with the requester's contact on the staff view", async () => {
    const { type, stages } = await typeWith([
      { name: "Opening", responsible: "CLIENT" },
      { name: "Analysis", responsible: "STAFF" },
      { name: "Client review", responsible: "CLIENT" },
      { name: "Done", responsible: "STAFF", terminal: true },
    ]);
    const before = await ticketStats(t.prisma, staff.userId);
    const sent = await sendRequest({ requesterName: "Carla Dias", email: "carla@example.com", phone: "+55 11 5555-0123" });
    const opened = await openGuestRequest(t.prisma, staff, { number: sent.number }, { typeId: type.id });
    const ticket = await t.prisma.ticket.findUniqueOrThrow({ where: { id: opened.ticketId }, include: { stage: true } });
    expect(ticket.stageId).toBe(stages[1].id);
    expect(ticket.stage.responsible).toBe("STAFF");
    expect(ticket.responsible).toBe("STAFF");
    expect(ticket.customerId).toBeNull();
    expect((await ticketStats(t.prisma, staff.userId)).awaitingStaff).toBe(before.awaitingStaff + 1);

    const view = await staffTicketView(t.prisma, staff, opened.ticketNumber, "en");
    expect(view.stageName).toBe("Analysis");
    expect(view.guestRequestNumber).toBe(sent.number);
    expect(view.requester).toEqual({ name: "Carla Dias", email: "carla@example.com", phone: "+55 11 5555-0123" });
  });

  it("refuses a type without a staff stage to start in, leaving the request as it was", async () => {
    const { type } = await typeWith([
      { name: "Opening", responsible: "CLIENT" },
      { name: "Done", responsible: "STAFF", terminal: true },
    ]);
    const sent = await sendRequest();
    const error = await openGuestRequest(t.prisma, staff, { number: sent.number }, { typeId: type.id }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields).toEqual({ typeId: "tickets.errors.typeWithoutStaffStage" });
    expect((await t.prisma.guestRequest.findUniqueOrThrow({ where: { id: sent.id } })).status).toBe("CREATED");
    expect(await t.prisma.ticket.count({ where: { typeId: type.id } })).toBe(0);
  });
});

describe("the requester's e-mails", () => {
  it("mailGuestRequester queues 'closed' with the private link; nothing without an address", async () => {
    const withMail = await sendRequest({ email: "bruno@example.com", requesterName: "Bruno" }, "pt-BR");
    const ids = await mailGuestRequester(t.prisma, withMail.id, "closed");
    expect(ids).toHaveLength(1);
    const mail = await t.prisma.emailMessage.findUniqueOrThrow({ where: { id: ids[0] } }).then(received);
    expect(mail).toMatchObject({ to: "bruno@example.com", template: "guestRequestStatus", locale: "pt-BR" });
    expect(mail.subject).toBe(`Sua solicitação nº ${withMail.number} foi encerrada`);
    expect(mail.text).toContain(`/g/status/${withMail.statusToken}`);
    const withoutMail = await sendRequest();
    expect(await mailGuestRequester(t.prisma, withoutMail.id, "closed")).toEqual([]);
    expect(await mailGuestRequester(t.prisma, "not-an-id", "opened")).toEqual([]);
  });
});

function renderStatusPage(view: GuestStatusView): string {
  // Children go in as the third argument; the props type insists on them, hence the cast.
  const intl = { locale: "en", messages: messagesFor("en"), timeZone: "UTC" } as unknown as ComponentProps<typeof NextIntlClientProvider>;
  return renderToStaticMarkup(createElement(NextIntlClientProvider, intl, createElement(GuestStatusDetails, { request: view, received: false })));
}

describe("the private status page", () => {
  it("shows the number, status and fields; once opened, staff's public replies and never internal notes or others' messages", async () => {
    const sent = await sendRequest({ requesterName: "Carla", "custom.f_room": "7B" });
    let view = await getGuestRequestByStatusToken(t.prisma, sent.statusToken);
    expect(view).toMatchObject({ number: sent.number, status: "CREATED", requesterName: "Carla" });
    let html = renderStatusPage(view!);
    expect(html).toContain(`Request #${sent.number}`);
    expect(html).toContain("Created");
    expect(html).toContain("Carla");
    expect(html).toContain("7B");

    const { type } = await createTicketType(t.prisma);
    const { ticketId } = await openGuestRequest(t.prisma, staff, { number: sent.number }, { typeId: type.id });
    const message = (body: string, kind: "COMMENT" | "INTERNAL_NOTE" | "UNDERSTANDING_APPROVED", fromStaff: boolean) =>
      t.prisma.ticketMessage.create({
        data: { ticketId, body, kind, fromStaff, authorName: fromStaff ? staff.name : "Someone", authorId: fromStaff ? staff.userId : null },
      });
    await message("We will replace the glass on Monday.", "COMMENT", true);
    await message("SECRET: the supplier overcharges us", "INTERNAL_NOTE", true);
    await message("CLIENT-SIDE remark", "COMMENT", false);
    await message("DECISION text", "UNDERSTANDING_APPROVED", false);

    view = await getGuestRequestByStatusToken(t.prisma, sent.statusToken);
    expect(view?.status).toBe("OPENED");
    expect(view?.replies.map((r) => r.body)).toEqual(["We will replace the glass on Monday."]);
    html = renderStatusPage(view!);
    expect(html).toContain("Opened (in progress)");
    expect(html).toContain("We will replace the glass on Monday.");
    expect(html).not.toContain("SECRET");
    expect(html).not.toContain("CLIENT-SIDE");
    expect(html).not.toContain("DECISION");

    await t.prisma.guestRequest.update({ where: { id: sent.id }, data: { status: "CLOSED" } });
    expect(renderStatusPage((await getGuestRequestByStatusToken(t.prisma, sent.statusToken))!)).toContain("Closed");
  });

  it("an unknown, malformed or guessed token shows nothing", async () => {
    const sent = await sendRequest();
    for (const token of ["", "x".repeat(43), sent.statusToken.slice(0, -1), `${sent.statusToken}x`, sent.id, null]) {
      expect(await getGuestRequestByStatusToken(t.prisma, token)).toBeNull();
    }
  });
});
