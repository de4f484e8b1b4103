// The access matrix in a real browser, against the production build and the
// demo data: each demo client (Carla of a company, Pedro a person) creates
// records carrying a marker; the other one then requests every read URL of
// them (ticket and contact pages, file downloads) → 404/403 and no marker in
// the body; a server action captured from the owner's ticket page is replayed
// with the other client's cookies → refused and nothing changed; and a client
// asking for admin URLs is sent away. The integration suite
// tests/integration/access-matrix.test.ts holds the full domain matrix.
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { loginAs, openPortalEvent } from "./helpers";

test.describe.configure({ mode: "serial" });

// The certificate test moves the server's clock into 2027: back to the present
// afterwards, so later files (and the sign-in limits they meet) run in real time.
test.afterAll(async ({ browser }) => {
  const context = await browser.newContext();
  expect((await context.request.post("/api/test/clock", { data: { at: new Date().toISOString() } })).ok()).toBe(true);
  await context.close();
});

const tag = Date.now().toString(36);
type Client = "company" | "person";
const EMAIL: Record<Client, string> = { company: "company@portico.test", person: "person@portico.test" };
const marker = (who: Client) => `AM-${who}-${tag}`;

interface Owned {
  ticketPath: string;
  ticketId: string;
  fileIds: string[];
  contactPath?: string;
  action?: { url: string; headers: Record<string, string>; body: string; text: string };
}
const owned: Partial<Record<Client, Owned>> = {};
const pages: Partial<Record<Client, Page>> = {};

async function signIn(browser: Browser, who: Client): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await loginAs(page, EMAIL[who], /\/portal$/);
  // Both read Portuguese; these tests read English (the choice is stored on the account).
  if ((await page.locator("#language-switcher").inputValue()) !== "en") {
    await page.locator("#language-switcher").selectOption("en");
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  }
  return page;
}

async function fileIdsOn(page: Page): Promise<string[]> {
  const hrefs = await page.locator('a[href^="/api/files/"]').evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
  return [...new Set(hrefs.map((href) => href.split("/").at(-1)!.split("?")[0]))];
}

async function openTicket(page: Page, who: Client): Promise<Owned> {
  const m = marker(who);
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
  return { ticketPath, ticketId, fileIds, action };
}

/** A file uploaded but attached to nothing, as POST /api/files leaves it. */
async function looseUpload(page: Page, who: Client): Promise<string> {
  const response = await page.request.post("/api/files", {
    headers: { origin: new URL(page.url()).origin },
    multipart: { file: { name: `${marker(who)}-loose.txt`, mimeType: "text/plain", buffer: Buffer.from(`${marker(who)} loose file\n`) } },
  });
  expect(response.status(), await response.text()).toBeLessThan(300);
  const body = (await response.json()) as { id?: string; file?: { id: string } };
  const id = body.id ?? body.file?.id;
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  return id!;
}

async function sendContact(page: Page): Promise<{ path: string; fileIds: string[] }> {
  const m = marker("company");
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

/** A GET as `request`'s user: refused (403/404, or sent to sign-in/portal), and no marker of `owner` in the body. */
async function expectRefusedGet(request: APIRequestContext, url: string, owner: Client) {
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
  expect(body.includes(marker(owner)), `${url} leaks ${marker(owner)}`).toBe(false);
  for (const id of owned[owner]?.fileIds ?? []) expect(body, `${url} leaks file ${id}`).not.toContain(id);
  return body;
}

test("each client creates records: a ticket with a file, a message (its action captured), an unattached upload; the company a contact with a file", async ({
  browser,
}) => {
  for (const who of ["company", "person"] as const) {
    const page = (pages[who] = await signIn(browser, who));
    const ticket = await openTicket(page, who);
    ticket.fileIds.push(await looseUpload(page, who));
    owned[who] = ticket;
  }
  const contact = await sendContact(pages.company!);
  owned.company!.contactPath = contact.path;
  owned.company!.fileIds.push(...contact.fileIds);
  // The owner reads all of it (the refusals below are about who asks, not broken records).
  for (const who of ["company", "person"] as const) {
    for (const id of owned[who]!.fileIds) expect((await pages[who]!.request.get(`/api/files/${id}`)).status(), id).toBe(200);
    const own = await pages[who]!.request.get(owned[who]!.ticketPath);
    expect(await own.text()).toContain(`${marker(who)} ticket subject`);
  }
  expect(await (await pages.company!.request.get(owned.company!.contactPath!)).text()).toContain(`${marker("company")} contact message`);
});

for (const [owner, other] of [
  ["company", "person"],
  ["person", "company"],
] as const) {
  test(`${other} cannot read ${owner}'s ticket, contact or files`, async () => {
    const request = pages[other]!.request;
    const mine = owned[owner]!;
    await expectRefusedGet(request, mine.ticketPath, owner);
    if (mine.contactPath) await expectRefusedGet(request, mine.contactPath, owner);
    for (const id of mine.fileIds) await expectRefusedGet(request, `/api/files/${id}`, owner);
    // The lists do not carry them either.
    for (const list of [
      "/portal/tickets",
      "/portal/tickets?q=ticket+subject",
      `/portal/tickets?q=%23${mine.ticketPath.split("/").at(-1)}`,
      "/portal/contact",
      "/portal",
    ]) {
      const body = await (await request.get(list)).text();
      expect(body.includes(marker(owner)), `${list} carries ${marker(owner)}`).toBe(false);
      expect(body, list).not.toContain(mine.ticketPath);
    }
  });

  test(`${other} replays ${owner}'s ticket server action: refused, nothing changed`, async () => {
    const captured = owned[owner]!.action!;
    const replayText = `${marker(other)} replayed into ${owner}'s ticket`;
    const headers = Object.fromEntries(Object.entries(captured.headers).filter(([name]) => !["cookie", "content-length", "host"].includes(name)));
    const replay = (as: Client, text: string) =>
      pages[as]!.request.post(captured.url, { headers, data: captured.body.replace(captured.text, text), maxRedirects: 0 });
    // The control: the same request with the owner's own cookies goes through, so the replay is a valid one.
    const ownText = `${marker(owner)} replayed by its owner`;
    const control = await replay(owner, ownText);
    expect(await control.text()).toMatch(/"ok":true/);
    expect(await (await pages[owner]!.request.get(owned[owner]!.ticketPath)).text()).toContain(ownText);

    const response = await replay(other, replayText);
    const body = await response.text();
    expect(body.includes(marker(owner)), "the replay's answer leaks the owner's ticket").toBe(false);
    // Refused by the domain: the action answers a result that is not ok (the ticket is "not found" for them).
    expect(body).toMatch(/"ok":false/);
    expect(body).not.toMatch(/"ok":true/);
    // Nothing changed: the owner's ticket has no replayed message, and one copy of its own.
    const ownerView = await (await pages[owner]!.request.get(owned[owner]!.ticketPath)).text();
    expect(ownerView).not.toContain(replayText);
    expect(ownerView).toContain(captured.text);
  });
}

test("a client asking for admin URLs is sent away or refused, and sees no admin data", async () => {
  const request = pages.person!.request;
  const ticketNumber = owned.company!.ticketPath.split("/").at(-1);
  const contactNumber = owned.company!.contactPath!.split("/").at(-1);
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
    expect(body, url).not.toContain(marker("company"));
    expect(body, url).not.toContain("company@portico.test");
  }
});

test("an event registration and its certificate: the other client sees neither the registration nor the PDF", async ({ browser, baseURL }) => {
  const name = `${marker("company")} event`;
  const admin = await (await browser.newContext()).newPage();
  await loginAs(admin, "admin@portico.test", /\/admin$/);
  await admin.goto("/admin/settings/event-types/new");
  await admin.getByLabel("Name").fill(`Training ${tag}`);
  await admin.getByRole("button", { name: "Create" }).click();
  await expect(admin.getByText("Created.")).toBeVisible();
  await admin.goto("/admin/settings/certificates/new");
  await admin.getByLabel("Name", { exact: true }).fill(`Certificate ${tag}`);
  await admin.getByLabel("Certificate title").fill("Certificate of participation");
  await admin.getByLabel("Text", { exact: true }).fill("We certify that {participant} took part in {event}. Code {code}.");
  await admin.getByLabel("Signer's name").fill("Ada Admin");
  await admin.getByLabel("Signer's role").fill("Director");
  await admin.getByRole("button", { name: "Create" }).click();
  await expect(admin.getByText("Created.")).toBeVisible();
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
  const company = pages.company!;
  await company.goto("/portal/profile");
  await company.getByLabel("CPF").fill("111.444.777-35");
  await company.getByRole("button", { name: "Save" }).last().click();
  await expect(company.getByText("Your CPF was saved.")).toBeVisible();
  await openPortalEvent(company, name);
  await company.getByRole("button", { name: "Register" }).click();
  await expect(company.getByText("You are registered.")).toBeVisible();
  const eventPath = new URL(company.url()).pathname;
  const clock = async (at: string) => expect((await admin.request.post("/api/test/clock", { data: { at } })).ok()).toBe(true);
  await clock("2027-05-10T16:30:00Z");
  await company.goto(`${eventPath}/join`);
  await expect(company).toHaveURL(/\/conference-room$/);
  await clock("2027-05-11T17:00:00Z");
  expect(await (await admin.request.post("/api/test/jobs/certificates")).json()).toMatchObject({ issued: 1 });
  await company.goto(eventPath);
  const href = (await company.getByRole("link", { name: "Download certificate" }).getAttribute("href"))!;
  const certificateId = href.split("/").at(-1)!;
  const own = await company.request.get(href);
  expect(own.status()).toBe(200);
  expect((await own.body()).subarray(0, 5).toString()).toBe("%PDF-");

  // Pedro: the event page (open to him) shows no registration of Carla's and no certificate link
  // ("Download certificate" itself is in every page's message catalogue); her certificate is "not found".
  const request = pages.person!.request;
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
