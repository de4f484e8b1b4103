// Erasure by anonymisation: after it, no table and no stored file holds the
// person's e-mail, CPF or name, while counts, attendance and ticket history
// still add up and their certificate answers "revoked for privacy". Legal
// holds refuse it, with the reason.
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { setClock } from "@/lib/clock";
import { verifyCertificate } from "@/lib/events/certificates/access";
import { formatCpf } from "@/lib/settings/cpf-number";
import { uploadFile } from "@/lib/files/files";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import { erasePerson, legalHolds } from "@/lib/privacy/erase";
import { findPeople } from "@/lib/privacy/find";
import { PRIVACY_PLACEHOLDER } from "@/lib/privacy/placeholder";
import { resolvePerson } from "@/lib/privacy/person";
import { addTicketMessage } from "@/lib/tickets/discussion";
import { LocalFileStorage } from "@/lib/storage";
import { withTestDatabase } from "../helpers/db-test";
import {
  actorFor,
  createClient,
  createContact,
  createCustomer,
  createEvent,
  createGuestRequest,
  createRegistration,
  createStaff,
  createTicket,
  uniqueTag,
} from "../helpers/factories";
import { pngFile } from "../helpers/guest-fixtures";

// Each test builds a person across every kind of record: slow on a busy machine.
vi.setConfig({ testTimeout: 120_000 });

const t = withTestDatabase();

/** An event through the staff form, with its row (times, name). */
async function eventWithRow(options: Parameters<typeof createEvent>[1]) {
  const created = await createEvent(t.prisma, options);
  return { ...created, ...(await t.prisma.event.findUniqueOrThrow({ where: { id: created.id } })) };
}
let storageDir: string;
let storage: LocalFileStorage;

beforeAll(async () => {
  storageDir = await mkdtemp(path.join(tmpdir(), "portico-erasure-"));
  storage = new LocalFileStorage(storageDir);
});
afterAll(async () => {
  setClock(null);
  await rm(storageDir, { recursive: true, force: true });
});

/** Every row of every table of the application's schema, as JSON text. */
async function dumpDatabase(): Promise<string> {
  const tables = await t.prisma.$queryRaw<{ table_name: string }[]>`
    SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`;
  expect(tables.length).toBeGreaterThan(30);
  const parts: string[] = [];
  for (const { table_name } of tables) {
    const rows = await t.prisma.$queryRawUnsafe<{ j: string }[]>(`SELECT row_to_json(x)::text AS j FROM "${table_name.replace(/"/g, '""')}" x`);
    parts.push(`== ${table_name}\n${rows.map((r) => r.j).join("\n")}`);
  }
  return parts.join("\n");
}

/** The text of every object in the storage folder. */
async function dumpStorage(): Promise<{ files: string[]; text: string }> {
  const files = (await readdir(storageDir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
  const texts = await Promise.all(files.map((f) => readFile(f, "latin1")));
  return { files, text: texts.join("\n") };
}

/** A valid CPF of its own per person (CPFs are unique per account). */
function newCpf(): string {
  const digits = Array.from({ length: 9 }, () => Math.floor(Math.random() * 10));
  for (const length of [9, 10]) {
    const sum = digits.slice(0, length).reduce((acc, d, i) => acc + d * (length + 1 - i), 0);
    digits.push(((sum * 10) % 11) % 10);
  }
  return digits.join("");
}

async function officer() {
  return (await createStaff(t.prisma, { privacyOfficer: true })).actor;
}

/** A person present everywhere a person can be, with their history finished (nothing holds). */
async function personEverywhere() {
  const tag = uniqueTag();
  const name = `Zuleica Quintanilha ${tag}`;
  const CPF = newCpf();
  const CPF_FORMATTED = formatCpf(CPF);
  const email = `zuleica.${tag}@example.test`;
  const client = await createClient(t.prisma, { name, email, cpf: CPF, locale: "pt-BR" });
  // Their own customer record (a person), with the CPF typed with punctuation.
  const own = await createCustomer(t.prisma, { name, email, document: CPF_FORMATTED, phone: "+55 11 98888-7777", userId: client.user.id });

  // Registrations: one through the portal, one made by staff with the e-mail (as a public one would be), on events with sessions.
  const event = await eventWithRow({ seats: 5, sessions: 1, visibleInPortal: true });
  const portal = await createRegistration(t.prisma, event.id, { client: client.actor });
  const other = await createEvent(t.prisma, { seats: 5 });
  const byStaff = await createRegistration(t.prisma, other.id, { name, email: email.toUpperCase() });
  await t.prisma.registration.update({
    where: { id: byStaff.registrationId },
    data: { cpf: CPF, answers: [{ question: { label: "Diet" }, value: `${name} eats no nuts` }] },
  });
  const neighbour = await createRegistration(t.prisma, event.id, { name: "Someone Else", email: `${uniqueTag()}@example.test` });
  await t.prisma.registration.updateMany({ where: { id: { in: [portal.registrationId, neighbour.registrationId] } }, data: { attendedAt: new Date() } });
  const pdfKey = `certificates/${tag}.pdf`;
  await storage.put(pdfKey, new TextEncoder().encode(`%PDF certificate of ${name} CPF ${CPF_FORMATTED}`), "application/pdf");
  const certificate = await t.prisma.certificate.create({
    data: {
      registrationId: portal.registrationId,
      code: `C${tag.toUpperCase()}`.replace(/[^A-Z0-9]/g, "").slice(0, 12),
      participantName: name,
      eventName: event.name,
      eventStartsAt: event.startsAt,
      eventEndsAt: event.endsAt,
      eventTimeZone: "UTC",
      storageKey: pdfKey,
    },
  });

  // A ticket they opened, a reply of theirs with a file, then completed by staff.
  const ticket = await createTicket(t.prisma, {
    client: { actor: client.actor, customer: client.customer },
    description: `Hello, this is ${name} (${email}).`,
  });
  const upload = await uploadFile(t.prisma, storage, client.actor, { fileName: `${tag}-cv.txt`, bytes: new TextEncoder().encode(`CV of ${name}, ${email}`) });
  await addTicketMessage(t.prisma, client.actor, ticket.id, { body: `Attached, ${name}`, fileIds: [upload.id], internal: false });
  const staff = await createStaff(t.prisma);
  await addTicketMessage(t.prisma, staff.actor, ticket.id, { body: `Thanks ${name}, we will call ${CPF_FORMATTED}'s holder.`, fileIds: [], internal: false });
  await t.prisma.ticket.update({ where: { id: ticket.id }, data: { status: "COMPLETED", completedAt: new Date() } });

  // A "Contact us" thread of theirs, finished.
  const contact = await createContact(t.prisma, { actor: client.actor, input: { contactName: name, email: email.toUpperCase(), phone: "+55 11 97777-6666" } });
  await t.prisma.contact.updateMany({ where: { customerId: client.customer.id }, data: { status: "FINISHED" } });

  // A guest request with a photo, long closed.
  const guest = await createGuestRequest(t.prisma, storage, {
    entries: { requesterName: name, email, phone: "+55 11 96666-5555", description: `${name} reports a leak`, files: pngFile(`${tag}.png`) },
  });
  await t.prisma.guestRequest.update({ where: { id: guest.request.id }, data: { status: "CLOSED" } });

  // How they sign in: a session with their browser and address, a passkey named after them, a second factor.
  await t.prisma.userSession.create({
    data: {
      userId: client.user.id,
      method: "PASSWORD",
      sessionVersion: 0,
      userAgent: `Browser of ${name}`,
      ip: "203.0.113.7",
      lastSeenAt: new Date(),
      expiresAt: new Date(Date.now() + 3600_000),
    },
  });
  await t.prisma.passkey.create({ data: { userId: client.user.id, credentialId: `cred-${tag}`, publicKey: Buffer.from("key"), name: `${name}'s phone` } });
  await t.prisma.totpCredential.create({ data: { userId: client.user.id, secretEncrypted: "enc:v1:x:y:z" } });
  await t.prisma.calendarFeed.create({ data: { userId: client.user.id, tokenHash: `feed-${tag}` } });

  // Staff's note about them in the audit log (a registration beyond the seat limit records name and e-mail).
  await t.prisma.auditLog.create({
    data: { actorName: "Staff", action: "event.beyondSeatLimit", entityType: "Registration", entityId: byStaff.registrationId, data: { name, email } },
  });
  return { tag, name, email, CPF, CPF_FORMATTED, client, own, event, other, portal, byStaff, neighbour, certificate, ticket, contact, guest, upload, pdfKey };
}

describe("finding a person", () => {
  it("finds the person's records by e-mail, CPF in any spelling and part of the name, grouped by kind", async () => {
    const actor = await officer();
    const p = await personEverywhere();
    const q = { page: 1, pageSize: 10 };
    const byEmail = await findPeople(t.prisma, actor, { ...q, q: p.email.toUpperCase() });
    const totals = Object.fromEntries(byEmail.groups.map((g) => [g.kind, g.total]));
    expect(totals).toMatchObject({ users: 1, customers: 1, contactPersons: 1, registrations: 2, guestRequests: 1, contacts: 1, tickets: 1, ticketMessages: 1 });
    expect(byEmail.groups.find((g) => g.kind === "tickets")!.rows[0].href).toBe(`/admin/tickets/${p.ticket.number}`);

    for (const cpf of [p.CPF, p.CPF_FORMATTED, ` ${p.CPF_FORMATTED.replace(/[.-]/g, " ")} `]) {
      const byCpf = await findPeople(t.prisma, actor, { ...q, q: cpf });
      const found = Object.fromEntries(byCpf.groups.map((g) => [g.kind, g.total]));
      expect(found.users, cpf).toBeGreaterThanOrEqual(1);
      expect(found.customers, cpf).toBeGreaterThanOrEqual(1);
      expect(found.registrations, cpf).toBeGreaterThanOrEqual(1);
    }
    const byName = await findPeople(t.prisma, actor, { ...q, q: `quintanilha ${p.tag}` });
    expect(byName.groups.find((g) => g.kind === "registrations")!.total).toBe(2);
    expect(byName.groups.find((g) => g.kind === "registrations")!.rows[0].person).toEqual({ kind: "email", value: p.email });
  });

  it("is for privacy officers only", async () => {
    const { actor } = await createStaff(t.prisma);
    await expect(findPeople(t.prisma, actor, { page: 1, pageSize: 10, q: "someone@example.test" })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("pages each kind by the same page number", async () => {
    const actor = await officer();
    const tag = uniqueTag();
    const event = await createEvent(t.prisma, { seats: 30 });
    for (let i = 0; i < 12; i++) await createRegistration(t.prisma, event.id, { name: `Pagina ${tag} ${i}`, email: `${tag}.${i}@example.test` });
    const first = await findPeople(t.prisma, actor, { page: 1, pageSize: 10, q: `Pagina ${tag}` });
    const second = await findPeople(t.prisma, actor, { page: 2, pageSize: 10, q: `Pagina ${tag}` });
    const regs = (r: typeof first) => r.groups.find((g) => g.kind === "registrations")!;
    expect(first.pageCount).toBe(2);
    expect(regs(first).rows).toHaveLength(10);
    expect(regs(second).rows).toHaveLength(2);
    expect(regs(first).total).toBe(12);
  });
});

describe("erasure", () => {
  it("leaves no trace of the e-mail, CPF or name in any table or stored file, and keeps counts and history", async () => {
    const actor = await officer();
    const p = await personEverywhere();
    // The events are over: nothing holds.
    setClock(new Date(p.event.endsAt.getTime() + 24 * 3600 * 1000));
    try {
      const before = {
        event: await t.prisma.event.findUniqueOrThrow({ where: { id: p.event.id }, select: { registeredCount: true, reserveCount: true } }),
        registrations: await t.prisma.registration.count({ where: { eventId: p.event.id } }),
        attended: await t.prisma.registration.count({ where: { eventId: p.event.id, attendedAt: { not: null } } }),
        sessionRegistrations: await t.prisma.registration.count({ where: { eventId: p.event.sessions[0].id } }),
        movements: await t.prisma.ticketMovement.findMany({
          where: { ticketId: p.ticket.id },
          orderBy: { createdAt: "asc" },
          select: { id: true, toStageName: true },
        }),
        messages: await t.prisma.ticketMessage.count({ where: { ticketId: p.ticket.id } }),
        contactMessages: await t.prisma.contactMessage.count({ where: { contact: { customerId: p.client.customer.id } } }),
      };
      const storageBefore = await dumpStorage();
      expect(storageBefore.text).toContain(p.name);
      const dumpBefore = await dumpDatabase();
      for (const needle of [p.email, p.CPF, p.name]) expect(dumpBefore.toLowerCase()).toContain(needle.toLowerCase());

      const summary = await erasePerson(t.prisma, storage, actor, { kind: "email", value: p.email }, { confirm: ` ${p.email.toUpperCase()} ` });
      expect(summary.counts.registrations).toBeGreaterThanOrEqual(3);

      const dump = (await dumpDatabase()).toLowerCase();
      for (const needle of [p.email, p.CPF, p.CPF_FORMATTED, p.name, `quintanilha ${p.tag}`]) expect(dump, needle).not.toContain(needle.toLowerCase());
      const after = await dumpStorage();
      for (const needle of [p.email, p.CPF_FORMATTED, p.name]) expect(after.text, needle).not.toContain(needle);
      expect(after.files.length).toBeLessThan(storageBefore.files.length);
      expect(await storage.exists(p.pdfKey)).toBe(false);

      // Counts and history still add up.
      expect(await t.prisma.event.findUniqueOrThrow({ where: { id: p.event.id }, select: { registeredCount: true, reserveCount: true } })).toEqual(
        before.event,
      );
      expect(await t.prisma.registration.count({ where: { eventId: p.event.id } })).toBe(before.registrations);
      expect(await t.prisma.registration.count({ where: { eventId: p.event.id, attendedAt: { not: null } } })).toBe(before.attended);
      expect(await t.prisma.registration.count({ where: { eventId: p.event.sessions[0].id } })).toBe(before.sessionRegistrations);
      expect(
        await t.prisma.ticketMovement.findMany({ where: { ticketId: p.ticket.id }, orderBy: { createdAt: "asc" }, select: { id: true, toStageName: true } }),
      ).toEqual(before.movements);
      expect(await t.prisma.ticketMessage.count({ where: { ticketId: p.ticket.id } })).toBe(before.messages);
      expect(await t.prisma.contactMessage.count({ where: { contact: { customerId: p.client.customer.id } } })).toBe(before.contactMessages);
      // Someone else's registration on the same event is untouched.
      expect(await t.prisma.registration.findUniqueOrThrow({ where: { id: p.neighbour.registrationId }, select: { name: true } })).toEqual({
        name: "Someone Else",
      });

      const reg = await t.prisma.registration.findUniqueOrThrow({ where: { id: p.portal.registrationId } });
      expect(reg).toMatchObject({ name: PRIVACY_PLACEHOLDER, cpf: null, userId: null, status: "REGISTERED", answers: [] });
      expect(reg.attendedAt).not.toBeNull();
      // Nothing of how they signed in is left.
      for (const count of [
        t.prisma.userSession.count({ where: { userId: p.client.user.id } }),
        t.prisma.passkey.count({ where: { userId: p.client.user.id } }),
        t.prisma.totpCredential.count({ where: { userId: p.client.user.id } }),
        t.prisma.calendarFeed.count({ where: { userId: p.client.user.id } }),
      ])
        expect(await count).toBe(0);
      const user = await t.prisma.user.findUniqueOrThrow({ where: { id: p.client.user.id } });
      expect(user).toMatchObject({ name: PRIVACY_PLACEHOLDER, active: false, cpf: null });
      expect(user.sessionVersion).toBe(p.client.user.sessionVersion + 1);

      // The certificate's code still answers, naming no one.
      const verified = await verifyCertificate(t.prisma, p.certificate.code);
      expect(verified).toMatchObject({ code: p.certificate.code, revokedForPrivacy: true, participantName: PRIVACY_PLACEHOLDER });

      // Audited, without whom.
      const audit = await t.prisma.auditLog.findFirstOrThrow({ where: { action: "person.erase", entityId: summary.erasureId } });
      expect(audit.actorId).toBe(actor.userId);
      expect(JSON.stringify(audit.data)).not.toContain(p.tag);

      // Nothing left to find; a second erasure finds nobody.
      const again = await findPeople(t.prisma, actor, { page: 1, pageSize: 10, q: p.email });
      expect(again.groups.every((g) => g.total === 0)).toBe(true);
      await expect(erasePerson(t.prisma, storage, actor, { kind: "email", value: p.email }, { confirm: p.email })).rejects.toMatchObject({
        key: "personData.notFound",
      });
    } finally {
      setClock(null);
    }
  });

  it("is refused, with the reasons, while a ticket is open or a registration's event is still ahead, and changes nothing", async () => {
    const actor = await officer();
    const tag = uniqueTag();
    const email = `held.${tag}@example.test`;
    const client = await createClient(t.prisma, { name: `Held ${tag}`, email });
    const ticket = await createTicket(t.prisma, { client: { actor: client.actor, customer: client.customer } });
    const event = await eventWithRow({ seats: 3, visibleInPortal: true });
    await createRegistration(t.prisma, event.id, { client: client.actor });

    const holds = await legalHolds(t.prisma, actor, await resolvePerson(t.prisma, { kind: "email", value: email }));
    expect(holds.map((h) => h.reason).sort()).toEqual(["openTicket", "upcomingRegistration"]);
    expect(holds.find((h) => h.reason === "openTicket")).toMatchObject({ label: `#${ticket.number}`, href: `/admin/tickets/${ticket.number}` });
    await expect(erasePerson(t.prisma, storage, actor, { kind: "email", value: email }, { confirm: email })).rejects.toBeInstanceOf(ConflictError);
    expect(await t.prisma.user.findUniqueOrThrow({ where: { id: client.user.id }, select: { email: true, active: true } })).toEqual({ email, active: true });

    // Once the ticket is done and the event is over, nothing holds.
    await t.prisma.ticket.update({ where: { id: ticket.id }, data: { status: "COMPLETED" } });
    setClock(new Date(event.endsAt.getTime() + 1000));
    try {
      expect(await legalHolds(t.prisma, actor, await resolvePerson(t.prisma, { kind: "email", value: email }))).toEqual([]);
    } finally {
      setClock(null);
    }
  });

  it("is refused for an active staff account, for oneself and for a guest request waiting for triage", async () => {
    const actor = await officer();
    const colleague = await createStaff(t.prisma);
    const holds = await legalHolds(t.prisma, actor, await resolvePerson(t.prisma, { kind: "email", value: colleague.user.email }));
    expect(holds.map((h) => h.reason)).toEqual(["activeStaff"]);
    const self = await legalHolds(t.prisma, actor, await resolvePerson(t.prisma, { kind: "email", value: actor.email }));
    expect(self.map((h) => h.reason)).toContain("self");
    const email = `${uniqueTag()}@example.test`;
    await createGuestRequest(t.prisma, storage, { entries: { requesterName: "Waiting Guest", email } });
    const guest = await legalHolds(t.prisma, actor, await resolvePerson(t.prisma, { kind: "email", value: email }));
    expect(guest.map((h) => h.reason)).toEqual(["pendingGuestRequest"]);
  });

  it("needs the person's e-mail typed again, and the privacy officer permission", async () => {
    const actor = await officer();
    const email = `${uniqueTag()}@example.test`;
    await createClient(t.prisma, { email });
    await expect(erasePerson(t.prisma, storage, actor, { kind: "email", value: email }, { confirm: `x${email}` })).rejects.toBeInstanceOf(ValidationError);
    const { actor: plainStaff } = await createStaff(t.prisma);
    await expect(erasePerson(t.prisma, storage, plainStaff, { kind: "email", value: email }, { confirm: email })).rejects.toBeInstanceOf(ForbiddenError);
    const admin = await actorFor(t.prisma, (await createStaff(t.prisma, { role: "ADMIN" })).user);
    await expect(erasePerson(t.prisma, storage, admin, { kind: "email", value: email }, { confirm: email })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await t.prisma.user.count({ where: { email } })).toBe(1);
  });
});
