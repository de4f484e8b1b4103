// The company's side of "Contact us": only users linked to a COMPANY
// customer send contacts; the form follows the module in force (Central:
// classification + sub-classification; CRM: classification + contact channel);
// contact person, phone, e-mail and message are required; evidence files are the
// sender's own uploads. Lists: all / open / finished with counts, newest update
// first, number search, paginated; messages are added while OPEN only. Staff are
// e-mailed in their own language; the contact keeps its module and names.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { setClock } from "@/lib/clock";
import { contactFormOptions } from "@/lib/contacts/create-contact";
import { getMyContact, listMyContacts } from "@/lib/contacts/list-contacts";
import { addClientMessage } from "@/lib/contacts/messages";
import { contactMessageSchema, newContactSchema } from "@/lib/contacts/schemas";
import { saveChannel, saveClassification, saveSubclassification, setContactModule } from "@/lib/contacts/settings";
import { finishContact, reopenContact } from "@/lib/contacts/staff";
import { zodFieldErrors } from "@/lib/forms/action-result";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import { CustomerKind } from "@/lib/generated/prisma/enums";
import { centralInput, createCompany, createOptions, crmInput, send, upload, type Options } from "../helpers/contacts";
import { actorFor, createActor, createContactPerson, createCustomer, createUser } from "../helpers/factories";
import { withTestDatabase } from "../helpers/db-test";
import { allReceived } from "@/tests/helpers/mail";

const t = withTestDatabase();
let admin: Actor;
let staff: Actor;
let o: Options;
const page = { page: 1, pageSize: 50, q: "" };

beforeAll(async () => {
  admin = (await createActor(t.prisma, "ADMIN", { locale: "fi" })).actor;
  staff = (await createActor(t.prisma, "STAFF", { locale: "pt-BR" })).actor;
  o = await createOptions(t.prisma);
});
afterEach(() => setClock(null));

async function withModule<T>(module: "CENTRAL" | "CRM", run: () => Promise<T>): Promise<T> {
  await setContactModule(t.prisma, admin, module);
  try {
    return await run();
  } finally {
    await setContactModule(t.prisma, admin, "CENTRAL");
  }
}

describe("who may send a contact", () => {
  it("a company's contact person, and a user linked directly to a company", async () => {
    const { rep, company } = await createCompany(t.prisma);
    const { number } = await send(t.prisma, rep, centralInput(o));
    expect(await t.prisma.contact.findUniqueOrThrow({ where: { number } })).toMatchObject({ customerId: company.id, createdById: rep.userId });

    const owner = await createUser(t.prisma);
    const direct = await createCustomer(t.prisma, { kind: CustomerKind.COMPANY, userId: owner.id });
    const ownerActor = await actorFor(t.prisma, owner);
    const sent = await send(t.prisma, ownerActor, centralInput(o));
    expect(await t.prisma.contact.findUniqueOrThrow({ where: { number: sent.number } })).toMatchObject({ customerId: direct.id });
  });

  it("not a user who reaches only persons or prospects: the form explains instead", async () => {
    const person = await createUser(t.prisma);
    await createCustomer(t.prisma, { kind: CustomerKind.PERSON, userId: person.id });
    const prospectUser = await createUser(t.prisma);
    const prospect = await createCustomer(t.prisma, { kind: CustomerKind.PROSPECT });
    await createContactPerson(t.prisma, prospect.id, { userId: prospectUser.id });
    for (const user of [person, prospectUser]) {
      const actor = await actorFor(t.prisma, user);
      expect((await contactFormOptions(t.prisma, actor)).companies).toEqual([]);
      await expect(send(t.prisma, actor, centralInput(o))).rejects.toMatchObject({ key: "contacts.errors.noCompany" });
      expect((await listMyContacts(t.prisma, actor, page)).total).toBe(0);
    }
  });

  it("not through an inactive company, and not staff", async () => {
    const { rep, company } = await createCompany(t.prisma);
    await t.prisma.customer.update({ where: { id: company.id }, data: { active: false } });
    await expect(send(t.prisma, rep, centralInput(o))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(send(t.prisma, staff, centralInput(o))).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("a user with several companies picks one of them", async () => {
    const { rep, company: first } = await createCompany(t.prisma);
    const second = await createCustomer(t.prisma, { kind: CustomerKind.COMPANY, name: "Second Co" });
    await createContactPerson(t.prisma, second.id, { userId: rep.userId });
    const elsewhere = await createCompany(t.prisma);
    expect((await contactFormOptions(t.prisma, rep)).companies.map((c) => c.id).sort()).toEqual([first.id, second.id].sort());

    await expect(send(t.prisma, rep, centralInput(o))).rejects.toMatchObject({ fields: { customerId: "validation.required" } });
    await expect(send(t.prisma, rep, centralInput(o, { customerId: elsewhere.company.id }))).rejects.toMatchObject({
      fields: { customerId: "validation.invalid" },
    });
    const { number } = await send(t.prisma, rep, centralInput(o, { customerId: second.id }));
    expect(await t.prisma.contact.findUniqueOrThrow({ where: { number } })).toMatchObject({ customerId: second.id });
  });
});

describe("the form", () => {
  it("requires contact person, phone, e-mail and message, each with a clear message key", () => {
    const result = newContactSchema.safeParse(centralInput(o, { contactName: " ", phone: "", email: "", message: "  " }));
    expect(result.success).toBe(false);
    expect(zodFieldErrors(result.error!)).toMatchObject({
      contactName: "validation.required",
      phone: "validation.required",
      email: "validation.required",
      message: "validation.required",
    });
  });

  it("validates phone and e-mail", () => {
    const bad = newContactSchema.safeParse(centralInput(o, { phone: "call me", email: "carla@" }));
    expect(zodFieldErrors(bad.error!)).toMatchObject({ phone: "contacts.errors.phone", email: "validation.email" });
    expect(zodFieldErrors(newContactSchema.safeParse(centralInput(o, { phone: "1234" })).error!)).toMatchObject({ phone: "contacts.errors.phone" });
    for (const phone of ["+55 (11) 91234-5678", "09 1234 5678", "+358.40.123.4567"])
      expect(newContactSchema.safeParse(centralInput(o, { phone })).success, phone).toBe(true);
  });

  it("requires a classification, and a sub-classification in Central or a channel in CRM", () => {
    expect(zodFieldErrors(newContactSchema.safeParse(centralInput(o, { classificationId: "" })).error!)).toMatchObject({
      classificationId: "validation.required",
    });
    expect(zodFieldErrors(newContactSchema.safeParse(centralInput(o, { subclassificationId: "" })).error!)).toMatchObject({
      subclassificationId: "validation.required",
    });
    expect(zodFieldErrors(newContactSchema.safeParse(crmInput(o, { channelId: "" })).error!)).toMatchObject({ channelId: "validation.required" });
    expect(newContactSchema.safeParse(crmInput(o)).success).toBe(true);
  });

  it("in Central the sub-classification must belong to the chosen classification", async () => {
    const { rep } = await createCompany(t.prisma);
    const other = await createOptions(t.prisma);
    await expect(send(t.prisma, rep, centralInput(o, { subclassificationId: other.sub.id }))).rejects.toMatchObject({
      fields: { subclassificationId: "validation.invalid" },
    });
    // A CRM classification is not offered in Central.
    await expect(send(t.prisma, rep, centralInput(o, { classificationId: o.crm.id }))).rejects.toMatchObject({
      fields: { classificationId: "validation.invalid" },
    });
  });

  it("follows the module in force: a form sent for the other module is refused", async () => {
    const { rep } = await createCompany(t.prisma);
    await expect(send(t.prisma, rep, crmInput(o))).rejects.toMatchObject({ key: "contacts.errors.moduleChanged" });
    await withModule("CRM", async () => {
      await expect(send(t.prisma, rep, centralInput(o))).rejects.toMatchObject({ key: "contacts.errors.moduleChanged" });
      await expect(send(t.prisma, rep, crmInput(o, { classificationId: o.central.id }))).rejects.toMatchObject({
        fields: { classificationId: "validation.invalid" },
      });
      const { number } = await send(t.prisma, rep, crmInput(o));
      expect(await t.prisma.contact.findUniqueOrThrow({ where: { number } })).toMatchObject({
        module: "CRM",
        classificationId: o.crm.id,
        classificationName: o.crm.name,
        channelId: o.channel.id,
        channelName: o.channel.name,
        subclassificationId: null,
        subclassificationName: null,
      });
    });
  });

  it("stores the contact OPEN with the first message, the names chosen and the evidence files", async () => {
    const { rep } = await createCompany(t.prisma);
    const file = await upload(t.prisma, rep);
    const { number } = await send(t.prisma, rep, centralInput(o, { fileIds: [file.id] }));
    const contact = await getMyContact(t.prisma, rep, number);
    expect(contact).toMatchObject({
      status: "OPEN",
      module: "CENTRAL",
      classificationName: o.central.name,
      subclassificationName: o.sub.name,
      channelName: null,
      contactName: "Carla Company",
      phone: "+55 11 91234-5678",
      email: "carla@acme.test",
    });
    expect(contact.messages).toHaveLength(1);
    expect(contact.messages[0]).toMatchObject({ body: "The March invoice is charged twice.", fromStaff: false, authorName: rep.name });
    expect(contact.messages[0].attachments.map((a) => a.file.id)).toEqual([file.id]);
  });

  it("attaches only the sender's own, unattached uploads (and nothing when one is refused)", async () => {
    const { rep } = await createCompany(t.prisma);
    const { rep: stranger } = await createCompany(t.prisma);
    const theirs = await upload(t.prisma, stranger);
    const before = await t.prisma.contact.count();
    await expect(send(t.prisma, rep, centralInput(o, { fileIds: [theirs.id] }))).rejects.toBeInstanceOf(ValidationError);
    expect(await t.prisma.contact.count()).toBe(before);

    const mine = await upload(t.prisma, rep);
    await send(t.prisma, rep, centralInput(o, { fileIds: [mine.id] }));
    // Already attached: cannot be attached a second time.
    await expect(send(t.prisma, rep, centralInput(o, { fileIds: [mine.id] }))).rejects.toBeInstanceOf(ValidationError);
  });

  it("accepts at most five files per message", () => {
    const ids = Array.from({ length: 6 }, () => crypto.randomUUID());
    expect(zodFieldErrors(newContactSchema.safeParse(centralInput(o, { fileIds: ids })).error!)).toMatchObject({ fileIds: "contacts.errors.tooManyFiles" });
    expect(zodFieldErrors(contactMessageSchema.safeParse({ body: "x", fileIds: ids }).error!)).toMatchObject({ fileIds: "contacts.errors.tooManyFiles" });
  });
});

describe("switching the module", () => {
  it("keeps existing contacts readable with the data they were created with, even after renames and archiving", async () => {
    const { rep } = await createCompany(t.prisma);
    const local = await createOptions(t.prisma);
    const central = await send(t.prisma, rep, centralInput(local));
    const crm = await withModule("CRM", async () => {
      const sent = await send(t.prisma, rep, crmInput(local));
      // Now in CRM: the Central contact is still listed and readable as it was.
      const list = await listMyContacts(t.prisma, rep, page);
      expect(list.rows.map((r) => r.number).sort()).toEqual([central.number, sent.number].sort());
      expect(await getMyContact(t.prisma, rep, central.number)).toMatchObject({
        module: "CENTRAL",
        classificationName: local.central.name,
        subclassificationName: local.sub.name,
      });
      return sent;
    });
    await saveClassification(t.prisma, staff, local.central.id, "CENTRAL", { name: "Renamed", active: false });
    await saveSubclassification(t.prisma, staff, local.central.id, local.sub.id, { name: "Renamed sub", active: false });
    await saveChannel(t.prisma, staff, local.channel.id, { name: "Renamed channel", active: false });
    expect(await getMyContact(t.prisma, rep, central.number)).toMatchObject({
      module: "CENTRAL",
      classificationName: local.central.name,
      subclassificationName: local.sub.name,
      channelName: null,
    });
    expect(await getMyContact(t.prisma, rep, crm.number)).toMatchObject({
      module: "CRM",
      classificationName: local.crm.name,
      channelName: local.channel.name,
      subclassificationName: null,
    });
    // And it still takes messages.
    await addClientMessage(t.prisma, rep, central.number, { body: "Still here", fileIds: [] });
  });
});

describe("the lists", () => {
  it("All, Open and Finished with counts, newest update first, search by number, paginated", async () => {
    const { rep } = await createCompany(t.prisma);
    setClock("2026-01-01T10:00:00Z");
    const a = await send(t.prisma, rep, centralInput(o, { message: "a" }));
    setClock("2026-01-02T10:00:00Z");
    const b = await send(t.prisma, rep, centralInput(o, { message: "b" }));
    setClock("2026-01-03T10:00:00Z");
    const c = await send(t.prisma, rep, centralInput(o, { message: "c" }));
    setClock("2026-01-04T10:00:00Z");
    await finishContact(t.prisma, staff, b.number);
    setClock("2026-01-05T10:00:00Z");
    // A new message moves the oldest contact to the top.
    await addClientMessage(t.prisma, rep, a.number, { body: "any news?", fileIds: [] });
    setClock(null);

    const all = await listMyContacts(t.prisma, rep, page);
    expect(all.rows.map((r) => r.number)).toEqual([a.number, b.number, c.number]);
    expect(all.counts).toEqual({ all: 3, OPEN: 2, FINISHED: 1 });
    const open = await listMyContacts(t.prisma, rep, { ...page, status: "OPEN" });
    expect(open.rows.map((r) => r.number)).toEqual([a.number, c.number]);
    expect(open.counts).toEqual({ all: 3, OPEN: 2, FINISHED: 1 });
    const finished = await listMyContacts(t.prisma, rep, { ...page, status: "FINISHED" });
    expect(finished.rows.map((r) => r.number)).toEqual([b.number]);

    expect((await listMyContacts(t.prisma, rep, { ...page, q: `#${c.number}` })).rows.map((r) => r.number)).toEqual([c.number]);
    expect((await listMyContacts(t.prisma, rep, { ...page, q: String(c.number) })).counts).toEqual({ all: 1, OPEN: 1, FINISHED: 0 });
    expect((await listMyContacts(t.prisma, rep, { ...page, q: "not a number" })).total).toBe(0);

    const first = await listMyContacts(t.prisma, rep, { page: 1, pageSize: 2, q: "" });
    const second = await listMyContacts(t.prisma, rep, { page: 2, pageSize: 2, q: "" });
    expect(first.rows.map((r) => r.number)).toEqual([a.number, b.number]);
    expect(second.rows.map((r) => r.number)).toEqual([c.number]);
    expect(first).toMatchObject({ total: 3, pageCount: 2 });
  });

  it("a company's contacts are shared by its representatives, and only theirs", async () => {
    const { rep, company } = await createCompany(t.prisma);
    const colleagueUser = await createUser(t.prisma);
    await createContactPerson(t.prisma, company.id, { userId: colleagueUser.id });
    const colleague = await actorFor(t.prisma, colleagueUser);
    const { rep: stranger } = await createCompany(t.prisma);
    const mine = await send(t.prisma, rep, centralInput(o));
    const theirs = await send(t.prisma, stranger, centralInput(o));
    expect((await listMyContacts(t.prisma, colleague, page)).rows.map((r) => r.number)).toEqual([mine.number]);
    expect((await listMyContacts(t.prisma, rep, { ...page, q: String(theirs.number) })).total).toBe(0);
    expect((await getMyContact(t.prisma, colleague, mine.number)).number).toBe(mine.number);
  });
});

describe("adding messages", () => {
  it("works while OPEN (with files) and bumps the update time; a FINISHED contact is read-only until reopened", async () => {
    const { rep } = await createCompany(t.prisma);
    const { number } = await send(t.prisma, rep, centralInput(o));
    const before = await t.prisma.contact.findUniqueOrThrow({ where: { number } });
    setClock(new Date(before.updatedAt.getTime() + 60_000));
    const file = await upload(t.prisma, rep, "screenshot text", "notes.txt");
    await addClientMessage(t.prisma, rep, number, { body: "More details", fileIds: [file.id] });
    setClock(null);
    const contact = await getMyContact(t.prisma, rep, number);
    expect(contact.messages.map((m) => m.body)).toEqual(["The March invoice is charged twice.", "More details"]);
    expect(contact.messages[1].attachments.map((a) => a.file.fileName)).toEqual(["notes.txt"]);
    expect(contact.updatedAt.getTime()).toBe(before.updatedAt.getTime() + 60_000);

    await finishContact(t.prisma, staff, number);
    await expect(addClientMessage(t.prisma, rep, number, { body: "Wait", fileIds: [] })).rejects.toBeInstanceOf(ConflictError);
    const unused = await upload(t.prisma, rep);
    await expect(addClientMessage(t.prisma, rep, number, { body: "Wait", fileIds: [unused.id] })).rejects.toMatchObject({ key: "contacts.errors.finished" });
    // The refused message did not take the upload.
    expect(await t.prisma.contactAttachment.count({ where: { fileId: unused.id } })).toBe(0);
    await reopenContact(t.prisma, staff, number);
    await addClientMessage(t.prisma, rep, number, { body: "Thanks for reopening", fileIds: [unused.id] });
    expect((await getMyContact(t.prisma, rep, number)).messages).toHaveLength(3);
  });
});

describe("e-mails to staff", () => {
  it("a new contact and a new client message e-mail every active staff member and admin, each in their language", async () => {
    const inactive = await createUser(t.prisma, { role: "STAFF", active: false });
    const { rep, company } = await createCompany(t.prisma);
    const staffUsers = await t.prisma.user.findMany({ where: { active: true, role: { in: ["STAFF", "ADMIN"] } }, select: { email: true, locale: true } });
    expect(staffUsers.length).toBeGreaterThanOrEqual(2);

    const created = await send(t.prisma, rep, centralInput(o, { message: "Please <b>call</b> me" }));
    const newMails = await t.prisma.emailMessage.findMany({ where: { id: { in: created.emailIds } } }).then(allReceived);
    expect(newMails.map((m) => ({ to: m.to, locale: m.locale })).sort((x, y) => x.to.localeCompare(y.to))).toEqual(
      staffUsers.map((u) => ({ to: u.email, locale: u.locale })).sort((x, y) => x.to.localeCompare(y.to)),
    );
    expect(newMails.every((m) => m.template === "contactNewForStaff" && m.status === "QUEUED")).toBe(true);
    expect(newMails.map((m) => m.to)).not.toContain(inactive.email);
    expect(newMails.map((m) => m.to)).not.toContain(rep.email);
    const toStaff = newMails.find((m) => m.to === staff.email)!;
    expect(toStaff.subject).toBe(`Novo contato nº ${created.number} de ${company.name}`);
    expect(toStaff.html).toContain("Please &lt;b&gt;call&lt;/b&gt; me");
    expect(toStaff.html).toContain(`/admin/contacts/${created.number}`);
    expect(newMails.find((m) => m.to === admin.email)!.subject).toBe(`Uusi yhteydenotto nro ${created.number} yritykseltä ${company.name}`);

    const added = await addClientMessage(t.prisma, rep, created.number, { body: "Any news?", fileIds: [] });
    const messageMails = await t.prisma.emailMessage.findMany({ where: { id: { in: added.emailIds } } }).then(allReceived);
    expect(messageMails).toHaveLength(staffUsers.length);
    expect(messageMails.every((m) => m.template === "contactMessageForStaff")).toBe(true);
    expect(messageMails.find((m) => m.to === staff.email)!.text).toContain("Any news?");
  });

  it("no contact means no e-mail: a refused contact leaves the outbox as it was", async () => {
    const { rep } = await createCompany(t.prisma);
    const before = await t.prisma.emailMessage.count();
    await expect(send(t.prisma, rep, centralInput(o, { subclassificationId: crypto.randomUUID() }))).rejects.toBeInstanceOf(ValidationError);
    expect(await t.prisma.emailMessage.count()).toBe(before);
  });
});
