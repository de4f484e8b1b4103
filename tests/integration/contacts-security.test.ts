// Companies see only their own contacts (docs/ARCHITECTURE.md: every query is
// scoped by the actor): another company's contact numbers, attachments and
// customer ids are probed through the domain, the server actions, the pages and
// the file download (openFile). Another company's record answers exactly like a
// missing one. The session and the database of the actions and pages are this
// test's (vi.mock); everything else runs for real.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";

const state = vi.hoisted(() => ({ actor: null as unknown as Actor, db: null as unknown as Db }));

vi.mock("@/lib/db", () => ({ db: new Proxy({}, { get: (_t, p) => Reflect.get(state.db as object, p) }) }));
// The guards pass anyone through: the domain functions must refuse on their own.
vi.mock("@/lib/auth/session", () => ({
  getActor: async () => state.actor,
  requireClient: async () => state.actor,
  requireStaff: async () => state.actor,
  requireAdmin: async () => state.actor,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("@/lib/jobs/notify", () => ({ notifyOutbox: async () => {} }));
vi.mock("next-intl/server", () => {
  const t = Object.assign((key: string, values?: Record<string, unknown>) => (values ? `${key} ${JSON.stringify(values)}` : key), { has: () => true });
  return { getTranslations: async () => t, getFormatter: async () => ({ dateTime: (d: Date) => d.toISOString(), number: String }) };
});

import AdminContactPage from "@/app/admin/contacts/[number]/page";
import PortalContactsPage from "@/app/portal/contact/page";
import PortalContactPage from "@/app/portal/contact/[number]/page";
import { addContactMessageAction, createContactAction, finishContactAction, reopenContactAction, replyToContactAction } from "@/lib/contacts/actions";
import { getMyContact, listMyContacts } from "@/lib/contacts/list-contacts";
import { addClientMessage } from "@/lib/contacts/messages";
import { saveChannelAction, setContactModuleAction } from "@/lib/contacts/settings-actions";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { openFile } from "@/lib/files/files";
import { centralInput, createCompany, createOptions, send, storage, upload, type Options } from "../helpers/contacts";
import { actorFor, createActor, createContactPerson, createUser } from "../helpers/factories";
import { withTestDatabase } from "../helpers/db-test";

const t = withTestDatabase();
let o: Options;
let staff: Actor;
let acme: Awaited<ReturnType<typeof createCompany>>;
let globex: Awaited<ReturnType<typeof createCompany>>;
let colleague: Actor;
let acmeContact: { id: string; number: number; fileId: string };
let globexContact: { id: string; number: number; fileId: string };
const SECRET = "Globex secret: the merger closes on Friday";

/** Every string and number reachable from a page's element tree, its props and the data in them. */
function textOf(node: unknown, seen = new WeakSet<object>()): string {
  if (node === null || node === undefined || typeof node === "boolean" || typeof node === "function") return "";
  if (typeof node === "string" || typeof node === "number" || typeof node === "bigint") return `${node} `;
  if (node instanceof Date) return `${node.toISOString()} `;
  if (typeof node !== "object" || seen.has(node)) return "";
  seen.add(node);
  return Object.values(node as Record<string, unknown>)
    .map((v) => textOf(v, seen))
    .join("");
}

async function pageError(render: Promise<unknown>): Promise<string> {
  try {
    await render;
  } catch (error) {
    return String((error as { digest?: string }).digest ?? (error as Error).name);
  }
  return "rendered";
}

beforeAll(async () => {
  state.db = t.prisma;
  o = await createOptions(t.prisma);
  staff = (await createActor(t.prisma, "STAFF")).actor;
  acme = await createCompany(t.prisma);
  globex = await createCompany(t.prisma);
  const colleagueUser = await createUser(t.prisma);
  await createContactPerson(t.prisma, acme.company.id, { userId: colleagueUser.id });
  colleague = await actorFor(t.prisma, colleagueUser);

  const acmeFile = await upload(t.prisma, acme.rep, "acme evidence");
  acmeContact = { ...(await send(t.prisma, acme.rep, centralInput(o, { fileIds: [acmeFile.id], message: "Acme question" }))), fileId: acmeFile.id };
  const globexFile = await upload(t.prisma, globex.rep, "globex evidence");
  globexContact = { ...(await send(t.prisma, globex.rep, centralInput(o, { fileIds: [globexFile.id], message: SECRET }))), fileId: globexFile.id };
});
beforeEach(() => {
  state.actor = acme.rep;
});

describe("domain functions", () => {
  it("another company's contact is not found, not listed and takes no message", async () => {
    await expect(getMyContact(t.prisma, acme.rep, globexContact.number)).rejects.toBeInstanceOf(NotFoundError);
    await expect(addClientMessage(t.prisma, acme.rep, globexContact.number, { body: "hi", fileIds: [] })).rejects.toBeInstanceOf(NotFoundError);
    expect(await t.prisma.contactMessage.count({ where: { contact: { number: globexContact.number } } })).toBe(1);
    const all = await listMyContacts(t.prisma, acme.rep, { page: 1, pageSize: 50, q: "" });
    expect(all.rows.map((r) => r.number)).toEqual([acmeContact.number]);
    expect((await listMyContacts(t.prisma, acme.rep, { page: 1, pageSize: 50, q: String(globexContact.number) })).total).toBe(0);
  });

  it("the answer for another company's contact equals the one for a missing number", async () => {
    const other = await getMyContact(t.prisma, acme.rep, globexContact.number).catch((e: NotFoundError) => e.key);
    const missing = await getMyContact(t.prisma, acme.rep, 99_999).catch((e: NotFoundError) => e.key);
    expect(other).toBe(missing);
  });
});

describe("files", () => {
  it("another company's attachment is not found; the own company's is readable by its representatives", async () => {
    await expect(openFile(t.prisma, storage, acme.rep, globexContact.fileId)).rejects.toBeInstanceOf(NotFoundError);
    expect((await openFile(t.prisma, storage, colleague, acmeContact.fileId)).id).toBe(acmeContact.fileId);
    expect((await openFile(t.prisma, storage, staff, globexContact.fileId)).id).toBe(globexContact.fileId);
  });

  it("a user who left the company no longer reads its attachments", async () => {
    const leaverUser = await createUser(t.prisma);
    const link = await createContactPerson(t.prisma, acme.company.id, { userId: leaverUser.id });
    const leaver = await actorFor(t.prisma, leaverUser);
    expect((await openFile(t.prisma, storage, leaver, acmeContact.fileId)).id).toBe(acmeContact.fileId);
    await t.prisma.contactPerson.delete({ where: { id: link.id } });
    await expect(openFile(t.prisma, storage, leaver, acmeContact.fileId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getMyContact(t.prisma, leaver, acmeContact.number)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("another company's upload cannot be attached by reusing its id", async () => {
    const theirs = await upload(t.prisma, globex.rep);
    const result = await addContactMessageAction(acmeContact.id, { body: "look", fileIds: [theirs.id] });
    expect(result).toMatchObject({ ok: false, fieldErrors: { files: "validation.invalid" } });
    await expect(openFile(t.prisma, storage, acme.rep, theirs.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("server actions", () => {
  it("a message to another company's contact is refused as not found", async () => {
    expect(await addContactMessageAction(globexContact.id, { body: "hello", fileIds: [] })).toEqual({
      ok: false,
      formError: { key: "errors.notFoundBody", values: {} },
    });
    expect(await t.prisma.contactMessage.count({ where: { contact: { number: globexContact.number } } })).toBe(1);
  });

  it("a contact cannot be filed under another company", async () => {
    const result = await createContactAction(centralInput(o, { customerId: globex.company.id }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { customerId: "validation.invalid" } });
    expect(await t.prisma.contact.count({ where: { customerId: globex.company.id } })).toBe(1);
  });

  it("a client reaching the staff and admin actions past the guards is refused by the domain", async () => {
    const forbidden = { ok: false, formError: { key: "errors.forbiddenBody", values: {} } };
    expect(await replyToContactAction(globexContact.id, { body: "x", fileIds: [] })).toEqual(forbidden);
    expect(await finishContactAction(globexContact.id)).toEqual(forbidden);
    expect(await reopenContactAction(globexContact.id)).toEqual(forbidden);
    expect(await setContactModuleAction({ module: "CRM" })).toEqual(forbidden);
    expect(await saveChannelAction(undefined, { name: "Fax", active: true })).toEqual(forbidden);
    expect(await t.prisma.contact.findUniqueOrThrow({ where: { number: globexContact.number } })).toMatchObject({ status: "OPEN" });
    expect(await t.prisma.contactChannel.count({ where: { name: "Fax" } })).toBe(0);
  });

  it("valid input still works through the action (and redirects to the new contact)", async () => {
    const digest = await pageError(createContactAction(centralInput(o, { message: "Through the action" })));
    expect(digest).toMatch(/^NEXT_REDIRECT;.*\/portal\/contact\/\d+\?created=1/);
    expect(await addContactMessageAction(acmeContact.id, { body: "Follow-up", fileIds: [] })).toMatchObject({ ok: true });
  });
});

describe("pages", () => {
  it("another company's contact page is a 404 and its text is never handed to the page", async () => {
    expect(await pageError(PortalContactPage({ params: Promise.resolve({ number: String(globexContact.number) }), searchParams: Promise.resolve({}) }))).toBe(
      "NEXT_HTTP_ERROR_FALLBACK;404",
    );
    expect(await pageError(PortalContactPage({ params: Promise.resolve({ number: "abc" }), searchParams: Promise.resolve({}) }))).toBe(
      "NEXT_HTTP_ERROR_FALLBACK;404",
    );
    const own = await PortalContactPage({ params: Promise.resolve({ number: String(acmeContact.number) }), searchParams: Promise.resolve({}) });
    const text = textOf(own);
    expect(text).toContain("Acme question");
    expect(text).not.toContain(SECRET);
  });

  it("the list shows only the company's own contacts, also when searching another's number", async () => {
    // The table's rows are handed over as data (the cells render them): look for the records' ids.
    const idOf = async (number: number) => (await t.prisma.contact.findUniqueOrThrow({ where: { number } })).id;
    const [acmeId, globexId] = [await idOf(acmeContact.number), await idOf(globexContact.number)];
    const list = textOf(await PortalContactsPage({ searchParams: Promise.resolve({}) }));
    expect(list).toContain(acmeId);
    expect(list).not.toContain(globexId);
    const searched = textOf(await PortalContactsPage({ searchParams: Promise.resolve({ q: String(globexContact.number), status: "OPEN" }) }));
    expect(searched).not.toContain(globexId);
    expect(searched).not.toContain(acmeId);
  });

  it("the staff page refuses a client who got past the guard", async () => {
    await expect(AdminContactPage({ params: Promise.resolve({ number: String(globexContact.number) }) })).rejects.toBeInstanceOf(ForbiddenError);
    state.actor = staff;
    expect(textOf(await AdminContactPage({ params: Promise.resolve({ number: String(globexContact.number) }) }))).toContain(SECRET);
  });
});
