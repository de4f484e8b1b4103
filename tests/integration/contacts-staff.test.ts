// The back office of "Contact us": the queue with filters (module,
// classification, status), counts and pagination; replies (with files), finish
// and reopen; the company's contact person is e-mailed on a reply and when the
// contact is finished, at the contact's e-mail, in the language of the user who
// opened it ("en" when that user is gone).
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { getMyContact } from "@/lib/contacts/list-contacts";
import { setContactModule } from "@/lib/contacts/settings";
import { finishContact, getStaffContact, listStaffContacts, parseStaffContactsQuery, reopenContact, replyToContact } from "@/lib/contacts/staff";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { openFile } from "@/lib/files/files";
import { centralInput, createCompany, createOptions, crmInput, send, storage, upload, type Options } from "../helpers/contacts";
import { createActor } from "../helpers/factories";
import { withTestDatabase } from "../helpers/db-test";
import { allReceived } from "@/tests/helpers/mail";

const t = withTestDatabase();
let admin: Actor;
let staff: Actor;
let o: Options;
const page = { page: 1, pageSize: 50, q: "" };

beforeAll(async () => {
  admin = (await createActor(t.prisma, "ADMIN")).actor;
  staff = (await createActor(t.prisma, "STAFF")).actor;
  o = await createOptions(t.prisma);
});

describe("the queue", () => {
  it("filters by module, classification and status, with counts under the same filters", async () => {
    const { rep, company } = await createCompany(t.prisma);
    const local = await createOptions(t.prisma);
    const central = await send(t.prisma, rep, centralInput(local));
    const centralDone = await send(t.prisma, rep, centralInput(local));
    await finishContact(t.prisma, staff, centralDone.number);
    await setContactModule(t.prisma, admin, "CRM");
    const crm = await send(t.prisma, rep, crmInput(local)).finally(() => setContactModule(t.prisma, admin, "CENTRAL"));

    const byClassification = await listStaffContacts(t.prisma, staff, { ...page, classificationId: local.central.id });
    expect(byClassification.rows.map((r) => r.number).sort()).toEqual([central.number, centralDone.number].sort());
    expect(byClassification.counts).toEqual({ all: 2, OPEN: 1, FINISHED: 1 });
    const open = await listStaffContacts(t.prisma, staff, { ...page, classificationId: local.central.id, status: "OPEN" });
    expect(open.rows.map((r) => r.number)).toEqual([central.number]);
    expect(open.counts).toEqual({ all: 2, OPEN: 1, FINISHED: 1 });

    const crmRows = await listStaffContacts(t.prisma, staff, { ...page, module: "CRM" });
    expect(crmRows.rows.map((r) => r.number)).toEqual([crm.number]);
    expect(crmRows.rows[0]).toMatchObject({ module: "CRM", channelName: local.channel.name, customer: { name: company.name } });
    const centralRows = await listStaffContacts(t.prisma, staff, { ...page, module: "CENTRAL" });
    expect(centralRows.rows.map((r) => r.number)).not.toContain(crm.number);

    // Search by number or company name.
    expect((await listStaffContacts(t.prisma, staff, { ...page, q: `#${crm.number}` })).rows.map((r) => r.number)).toEqual([crm.number]);
    expect((await listStaffContacts(t.prisma, staff, { ...page, q: company.name.toUpperCase() })).total).toBe(3);
  });

  it("is newest update first and paginated", async () => {
    const { rep } = await createCompany(t.prisma);
    const a = await send(t.prisma, rep, centralInput(o));
    const b = await send(t.prisma, rep, centralInput(o));
    await replyToContact(t.prisma, staff, a.number, { body: "On it", fileIds: [] });
    const first = await listStaffContacts(t.prisma, staff, { page: 1, pageSize: 1, q: "" });
    const second = await listStaffContacts(t.prisma, staff, { page: 2, pageSize: 1, q: "" });
    expect(first.rows.map((r) => r.number)).toEqual([a.number]);
    expect(second.rows.map((r) => r.number)).toEqual([b.number]);
    expect(first.pageCount).toBe(first.total);
  });

  it("parses its URL defensively", () => {
    expect(parseStaffContactsQuery({ module: "CRM", status: "FINISHED", classification: o.central.id, page: "2" })).toMatchObject({
      module: "CRM",
      status: "FINISHED",
      classificationId: o.central.id,
      page: 2,
    });
    expect(parseStaffContactsQuery({ module: "x", status: "DELETED", classification: "'; drop" })).toMatchObject({
      module: undefined,
      status: undefined,
      classificationId: undefined,
      page: 1,
    });
  });

  it("is for staff only", async () => {
    const { rep } = await createCompany(t.prisma);
    const { number } = await send(t.prisma, rep, centralInput(o));
    await expect(listStaffContacts(t.prisma, rep, page)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getStaffContact(t.prisma, rep, number)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(replyToContact(t.prisma, rep, number, { body: "x", fileIds: [] })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(finishContact(t.prisma, rep, number)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(reopenContact(t.prisma, rep, number)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await t.prisma.contact.findUniqueOrThrow({ where: { number } })).status).toBe("OPEN");
  });
});

describe("replying, finishing and reopening", () => {
  it("a reply (with a file) is in the thread, readable by the company, and e-mailed to the contact person in the sender's language", async () => {
    const { rep } = await createCompany(t.prisma, "pt-BR");
    const { number } = await send(t.prisma, rep, centralInput(o, { email: "ops@acme.test", contactName: "Olga Ops" }));
    const file = await upload(t.prisma, staff, "refund receipt", "receipt.txt");
    const { emailIds } = await replyToContact(t.prisma, staff, number, { body: "We refunded the duplicate.", fileIds: [file.id] });

    const contact = await getMyContact(t.prisma, rep, number);
    expect(contact.messages.at(-1)).toMatchObject({ body: "We refunded the duplicate.", fromStaff: true, authorName: staff.name });
    expect(contact.messages.at(-1)!.attachments.map((a) => a.file.id)).toEqual([file.id]);
    // The company's representative downloads the staff's file.
    expect((await openFile(t.prisma, storage, rep, file.id)).fileName).toBe("receipt.txt");

    const mails = await t.prisma.emailMessage.findMany({ where: { id: { in: emailIds } } }).then(allReceived);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to: "ops@acme.test", locale: "pt-BR", template: "contactReply", subject: `Resposta ao seu contato nº ${number}` });
    expect(mails[0].text).toContain("Olá, Olga Ops,");
    expect(mails[0].text).toContain("We refunded the duplicate.");
    expect(mails[0].html).toContain(`/portal/contact/${number}`);
  });

  it("finishing e-mails the contact person once; finishing twice is a conflict; reopening lets messages in again", async () => {
    const { rep } = await createCompany(t.prisma, "fi");
    const { number } = await send(t.prisma, rep, centralInput(o));
    const { emailIds } = await finishContact(t.prisma, staff, number);
    const [mail] = await t.prisma.emailMessage.findMany({ where: { id: { in: emailIds } } }).then(allReceived);
    expect(mail).toMatchObject({ to: "carla@acme.test", locale: "fi", template: "contactFinished", subject: `Yhteydenottosi nro ${number} päätettiin` });
    const row = await t.prisma.contact.findUniqueOrThrow({ where: { number } });
    expect(row.status).toBe("FINISHED");
    expect(row.finishedAt).toBeInstanceOf(Date);

    const outbox = await t.prisma.emailMessage.count();
    await expect(finishContact(t.prisma, staff, number)).rejects.toMatchObject({ key: "contacts.errors.alreadyFinished" });
    expect(await t.prisma.emailMessage.count()).toBe(outbox);
    await expect(replyToContact(t.prisma, staff, number, { body: "late", fileIds: [] })).rejects.toBeInstanceOf(ConflictError);

    await reopenContact(t.prisma, staff, number);
    expect(await t.prisma.contact.findUniqueOrThrow({ where: { number } })).toMatchObject({ status: "OPEN", finishedAt: null });
    await expect(reopenContact(t.prisma, staff, number)).rejects.toMatchObject({ key: "contacts.errors.alreadyOpen" });
    await replyToContact(t.prisma, staff, number, { body: "Back on it", fileIds: [] });
  });

  it("writes to the contact person in English when the user who opened the contact is gone", async () => {
    const { rep } = await createCompany(t.prisma, "pt-BR");
    const { number } = await send(t.prisma, rep, centralInput(o));
    await t.prisma.contactMessage.updateMany({ where: { contact: { number } }, data: { authorId: null } });
    await t.prisma.storedFile.deleteMany({ where: { ownerId: rep.userId } });
    await t.prisma.user.delete({ where: { id: rep.userId } });
    const { emailIds } = await replyToContact(t.prisma, staff, number, { body: "Hello?", fileIds: [] });
    const [mail] = await t.prisma.emailMessage.findMany({ where: { id: { in: emailIds } } }).then(allReceived);
    expect(mail).toMatchObject({ locale: "en", subject: `Answer to your contact #${number}` });
  });

  it("unknown numbers are not found", async () => {
    await expect(getStaffContact(t.prisma, staff, 999_999)).rejects.toBeInstanceOf(NotFoundError);
    await expect(finishContact(t.prisma, staff, 999_999)).rejects.toBeInstanceOf(NotFoundError);
    await expect(reopenContact(t.prisma, staff, -1)).rejects.toBeInstanceOf(NotFoundError);
    await expect(replyToContact(t.prisma, staff, 999_999, { body: "x", fileIds: [] })).rejects.toBeInstanceOf(NotFoundError);
  });
});
