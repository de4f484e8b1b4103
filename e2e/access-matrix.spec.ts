// The access matrix in a real browser, against the production build and the
// demo data: each demo client (Carla of a company, Pedro a person) creates
// records carrying a marker; the other one then requests every read URL of
// them (ticket and contact pages, file downloads) → 404/403 and no marker in
// the body; a server action captured from the owner's ticket page is replayed
// with the other client's cookies → refused and nothing changed; and a client
// asking for admin URLs is sent away. The integration suite
// tests/integration/access-matrix.test.ts holds the full domain matrix.
// Each test has the clients create the records it reads, marked with a tag of
// its own: the tests run in any order, in different workers.
import { type APIRequestContext, type Page } from "@playwright/test";
import { expect, test, uniqueTag, type LoginAs } from "./fixtures";
import { createCertificateTemplate, createEventType, openPortalEvent } from "./helpers";

type Client = "company" | "person";
const marker = (who: Client, tag: string) => `AM-${who}-${tag}`;

interface Owned {
  /** The marker in everything the client created. */
  marker: string;
  ticketPath: string;
  ticketId: string;
  fileIds: string[];
  contactPath?: string;
  action?: { url: string; headers: Record<string, string>; body: string; text: string };
}

/** Both demo clients, each in a context of their own; both read Portuguese, these tests read English (stored on the account). */
async function signInClients(loginAs: LoginAs): Promise<Record<Client, Page>> {
  return {
    company: await loginAs("company", { newContext: true, language: "en" }),
    person: await loginAs("person", { newContext: true, language: "en" }),
  };
}

async function fileIdsOn(page: Page): Promise<string[]> {
  const hrefs = await page.locator('a[href^="/api/files/"]').evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
  return [...new Set(hrefs.map((href) => href.split("/").at(-1)!.split("?")[0]))];
}

async function openTicket(page: Page, m: string): Promise<Owned> {
  await page.goto("/portal/tickets/new");
  await page.getByLabel("Group").selectOption({ label: "Support" });
  await page.getByLabel("Type").selectOption({ label: "Incident" });
  await page.getByLabel("Subject").fill(`${m} ticket subject`);
  await page.getByLabel("Description", { exact: true }).fill(`${m} ticket description`);
  await page.getByLabel("Severity").selectOption("High");
  await page.getByLabel("Affected system").fill(`${m} system`);
  await page.getByLabel("Reason").fill(`${m} reason`);
  await page.getByLabel("Attachments").setInputFiles({ name: `${m}-ticket.txt`, mimeType: "text/plain", buffer: Buffer.from(`${m} ticket file\n`) });
  await expect(page.getByRole("button", { name: `Remove ${m}-ticket.txt` })).toBeVisible();
  await page.getByRole("button", { name: "Save/Request" }).click();
  await expect(page).toHaveURL(/\/portal\/tickets\/\d+\?opened=1$/);
  const ticketPath = new URL(page.url()).pathname;

  // A message from the page, with the server action captured on its way (and let through).
  let action: Owned["action"];
  const text = `${m} first message`;
  const onTicketPage = (url: URL) => url.pathname === ticketPath;
  await page.route(onTicketPage, async (route) => {
    const request = route.request();
    if (request.method() === "POST" && request.headers()["next-action"] && !action) {
      action = { url: request.url(), headers: request.headers(), body: request.postData() ?? "", text };
    }
    await route.continue();
  });
  await page.getByRole("textbox", { name: "Message", exact: true }).fill(text);
  await page.getByRole("button", { name: "Send message" }).click();
  await expect(page.getByText(text)).toBeVisible();
  await page.unroute(onTicketPage);
  expect(action, "the message went through a server action").toBeDefined();
  expect(action!.body).toContain(text);

  await page.reload();
  const fileIds = await fileIdsOn(page);
  expect(fileIds.length).toBeGreaterThan(0);
  const ticketId = action!.body.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/)?.[0] ?? "";
  return { marker: m, ticketPath, ticketId, fileIds, action };
}

/** A file uploaded but attached to nothing, as POST /api/files leaves it. */
async function looseUpload(page: Page, m: string): Promise<string> {
  const response = await page.request.post("/api/files", {
    headers: { origin: new URL(page.url()).origin },
    multipart: { file: { name: `${m}-loose.txt`, mimeType: "text/plain", buffer: Buffer.from(`${m} loose file\n`) } },
  });
  expect(response.status(), await response.text()).toBeLessThan(300);
  const body = (await response.json()) as { id?: string; file?: { id: string } };
  const id = body.id ?? body.file?.id;
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  return id!;
}

async function sendContact(page: Page, m: string): Promise<{ path: string; fileIds: string[] }> {
  await page.goto("/portal/contact/new");
  await page.getByLabel("Classification", { exact: true }).selectOption({ label: "Billing" });
  await page.getByLabel("Sub-classification").selectOption({ label: "Invoice" });
  await page.getByLabel("Phone").fill("+55 11 91234-5678");
  await page.getByRole("textbox", { name: "Message" }).fill(`${m} contact message`);
  await page.getByLabel("Attachments (optional)").setInputFiles({ name: `${m}-contact.txt`, mimeType: "text/plain", buffer: Buffer.from(`${m} contact file`) });
  await expect(page.getByRole("button", { name: `Remove ${m}-contact.txt` })).toBeVisible();
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page).toHaveURL(/\/portal\/contact\/\d+\?created=1$/);
  const path = new URL(page.url()).pathname;
  await page.reload();
  return { path, fileIds: await fileIdsOn(page) };
}

/**
 * The client's records: a ticket with a file, a message (its action captured)
 * and an unattached upload; the company also a contact with a file.
 */
async function createRecords(page: Page, who: Client, tag: string): Promise<Owned> {
  const m = marker(who, tag);
  const records = await openTicket(page, m);
  records.fileIds.push(await looseUpload(page, m));
  if (who === "company") {
    const contact = await sendContact(page, m);
    records.contactPath = contact.path;
    records.fileIds.push(...contact.fileIds);
  }
  return records;
}

/** A GET as `request`'s user: refused (403/404, or sent to sign-in/portal), and no marker of the owner's records in the body. */
async function expectRefusedGet(request: APIRequestContext, url: string, owner: Owned) {
  const response = await request.get(url, { maxRedirects: 0 });
  const status = response.status();
  const body = await response.text();
  if (url.startsWith("/api/")) {
    expect([403, 404], `${url} answered ${status}`).toContain(status);
  } else {
    // Another customer's record answers exactly as a missing one: 404.
    const missing = await request.get(url.replace(/\/\d+$/, "/2147483000"), { maxRedirects: 0 });
    expect(missing.status(), `${url.replace(/\/\d+$/, "/2147483000")} answered ${missing.status()}`).toBe(404);
    expect(status, `${url} answered ${status}`).toBe(404);
  }
  expect(body.includes(owner.marker), `${url} leaks ${owner.marker}`).toBe(false);
  for (const id of owner.fileIds) expect(body, `${url} leaks file ${id}`).not.toContain(id);
  return body;
}

test("each client creates records: a ticket with a file, a message (its action captured), an unattached upload; the company a contact with a file", async ({
  loginAs,
}) => {
  const tag = uniqueTag();
  const pages = await signInClients(loginAs);
  const owned = { company: await createRecords(pages.company, "company", tag), person: await createRecords(pages.person, "person", tag) };
  // The owner reads all of it (the refusals below are about who asks, not broken records).
  for (const who of ["company", "person"] as const) {
    for (const id of owned[who].fileIds) expect((await pages[who].request.get(`/api/files/${id}`)).status(), id).toBe(200);
    const own = await pages[who].request.get(owned[who].ticketPath);
    expect(await own.text()).toContain(`${marker(who, tag)} ticket subject`);
  }
  expect(await (await pages.company.request.get(owned.company.contactPath!)).text()).toContain(`${marker("company", tag)} contact message`);
});

for (const [owner, other] of [
  ["company", "person"],
  ["person", "company"],
] as const) {
  test(`${other} cannot read ${owner}'s ticket, contact or files`, async ({ loginAs }) => {
    const pages = await signInClients(loginAs);
    const mine = await createRecords(pages[owner], owner, uniqueTag());
    const request = pages[other].request;
    await expectRefusedGet(request, mine.ticketPath, mine);
    if (mine.contactPath) await expectRefusedGet(request, mine.contactPath, mine);
    for (const id of mine.fileIds) await expectRefusedGet(request, `/api/files/${id}`, mine);
    // The lists do not carry them either.
    for (const list of [
      "/portal/tickets",
      "/portal/tickets?q=ticket+subject",
      `/portal/tickets?q=%23${mine.ticketPath.split("/").at(-1)}`,
      "/portal/contact",
      "/portal",
    ]) {
      const body = await (await request.get(list)).text();
      expect(body.includes(mine.marker), `${list} carries ${mine.marker}`).toBe(false);
      expect(body, list).not.toContain(mine.ticketPath);
    }
  });

  test(`${other} replays ${owner}'s ticket server action: refused, nothing changed`, async ({ loginAs }) => {
    const tag = uniqueTag();
    const pages = await signInClients(loginAs);
    const mine = await openTicket(pages[owner], marker(owner, tag));
    const captured = mine.action!;
    const replayText = `${marker(other, tag)} replayed into ${owner}'s ticket`;
    const headers = Object.fromEntries(Object.entries(captured.headers).filter(([name]) => !["cookie", "content-length", "host"].includes(name)));
    const replay = (as: Client, text: string) =>
      pages[as].request.post(captured.url, { headers, data: captured.body.replace(captured.text, text), maxRedirects: 0 });
    // The control: the same request with the owner's own cookies goes through, so the replay is a valid one.
    const ownText = `${mine.marker} replayed by its owner`;
    const control = await replay(owner, ownText);
    expect(await control.text()).toMatch(/"ok":true/);
    expect(await (await pages[owner].request.get(mine.ticketPath)).text()).toContain(ownText);

    const response = await replay(other, replayText);
    const body = await response.text();
    expect(body.includes(mine.marker), "the replay's answer leaks the owner's ticket").toBe(false);
    // Refused by the domain: the action answers a result that is not ok (the ticket is "not found" for them).
    expect(body).toMatch(/"ok":false/);
    expect(body).not.toMatch(/"ok":true/);
    // Nothing changed: the owner's ticket has no replayed message, and one copy of its own.
    const ownerView = await (await pages[owner].request.get(mine.ticketPath)).text();
    expect(ownerView).not.toContain(replayText);
    expect(ownerView).toContain(captured.text);
  });
}

test("a client asking for admin URLs is sent away or refused, and sees no admin data", async ({ loginAs }) => {
  const pages = await signInClients(loginAs);
  const company = await createRecords(pages.company, "company", uniqueTag());
  const request = pages.person.request;
  const ticketNumber = company.ticketPath.split("/").at(-1);
  const contactNumber = company.contactPath!.split("/").at(-1);
  for (const url of [
    "/admin",
    "/admin/tickets",
    `/admin/tickets/${ticketNumber}`,
    "/admin/contacts",
    `/admin/contacts/${contactNumber}`,
    "/admin/users",
    "/admin/customers",
    "/admin/events",
    "/admin/outbox",
    "/admin/settings",
  ]) {
    const response = await request.get(url, { maxRedirects: 0 });
    const status = response.status();
    const body = await response.text();
    if (status >= 300 && status < 400) expect(response.headers()["location"] ?? "", url).not.toMatch(/\/admin/);
    else expect([403, 404], `${url} answered ${status}`).toContain(status);
    expect(body, url).not.toContain(company.marker);
    expect(body, url).not.toContain("company@portico.test");
  }
});

// The server's clock moves into 2027: the serverClock fixture puts it back to
// the present afterwards, so the tests after this one on its server (and the
// sign-in limits they meet) run in real time.
test("an event registration and its certificate: the other client sees neither the registration nor the PDF", async ({ baseURL, loginAs, serverClock }) => {
  const tag = uniqueTag();
  const name = `${marker("company", tag)} event`;
  const admin = await loginAs("admin", { newContext: true });
  await createEventType(admin, `Training ${tag}`);
  await createCertificateTemplate(admin, `Certificate ${tag}`);
  await admin.goto("/admin/events/new");
  await admin.getByLabel("Name", { exact: true }).fill(name);
  await admin.getByLabel("Time zone").selectOption("America/Sao_Paulo");
  await admin.getByLabel("Starts", { exact: true }).fill("2027-05-10T14:00");
  await admin.getByLabel("Ends", { exact: true }).fill("2027-05-10T16:00");
  await admin.getByLabel("Online conference link").fill(`${baseURL}/conference-room`);
  await admin.getByLabel("Type").selectOption({ label: `Training ${tag}` });
  await admin.getByLabel("Seats", { exact: true }).fill("5");
  await admin.getByLabel("Visible in the portal").check();
  await admin.getByLabel("Workload (hours)").fill("2");
  await admin.getByLabel("Certificate template").selectOption({ label: `Certificate ${tag}` });
  await admin.getByRole("button", { name: "Create" }).click();
  await expect(admin.getByText("The event was created.")).toBeVisible();

  // Carla registers in the portal, with a CPF on file, joins in the access window; the day after, the certificate is issued.
  const pages = await signInClients(loginAs);
  const company = pages.company;
  await company.goto("/portal/profile");
  await company.getByLabel("CPF").fill("111.444.777-35");
  await company.getByRole("button", { name: "Save" }).last().click();
  await expect(company.getByText("Your CPF was saved.")).toBeVisible();
  await openPortalEvent(company, name);
  await company.getByRole("button", { name: "Register" }).click();
  await expect(company.getByText("You are registered.")).toBeVisible();
  const eventPath = new URL(company.url()).pathname;
  await serverClock.set("2027-05-10T16:30:00Z");
  await company.goto(`${eventPath}/join`);
  await expect(company).toHaveURL(/\/conference-room$/);
  await serverClock.set("2027-05-11T17:00:00Z");
  expect(await (await admin.request.post("/api/test/jobs/certificates")).json()).toMatchObject({ issued: 1 });
  await company.goto(eventPath);
  const href = (await company.getByRole("link", { name: "Download certificate" }).getAttribute("href"))!;
  const certificateId = href.split("/").at(-1)!;
  const own = await company.request.get(href);
  expect(own.status()).toBe(200);
  expect((await own.body()).subarray(0, 5).toString()).toBe("%PDF-");

  // Pedro: the event page (open to him) shows no registration of Carla's and no certificate link
  // ("Download certificate" itself is in every page's message catalogue); her certificate is "not found".
  const request = pages.person.request;
  const page = await (await request.get(eventPath)).text();
  for (const secret of [certificateId, `/api/certificates/`, "Carla Company", "111.444.777-35", "11144477735"])
    expect(page.includes(secret), `${eventPath} carries ${secret}`).toBe(false);
  const pdf = await request.get(href, { maxRedirects: 0 });
  expect(pdf.status()).toBe(404);
  expect((await pdf.body()).subarray(0, 5).toString()).not.toBe("%PDF-");
  const join = await (await request.get(`${eventPath}/join`)).text();
  expect(join.includes("conference-room"), "the join page hands Pedro the conference link").toBe(false);
  for (const list of ["/portal/events?view=mine", "/portal/events"]) expect((await (await request.get(list)).text()).includes(certificateId), list).toBe(false);
});
