// The access matrix (outside probe, 189 cross-customer probes, all refused):
// two customers A and B, each with a portal client, each owning a ticket (with
// an internal note, an internal file, a value of a field invisible in the
// portal, a public reply with a file), a contact with a file, event
// registrations, a certificate and an unattached upload. Every domain read and
// write the portal uses, and the portal's server actions, are called as A with
// B's ids (and as a client with staff-only fields) → refused, B's records
// unchanged, and nothing of B's in the answer. The portal views of A's own
// records never carry A's internal notes, internal files or portal-invisible
// values. One row per (resource × operation); the patterns of the single
// resources live in tickets-access.test.ts and contacts-security.test.ts.
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";

const state = vi.hoisted(() => ({ actor: null as unknown as Actor, db: null as unknown as Db }));

vi.mock("@/lib/db", () => ({ db: new Proxy({}, { get: (_t, p) => Reflect.get(state.db as object, p) }) }));
// The guards let anyone through: the domain functions must refuse on their own.
vi.mock("@/lib/auth/session", () => ({
  getActor: async () => state.actor,
  requireClient: async () => state.actor,
  requireStaff: async () => state.actor,
  requireAdmin: async () => state.actor,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("@/lib/jobs/notify", () => ({ notifyOutbox: async () => {} }));

import { listCpfChanges, ownCpf, setOwnCpf } from "@/lib/account/cpf";
import { addContactMessageAction, createContactAction, finishContactAction, reopenContactAction, replyToContactAction } from "@/lib/contacts/actions";
import { contactFormOptions, createContact } from "@/lib/contacts/create-contact";
import { getMyContact, listMyContacts } from "@/lib/contacts/list-contacts";
import { addClientMessage } from "@/lib/contacts/messages";
import { newContactSchema } from "@/lib/contacts/schemas";
import { finishContact, getStaffContact, listStaffContacts, reopenContact, replyToContact } from "@/lib/contacts/staff";
import { DomainError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { joinEvent } from "@/lib/events/attendance";
import { openCertificate } from "@/lib/events/certificates/access";
import { calendarFileFor } from "@/lib/events/event-calendar-file";
import { cancelMyRegistrationAction, registerInPortalAction } from "@/lib/events/portal-actions";
import { getPortalEvent, listMyRegistrations, listOpenEvents } from "@/lib/events/portal-events";
import { cancelRegistration, registerForEvent } from "@/lib/events/registration";
import { claimUploads, openFile, uploadFile } from "@/lib/files/files";
import { assignTicket, cancelTicket, deleteTicket } from "@/lib/tickets/admin";
import { addTicketAttachments, addTicketMessage } from "@/lib/tickets/discussion";
import { forwardTicket, saveTicketValues } from "@/lib/tickets/forward";
import { listClientTickets, listStaffQueue, staffQueueChoices } from "@/lib/tickets/lists";
import { newTicketOptions } from "@/lib/tickets/new-ticket-options";
import { openTicket } from "@/lib/tickets/open-ticket";
import {
  addTicketMessageAction,
  attachTicketFilesAction,
  decideUnderstandingAction,
  forwardTicketAction,
  openTicketAction,
  saveTicketValuesAction,
} from "@/lib/tickets/portal-actions";
import {
  cancelTicketAction,
  staffAddTicketMessageAction,
  staffAssignTicketAction,
  staffForwardTicketAction,
  staffSaveUnderstandingAction,
} from "@/lib/tickets/staff-actions";
import { decideUnderstanding, saveUnderstanding } from "@/lib/tickets/understanding";
import { clientTicketView, staffTicketView } from "@/lib/tickets/views";
import { centralInput, createOptions, storage, upload, type Options } from "../helpers/contacts";
import { createActor, uniqueTag } from "../helpers/factories";
import { withTestDatabase } from "../helpers/db-test";
import { createTicketClient, createTicketWorkflow, type TicketWorkflow } from "../helpers/ticket-fixtures";

const t = withTestDatabase();
let wf: TicketWorkflow;
let o: Options;
let staff: Actor;
let admin: Actor;
let sharedEvent: { id: string; number: number; slug: string };
let A: Side;
let B: Side;
const DAY = 86_400_000;
const CPF_B = "52998224725";
const CPF_OTHER = "11144477735";

type Client = Awaited<ReturnType<typeof createTicketClient>>;
type Side = Awaited<ReturnType<typeof createSide>>;

/**
 * One customer's world. Every text it owns starts with its marker; the
 * internal ones (never for its own client) are listed apart.
 */
async function createSide(name: "A" | "B") {
  const client: Client = await createTicketClient(t.prisma);
  const m = `MK${name}${uniqueTag("x")}`;
  const internal = { note: `${m}-INTERNAL-NOTE`, fileText: `${m}-INTERNAL-FILE-TEXT`, fileName: `${m}-internal.txt`, costCenter: `${m}-COST-CENTER` };

  // The ticket: the client's file at opening; staff add a portal-invisible value, an internal note with a file, a public reply with a file.
  const openingFile = await upload(t.prisma, client.actor, `${m}-opening-file`, `${m}-opening.txt`);
  const opened = await openTicket(t.prisma, client.actor, {
    customerId: client.customer.id,
    typeId: wf.type.id,
    subject: `${m}-ticket-subject`,
    description: `${m}-ticket-description`,
    values: { [wf.fields.system.id]: `${m}-system` },
    toStageId: wf.stages.analysis.id,
    conditionId: wf.conditions.request,
    reason: `${m}-reason`,
    fileIds: [openingFile.id],
  });
  await saveTicketValues(t.prisma, staff, opened.id, { values: { [wf.fields.costCenter.id]: internal.costCenter } });
  const internalFile = await upload(t.prisma, staff, internal.fileText, internal.fileName);
  await addTicketMessage(t.prisma, staff, opened.id, { body: internal.note, internal: true, fileIds: [internalFile.id] });
  const replyFile = await upload(t.prisma, staff, `${m}-reply-file`, `${m}-reply.txt`);
  await addTicketMessage(t.prisma, staff, opened.id, { body: `${m}-public-reply`, fileIds: [replyFile.id] });
  // The client's turn: forward, decide, values and messages would all be open to its own client.
  await forwardTicket(t.prisma, staff, opened.id, {
    toStageId: wf.stages.review.id,
    conditionId: wf.conditions.proposed,
    reason: `${m}-proposal`,
    values: { [wf.fields.rootCause.id]: `${m}-root-cause` },
  });
  const ticket = { id: opened.id, number: opened.number };

  // A contact of the company, with a file.
  const contactFile = await upload(t.prisma, client.actor, `${m}-contact-file`, `${m}-contact.txt`);
  const contact = await createContact(
    t.prisma,
    client.actor,
    newContactSchema.parse(centralInput(o, { message: `${m}-contact-message`, fileIds: [contactFile.id] })),
  );

  // Registrations: in the shared open event, and in a private (not in the portal) past event, with a certificate.
  const sharedRegistration = await t.prisma.registration.create({
    data: { eventId: sharedEvent.id, userId: client.user.id, name: client.user.name, email: client.user.email, status: "REGISTERED", source: "PORTAL" },
  });
  const privateEvent = await t.prisma.event.create({
    data: {
      name: `${m}-private-event`,
      slug: `${m}-private`.toLowerCase(),
      startsAt: new Date(Date.now() - 3 * DAY),
      endsAt: new Date(Date.now() - 3 * DAY + 3600_000),
      timeZone: "UTC",
      typeId: eventTypeId,
      seats: 10,
      visibleInPortal: false,
      publicRegistration: false,
      onlineUrl: `https://meet.example/${m}`,
    },
  });
  const privateRegistration = await t.prisma.registration.create({
    data: {
      eventId: privateEvent.id,
      userId: client.user.id,
      name: client.user.name,
      email: client.user.email,
      status: "REGISTERED",
      source: "STAFF",
      attendedAt: privateEvent.startsAt,
    },
  });
  const certificateKey = `certificates/${m}.pdf`;
  await storage.put(certificateKey, new TextEncoder().encode(`%PDF ${m}-certificate`), "application/pdf");
  const certificate = await t.prisma.certificate.create({
    data: {
      registrationId: privateRegistration.id,
      code: `C${uniqueTag("")}`
        .toUpperCase()
        .replace(/[^A-Z0-9]/g, "")
        .slice(0, 12),
      participantName: client.user.name,
      eventName: privateEvent.name,
      eventStartsAt: privateEvent.startsAt,
      eventEndsAt: privateEvent.endsAt,
      eventTimeZone: "UTC",
      storageKey: certificateKey,
    },
  });

  // An upload attached to nothing yet.
  const loose = await upload(t.prisma, client.actor, `${m}-loose-file`, `${m}-loose.txt`);
  if (name === "B") await t.prisma.user.update({ where: { id: client.user.id }, data: { cpf: CPF_B } });

  return {
    ...client,
    m,
    internal,
    ticket,
    contact: { id: contact.id, number: contact.number },
    files: { opening: openingFile.id, internal: internalFile.id, reply: replyFile.id, contact: contactFile.id, loose: loose.id },
    privateEvent: { id: privateEvent.id, number: privateEvent.number, slug: privateEvent.slug },
    registrations: { shared: sharedRegistration.id, private: privateRegistration.id },
    certificate: { id: certificate.id, code: certificate.code },
  };
}
let eventTypeId: string;

/** Every string of B's the answers must never carry: its marker covers the texts; ids and codes are listed. */
const secretsOf = (s: Side) => [
  s.m,
  s.ticket.id,
  s.customer.id,
  s.customer.name,
  ...Object.values(s.files),
  s.privateEvent.id,
  s.registrations.shared,
  s.registrations.private,
  s.certificate.id,
  s.certificate.code,
  CPF_B,
];

/** B's records as the database holds them, to show that no refused write changed anything. */
async function fingerprint(s: Side) {
  const [ticket, contact, registrations, files, user] = await Promise.all([
    t.prisma.ticket.findUniqueOrThrow({
      where: { id: s.ticket.id },
      include: { messages: { orderBy: { createdAt: "asc" } }, attachments: { orderBy: { fileId: "asc" } }, values: { orderBy: { fieldId: "asc" } } },
    }),
    t.prisma.contact.findUniqueOrThrow({
      where: { number: s.contact.number },
      include: { messages: { include: { attachments: true }, orderBy: { createdAt: "asc" } } },
    }),
    t.prisma.registration.findMany({ where: { OR: [{ userId: s.user.id }, { eventId: s.privateEvent.id }] }, orderBy: { id: "asc" } }),
    t.prisma.storedFile.findMany({ where: { id: { in: Object.values(s.files) } }, orderBy: { id: "asc" } }),
    t.prisma.user.findUniqueOrThrow({ where: { id: s.user.id }, select: { cpf: true } }),
  ]);
  const tickets = await t.prisma.ticket.count({ where: { customerId: s.customer.id } });
  const contacts = await t.prisma.contact.count({ where: { customerId: s.customer.id } });
  return JSON.stringify({ ticket, contact, registrations, files, user, tickets, contacts }, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v));
}

const serialize = (value: unknown) =>
  JSON.stringify(value ?? null, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v instanceof Uint8Array ? new TextDecoder().decode(v) : v));

type Refusal = "notFound" | "forbidden" | "denied" | "invalid" | "refused" | "action" | "answer";
const REFUSALS: Record<Exclude<Refusal, "action" | "answer">, (e: unknown) => boolean> = {
  notFound: (e) => e instanceof NotFoundError,
  forbidden: (e) => e instanceof ForbiddenError,
  denied: (e) => e instanceof NotFoundError || e instanceof ForbiddenError,
  invalid: (e) => e instanceof ValidationError,
  refused: (e) => e instanceof DomainError,
};

/** [resource, operation, expected answer, call as A]. "action": { ok: false }; "answer": a value without anything of B's. */
type Row = [resource: string, operation: string, expected: Refusal, call: () => Promise<unknown>];

const page = { page: 1, pageSize: 50, q: "" };
const asA = <T>(fn: () => Promise<T>) => {
  state.actor = A.actor;
  return fn();
};

// Rows are built lazily: the ids exist only after beforeAll.
const crossCustomer = (): Row[] => [
  // Tickets (lib/tickets/**)
  ["ticket", "view B's ticket (clientTicketView)", "notFound", () => clientTicketView(t.prisma, A.actor, B.ticket.number, "en")],
  ["ticket", "staff view of B's ticket", "denied", () => staffTicketView(t.prisma, A.actor, B.ticket.number, "en")],
  ["ticket", "list, unfiltered", "answer", () => listClientTickets(t.prisma, A.actor, {})],
  ["ticket", "list, searching B's number", "answer", () => listClientTickets(t.prisma, A.actor, { q: `#${B.ticket.number}` })],
  [
    "ticket",
    "list, searching B's subject",
    "answer",
    async () => {
      // The answer echoes the search text; the rows must be empty.
      const list = await listClientTickets(t.prisma, A.actor, { q: `${B.m}-ticket-subject` });
      expect(list.rows).toEqual([]);
      return { ...list, q: undefined };
    },
  ],
  ["ticket", "staff queue", "denied", () => listStaffQueue(t.prisma, A.actor, { q: B.m })],
  ["ticket", "staff queue choices", "denied", () => staffQueueChoices(t.prisma, A.actor)],
  ["ticket", "new ticket options (customers offered)", "answer", () => newTicketOptions(t.prisma, A.actor, "en")],
  [
    "ticket",
    "open a ticket for B's customer",
    "invalid",
    () =>
      openTicket(t.prisma, A.actor, {
        customerId: B.customer.id,
        typeId: wf.type.id,
        subject: "x",
        description: "x",
        values: { [wf.fields.system.id]: "x" },
        toStageId: wf.stages.analysis.id,
        conditionId: wf.conditions.request,
        reason: "x",
        fileIds: [],
      }),
  ],
  [
    "ticket",
    "forward B's ticket",
    "notFound",
    () => forwardTicket(t.prisma, A.actor, B.ticket.id, { toStageId: wf.stages.analysis.id, conditionId: wf.conditions.infoProvided, reason: "x" }),
  ],
  ["ticket", "save values on B's ticket", "notFound", () => saveTicketValues(t.prisma, A.actor, B.ticket.id, { values: { [wf.fields.reference.id]: "x" } })],
  [
    "ticket",
    "save B's portal-invisible value",
    "notFound",
    () => saveTicketValues(t.prisma, A.actor, B.ticket.id, { values: { [wf.fields.costCenter.id]: "x" } }),
  ],
  ["ticket", "message on B's ticket", "notFound", () => addTicketMessage(t.prisma, A.actor, B.ticket.id, { body: "hello" })],
  ["ticket", "internal note on B's ticket", "denied", () => addTicketMessage(t.prisma, A.actor, B.ticket.id, { body: "psst", internal: true })],
  ["ticket", "attach A's upload to B's ticket", "notFound", () => addTicketAttachments(t.prisma, A.actor, B.ticket.id, { fileIds: [A.files.loose] })],
  [
    "ticket",
    "attach internal files to B's ticket",
    "denied",
    () => addTicketAttachments(t.prisma, A.actor, B.ticket.id, { fileIds: [A.files.loose], internal: true }),
  ],
  [
    "ticket",
    "decide the understanding of B's ticket",
    "notFound",
    () => decideUnderstanding(t.prisma, A.actor, B.ticket.id, { decision: "APPROVE", toStageId: wf.stages.analysis.id, conditionId: wf.conditions.approved }),
  ],
  ["ticket", "save the understanding of B's ticket (staff)", "denied", () => saveUnderstanding(t.prisma, A.actor, B.ticket.id, { understanding: "x" })],
  ["ticket", "assign B's ticket (staff)", "denied", () => assignTicket(t.prisma, A.actor, B.ticket.id, { assigneeId: A.user.id })],
  ["ticket", "cancel B's ticket (admin)", "denied", () => cancelTicket(t.prisma, A.actor, B.ticket.id, { reason: "x" })],
  ["ticket", "delete B's ticket (admin)", "denied", () => deleteTicket(t.prisma, storage, A.actor, B.ticket.id)],
  ["ticket", "attach B's upload to A's ticket", "invalid", () => addTicketAttachments(t.prisma, A.actor, A.ticket.id, { fileIds: [B.files.loose] })],
  [
    "ticket",
    "message on A's ticket with B's upload",
    "invalid",
    () => addTicketMessage(t.prisma, A.actor, A.ticket.id, { body: "see", fileIds: [B.files.loose] }),
  ],
  [
    "ticket",
    "message on A's ticket with B's attached file",
    "invalid",
    () => addTicketMessage(t.prisma, A.actor, A.ticket.id, { body: "see", fileIds: [B.files.opening] }),
  ],
  [
    "ticket",
    "open a ticket with B's upload",
    "invalid",
    () =>
      openTicket(t.prisma, A.actor, {
        customerId: A.customer.id,
        typeId: wf.type.id,
        subject: "x",
        description: "x",
        values: { [wf.fields.system.id]: "x" },
        toStageId: wf.stages.analysis.id,
        conditionId: wf.conditions.request,
        reason: "x",
        fileIds: [B.files.loose],
      }),
  ],
  // Ticket server actions (the portal's, and the staff ones reached past their guard)
  [
    "ticket action",
    "openTicketAction for B's customer",
    "action",
    () =>
      asA(() =>
        openTicketAction({
          customerId: B.customer.id,
          typeId: wf.type.id,
          subject: "x",
          description: "x",
          values: { [wf.fields.system.id]: "x" },
          toStageId: wf.stages.analysis.id,
          conditionId: wf.conditions.request,
          reason: "x",
          fileIds: [],
        }),
      ),
  ],
  [
    "ticket action",
    "forwardTicketAction",
    "action",
    () => asA(() => forwardTicketAction(B.ticket.id, { toStageId: wf.stages.analysis.id, conditionId: wf.conditions.infoProvided, reason: "x" })),
  ],
  ["ticket action", "saveTicketValuesAction", "action", () => asA(() => saveTicketValuesAction(B.ticket.id, { values: { [wf.fields.reference.id]: "x" } }))],
  ["ticket action", "addTicketMessageAction", "action", () => asA(() => addTicketMessageAction(B.ticket.id, { body: "hello" }))],
  ["ticket action", "attachTicketFilesAction", "action", () => asA(() => attachTicketFilesAction(B.ticket.id, { fileIds: [A.files.loose] }))],
  [
    "ticket action",
    "decideUnderstandingAction",
    "action",
    () => asA(() => decideUnderstandingAction(B.ticket.id, { decision: "APPROVE", toStageId: wf.stages.analysis.id, conditionId: wf.conditions.approved })),
  ],
  [
    "ticket action",
    "staffForwardTicketAction",
    "action",
    () => asA(() => staffForwardTicketAction(B.ticket.id, { toStageId: wf.stages.analysis.id, conditionId: wf.conditions.infoProvided, reason: "x" })),
  ],
  [
    "ticket action",
    "staffAddTicketMessageAction (internal)",
    "action",
    () => asA(() => staffAddTicketMessageAction(B.ticket.id, { body: "psst", internal: true })),
  ],
  ["ticket action", "staffSaveUnderstandingAction", "action", () => asA(() => staffSaveUnderstandingAction(B.ticket.id, { understanding: "x" }))],
  ["ticket action", "staffAssignTicketAction", "action", () => asA(() => staffAssignTicketAction(B.ticket.id, { assigneeId: A.user.id }))],
  ["ticket action", "cancelTicketAction", "action", () => asA(() => cancelTicketAction(B.ticket.id, { reason: "x" }))],

  // Files (lib/files/**)
  ["file", "read B's ticket attachment", "notFound", () => openFile(t.prisma, storage, A.actor, B.files.opening)],
  ["file", "read B's public reply file", "notFound", () => openFile(t.prisma, storage, A.actor, B.files.reply)],
  ["file", "read B's internal file", "notFound", () => openFile(t.prisma, storage, A.actor, B.files.internal)],
  ["file", "read B's contact attachment", "notFound", () => openFile(t.prisma, storage, A.actor, B.files.contact)],
  ["file", "read B's unattached upload", "notFound", () => openFile(t.prisma, storage, A.actor, B.files.loose)],
  ["file", "claim B's upload", "invalid", () => claimUploads(t.prisma, A.actor, [B.files.loose])],
  ["file", "claim B's attached file", "invalid", () => claimUploads(t.prisma, A.actor, [B.files.contact])],
  [
    "file",
    "upload event artwork (staff)",
    "forbidden",
    () => uploadFile(t.prisma, storage, A.actor, { fileName: "a.png", bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47]), purpose: "EVENT_ARTWORK" }),
  ],

  // Contacts (lib/contacts/**)
  ["contact", "view B's contact", "notFound", () => getMyContact(t.prisma, A.actor, B.contact.number)],
  ["contact", "list, unfiltered", "answer", () => listMyContacts(t.prisma, A.actor, page)],
  ["contact", "list, searching B's number", "answer", () => listMyContacts(t.prisma, A.actor, { ...page, q: String(B.contact.number) })],
  ["contact", "form options (companies offered)", "answer", () => contactFormOptions(t.prisma, A.actor)],
  ["contact", "message on B's contact", "notFound", () => addClientMessage(t.prisma, A.actor, B.contact.number, { body: "hello", fileIds: [] })],
  [
    "contact",
    "message on A's contact with B's upload",
    "invalid",
    () => addClientMessage(t.prisma, A.actor, A.contact.number, { body: "see", fileIds: [B.files.loose] }),
  ],
  [
    "contact",
    "new contact filed under B's company",
    "invalid",
    () => createContact(t.prisma, A.actor, newContactSchema.parse(centralInput(o, { customerId: B.customer.id }))),
  ],
  [
    "contact",
    "new contact with B's upload",
    "invalid",
    () => createContact(t.prisma, A.actor, newContactSchema.parse(centralInput(o, { fileIds: [B.files.loose] }))),
  ],
  ["contact", "staff view of B's contact", "denied", () => getStaffContact(t.prisma, A.actor, B.contact.number)],
  ["contact", "staff list", "denied", () => listStaffContacts(t.prisma, A.actor, { ...page, q: String(B.contact.number) })],
  ["contact", "staff reply to B's contact", "denied", () => replyToContact(t.prisma, A.actor, B.contact.number, { body: "x", fileIds: [] })],
  ["contact", "finish B's contact (staff)", "denied", () => finishContact(t.prisma, A.actor, B.contact.number)],
  ["contact", "reopen B's contact (staff)", "denied", () => reopenContact(t.prisma, A.actor, B.contact.number)],
  ["contact action", "addContactMessageAction", "action", () => asA(() => addContactMessageAction(B.contact.id, { body: "hello", fileIds: [] }))],
  ["contact action", "createContactAction under B's company", "action", () => asA(() => createContactAction(centralInput(o, { customerId: B.customer.id })))],
  ["contact action", "replyToContactAction", "action", () => asA(() => replyToContactAction(B.contact.id, { body: "x", fileIds: [] }))],
  ["contact action", "finishContactAction", "action", () => asA(() => finishContactAction(B.contact.id))],
  ["contact action", "reopenContactAction", "action", () => asA(() => reopenContactAction(B.contact.id))],

  // Events (lib/events/** portal functions)
  ["event", "view B's private event", "notFound", () => getPortalEvent(t.prisma, A.actor, B.privateEvent.number)],
  ["event", "view the shared event (B's registration)", "answer", () => getPortalEvent(t.prisma, A.actor, sharedEvent.number)],
  ["event", "open events list", "answer", () => listOpenEvents(t.prisma, A.actor, page)],
  [
    "event",
    "calendar file of B's private event",
    "answer",
    async () => {
      const ics = await calendarFileFor(t.prisma, A.actor, B.privateEvent.slug, { host: "portal.test", locale: "en", url: "https://portal.test/e/x" });
      expect(ics, "no calendar file of an event A cannot see").toBeNull();
      return ics;
    },
  ],
  ["event", "join B's private online event", "notFound", () => joinEvent(t.prisma, { userId: A.user.id }, B.privateEvent.number)],
  ["event", "register in B's private event", "notFound", () => registerForEvent(t.prisma, B.privateEvent.id, { source: "PORTAL", actor: A.actor })],
  [
    "event",
    "register as staff (another user)",
    "forbidden",
    () => registerForEvent(t.prisma, sharedEvent.id, { source: "STAFF", actor: A.actor, name: "x", email: B.user.email, userId: B.user.id }),
  ],
  ["registration", "list my registrations", "answer", () => listMyRegistrations(t.prisma, A.actor, page)],
  ["registration", "cancel B's registration (shared event)", "notFound", () => cancelRegistration(t.prisma, { actor: A.actor }, B.registrations.shared)],
  ["registration", "cancel B's registration (private event)", "notFound", () => cancelRegistration(t.prisma, { actor: A.actor }, B.registrations.private)],
  ["event action", "registerInPortalAction in B's private event", "action", () => asA(() => registerInPortalAction({ eventId: B.privateEvent.id }))],
  ["event action", "cancelMyRegistrationAction on B's registration", "action", () => asA(() => cancelMyRegistrationAction(B.registrations.shared))],

  // Certificates
  ["certificate", "download B's certificate", "notFound", () => openCertificate(t.prisma, storage, A.actor, B.certificate.id)],
  ["certificate", "download by B's code as id", "notFound", () => openCertificate(t.prisma, storage, A.actor, B.certificate.code)],

  // Account (lib/account/**)
  ["account", "own CPF", "answer", () => ownCpf(t.prisma, A.actor)],
  ["account", "B's CPF change log (admin)", "forbidden", () => listCpfChanges(t.prisma, A.actor, B.user.id)],
  ["account", "claim B's CPF", "refused", () => setOwnCpf(t.prisma, A.actor, { cpf: CPF_B })],
];

/** A client sending staff-only data on its own records: refused, and A's records unchanged. */
const staffOnlyFields = (): Row[] => [
  [
    "ticket",
    "save the portal-invisible value",
    "invalid",
    () => saveTicketValues(t.prisma, A.actor, A.ticket.id, { values: { [wf.fields.costCenter.id]: "CC-GUESS" } }),
  ],
  [
    "ticket",
    "forward with the portal-invisible value",
    "invalid",
    () =>
      forwardTicket(t.prisma, A.actor, A.ticket.id, {
        toStageId: wf.stages.analysis.id,
        conditionId: wf.conditions.infoProvided,
        reason: "x",
        values: { [wf.fields.costCenter.id]: "CC-GUESS" },
      }),
  ],
  [
    "ticket",
    "open with the portal-invisible value",
    "invalid",
    () =>
      openTicket(t.prisma, A.actor, {
        customerId: A.customer.id,
        typeId: wf.type.id,
        subject: "x",
        description: "x",
        values: { [wf.fields.system.id]: "x", [wf.fields.costCenter.id]: "CC-GUESS" },
        toStageId: wf.stages.analysis.id,
        conditionId: wf.conditions.request,
        reason: "x",
        fileIds: [],
      }),
  ],
  ["ticket", "internal note", "forbidden", () => addTicketMessage(t.prisma, A.actor, A.ticket.id, { body: "psst", internal: true })],
  ["ticket", "internal attachment", "forbidden", () => addTicketAttachments(t.prisma, A.actor, A.ticket.id, { fileIds: [A.files.loose], internal: true })],
  ["ticket", "save the understanding", "denied", () => saveUnderstanding(t.prisma, A.actor, A.ticket.id, { understanding: "x" })],
  ["ticket", "assign", "denied", () => assignTicket(t.prisma, A.actor, A.ticket.id, { assigneeId: A.user.id })],
  ["ticket", "cancel", "denied", () => cancelTicket(t.prisma, A.actor, A.ticket.id, { reason: "x" })],
  ["file", "read A's own ticket's internal file", "notFound", () => openFile(t.prisma, storage, A.actor, A.files.internal)],
  ["contact", "reply as staff to A's own contact", "denied", () => replyToContact(t.prisma, A.actor, A.contact.number, { body: "x", fileIds: [] })],
  ["contact", "finish A's own contact", "denied", () => finishContact(t.prisma, A.actor, A.contact.number)],
];

/** The portal's views of A's own records: A's data is there, A's internal data never. */
const ownViews = (): [resource: string, view: string, read: () => Promise<unknown>, expected: () => string][] => [
  ["ticket", "clientTicketView", () => clientTicketView(t.prisma, A.actor, A.ticket.number, "en"), () => `${A.m}-public-reply`],
  ["ticket", "listClientTickets", () => listClientTickets(t.prisma, A.actor, {}), () => `${A.m}-ticket-subject`],
  ["ticket", "public reply file", () => openFile(t.prisma, storage, A.actor, A.files.reply), () => `${A.m}-reply-file`],
  ["contact", "getMyContact", () => getMyContact(t.prisma, A.actor, A.contact.number), () => `${A.m}-contact-message`],
  ["contact", "listMyContacts", () => listMyContacts(t.prisma, A.actor, page), () => A.contact.number.toString()],
  ["registration", "listMyRegistrations", () => listMyRegistrations(t.prisma, A.actor, page), () => A.certificate.id],
  ["event", "getPortalEvent (registered private event)", () => getPortalEvent(t.prisma, A.actor, A.privateEvent.number), () => A.registrations.private],
  ["certificate", "openCertificate", () => openCertificate(t.prisma, storage, A.actor, A.certificate.id), () => `${A.m}-certificate`],
];

beforeAll(async () => {
  state.db = t.prisma;
  wf = await createTicketWorkflow(t.prisma);
  o = await createOptions(t.prisma);
  staff = (await createActor(t.prisma, "STAFF")).actor;
  admin = (await createActor(t.prisma, "ADMIN")).actor;
  eventTypeId = (await t.prisma.eventType.create({ data: { name: "Training" } })).id;
  const tag = uniqueTag("shared");
  sharedEvent = await t.prisma.event.create({
    data: {
      name: `Shared ${tag}`,
      slug: tag,
      startsAt: new Date(Date.now() + 10 * DAY),
      endsAt: new Date(Date.now() + 10 * DAY + 3600_000),
      timeZone: "UTC",
      typeId: eventTypeId,
      seats: 10,
      visibleInPortal: true,
    },
    select: { id: true, number: true, slug: true },
  });
  A = await createSide("A");
  B = await createSide("B");
  await setOwnCpf(t.prisma, A.actor, { cpf: CPF_OTHER });
}, 240_000);

async function expectRefused(expected: Refusal, call: () => Promise<unknown>) {
  const outcome = await call().then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  if (expected === "answer") {
    if (!outcome.ok) throw outcome.error;
    return outcome.value;
  }
  if (expected === "action") {
    // A server action answers with a result (or a redirect thrown on success).
    expect(outcome.ok ? outcome.value : String(outcome.error)).toMatchObject({ ok: false });
    return outcome.ok ? outcome.value : outcome.error;
  }
  expect(outcome.ok, `expected a refusal (${expected}), got ${outcome.ok ? serialize(outcome.value) : ""}`).toBe(false);
  const error = (outcome as { error: unknown }).error;
  expect(REFUSALS[expected](error), `expected ${expected}, got ${String(error)}`).toBe(true);
  return { name: (error as Error).name, message: (error as Error).message, ...(error as object) };
}

describe("as customer A, with customer B's ids", () => {
  it.each(crossCustomer())("%s × %s → %s, nothing of B's in the answer, B unchanged", async (_resource, _operation, expected, call) => {
    const before = await fingerprint(B);
    const answer = serialize(await expectRefused(expected, call));
    for (const secret of secretsOf(B)) expect(answer, `the answer carries ${secret}`).not.toContain(secret);
    expect(await fingerprint(B)).toBe(before);
  });
});

describe("as client A, with staff-only fields on A's own records", () => {
  it.each(staffOnlyFields())("%s × %s → %s, A's records unchanged", async (_resource, _operation, expected, call) => {
    const before = await fingerprint(A);
    const answer = serialize(await expectRefused(expected, call));
    for (const secret of Object.values(A.internal)) expect(answer).not.toContain(secret);
    expect(await fingerprint(A)).toBe(before);
    expect(
      await t.prisma.ticketFieldValue.findMany({ where: { ticketId: A.ticket.id, fieldId: wf.fields.costCenter.id } }).then((r) => serialize(r)),
    ).toContain(A.internal.costCenter);
  });
});

describe("the portal's views of A's own records", () => {
  it.each(ownViews())("%s × %s shows A's data and none of A's internal data (nor B's)", async (_resource, _view, read, expected) => {
    const view = serialize(await read());
    expect(view).toContain(expected());
    for (const secret of [...Object.values(A.internal), A.files.internal]) expect(view, `the view carries ${secret}`).not.toContain(secret);
    for (const secret of secretsOf(B)) expect(view, `the view carries ${secret}`).not.toContain(secret);
  });

  it("staff do see the internal data (the markers are real)", async () => {
    const view = serialize(await staffTicketView(t.prisma, staff, A.ticket.number, "en"));
    for (const secret of [A.internal.note, A.internal.costCenter, A.files.internal]) expect(view).toContain(secret);
    expect(serialize(await openFile(t.prisma, storage, admin, A.files.internal))).toContain(A.internal.fileText);
    // And B's own client reaches B's records (the refusals above are about the customer, not broken records).
    expect(serialize(await clientTicketView(t.prisma, B.actor, B.ticket.number, "en"))).toContain(`${B.m}-public-reply`);
    expect(serialize(await openCertificate(t.prisma, storage, B.actor, B.certificate.id))).toContain(`${B.m}-certificate`);
    expect((await getMyContact(t.prisma, B.actor, B.contact.number)).number).toBe(B.contact.number);
  });
});
