// The events flow in a real browser: staff create a public event with a
// questionnaire; an anonymous visitor registers on the public page; staff
// confirm it and e-mail the participants (the outbox shows them); a client
// registers in the portal and joins inside the access window (server clock set
// by the test); the certificate PDF downloads and its verification page says valid.
// Each test creates its own event (and its type, questionnaire and template).
import { type Browser, type Page } from "@playwright/test";
import { expect, test, uniqueTag } from "./fixtures";
import { formAlert, openPortalEvent } from "./helpers";

/** An event on the server's calendar, starting at 14:00 in São Paulo on `day`. */
interface EventDay {
  day: string;
  /** The same moment in UTC (São Paulo is UTC-3). */
  startsAtUtc: string;
}
// Most tests use 2027-03-10. The certificate test has a day of its own: the
// daily job issues for every attended event that ended in the last 15 days,
// and another test's attended event must not be among them.
const MARCH: EventDay = { day: "2027-03-10", startsAtUtc: "2027-03-10T17:00:00Z" };
const DECEMBER: EventDay = { day: "2027-12-08", startsAtUtc: "2027-12-08T17:00:00Z" };

interface PublicEvent {
  name: string;
  path: string;
  publicPath: string;
}

/**
 * Staff (on the given page, signed in as admin) create an event type, a
 * questionnaire, a certificate template and a public event using them, named
 * after the tag so that tests on the same server never pick another's.
 */
async function createPublicEvent(page: Page, baseURL: string, tag: string, when: EventDay = MARCH): Promise<PublicEvent> {
  const name = `Public workshop ${tag}`;
  await page.goto("/admin/settings/event-types/new");
  await page.getByLabel("Name").fill(`Open training ${tag}`);
  await page.getByLabel("Public", { exact: true }).check();
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByText("Created.")).toBeVisible();

  await page.goto("/admin/settings/questionnaires/new");
  await page.getByLabel("Name").fill(`Workshop sign-up ${tag}`);
  await page.getByRole("button", { name: "Add question" }).click();
  await page.getByLabel("Question", { exact: true }).fill("Which company do you work for?");
  await page.getByLabel("Required").check();
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByText("Created.")).toBeVisible();

  await page.goto("/admin/settings/certificates/new");
  await page.getByLabel("Name", { exact: true }).fill(`Workshop certificate ${tag}`);
  await page.getByLabel("Certificate title").fill("Certificate of participation");
  await page
    .getByLabel("Text", { exact: true })
    .fill("We certify that {participant}, CPF {cpf}, took part in {event} from {start} to {end}, {hours} hours. Code {code}.");
  await page.getByLabel("Signer's name").fill("Ada Admin");
  await page.getByLabel("Signer's role").fill("Director");
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByText("Created.")).toBeVisible();

  await page.goto("/admin/events/new");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Time zone").selectOption("America/Sao_Paulo");
  await page.getByLabel("Starts", { exact: true }).fill(`${when.day}T14:00`);
  await page.getByLabel("Ends", { exact: true }).fill(`${when.day}T16:00`);
  await page.getByLabel("Online conference link").fill(`${baseURL}/conference-room`);
  await page.getByLabel("Type").selectOption({ label: `Open training ${tag} (public)` });
  await page.getByLabel("Seats", { exact: true }).fill("5");
  await page.getByLabel("Reserve seats").fill("2");
  await page.getByLabel("Public questionnaire").selectOption({ label: `Workshop sign-up ${tag}` });
  await page.getByLabel("Portal questionnaire").selectOption({ label: `Workshop sign-up ${tag}` });
  await page.getByLabel("Visible in the portal").check();
  await page.getByLabel("Public registration (public page, no login)").check();
  await page.getByLabel("Public sign-ups confirm by e-mail").uncheck();
  await page.getByLabel("Workload (hours)").fill("2");
  await page.getByLabel("Certificate template").selectOption({ label: `Workshop certificate ${tag}` });
  await page.getByRole("button", { name: "Create" }).click();

  await expect(page.getByText("The event was created.")).toBeVisible();
  const publicLink = await page.getByLabel("Public registration link").inputValue();
  return { name, path: new URL(page.url()).pathname, publicPath: new URL(publicLink).pathname };
}

/** A visitor (no account) registers on the public page with the given e-mail. */
async function registerOnPublicPage(browser: Browser, event: PublicEvent, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(event.publicPath);
  await page.getByLabel("Full name").fill("Vera Visitante");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Which company do you work for?").fill("Vera Consultoria");
  await page.getByRole("button", { name: "Register" }).click();
  await expect(page.getByText("You are registered.")).toBeVisible();
  await context.close();
}

/** Pedro (reading English) registers in the portal; returns his registration's number. */
async function registerInPortal(page: Page, event: PublicEvent) {
  await openPortalEvent(page, event.name);
  await page.getByLabel("Which company do you work for?").fill("Pedro Ltda");
  await page.getByRole("button", { name: "Register" }).click();
  await expect(page.getByText("You are registered.")).toBeVisible();
  return new URL(page.url()).pathname.split("/").at(-1);
}

test("staff create a public event with a questionnaire", async ({ page, baseURL, loginAs }) => {
  await loginAs("admin");
  const event = await createPublicEvent(page, baseURL!, uniqueTag());
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByRole("button", { name: "Copy" }).last().click();
  await expect(page.getByText("Copied")).toBeVisible();
  expect(event.publicPath).toMatch(/^\/e\//);
  expect(event.path).toMatch(/^\/admin\/events\//);
});

test("an anonymous visitor registers on the public page", async ({ browser, baseURL, loginAs }) => {
  const tag = uniqueTag();
  const { name: eventName, publicPath } = await createPublicEvent(await loginAs("admin", { newContext: true }), baseURL!, tag);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(publicPath);
  await expect(page.getByRole("heading", { name: eventName })).toBeVisible();
  await page.getByRole("button", { name: "Register" }).click();
  // Required fields, checked before anything is sent; nothing typed is lost.
  await expect(page.getByText("This field is required.").first()).toBeVisible();
  await page.getByLabel("Full name").fill("Vera Visitante");
  await page.getByLabel("E-mail").fill(`vera-${tag}@visitor.test`);
  await page.getByRole("button", { name: "Register" }).click();
  await expect(page.getByText("This field is required.")).toBeVisible();
  await expect(page.getByLabel("Full name")).toHaveValue("Vera Visitante");
  await page.getByLabel("Which company do you work for?").fill("Vera Consultoria");
  await page.getByRole("button", { name: "Register" }).click();
  await expect(page.getByText("You are registered.")).toBeVisible();
  await expect(page.getByText("Registered", { exact: true })).toBeVisible();

  // The same e-mail again is "already registered", not a second record.
  await page.goto(publicPath);
  await page.getByLabel("Full name").fill("Vera Again");
  await page.getByLabel("E-mail").fill(`VERA-${tag}@visitor.test`);
  await page.getByLabel("Which company do you work for?").fill("Vera Consultoria");
  await page.getByRole("button", { name: "Register" }).click();
  await expect(formAlert(page)).toContainText("already registered");
  await context.close();
});

test("staff confirm the event and e-mail the participants; the outbox shows the e-mails", async ({ page, browser, baseURL, loginAs }) => {
  const tag = uniqueTag();
  const vera = `vera-${tag}@visitor.test`;
  await loginAs("admin");
  const event = await createPublicEvent(page, baseURL!, tag);
  const { name: eventName, path: eventPath } = event;
  await registerOnPublicPage(browser, event, vera);

  await page.goto(eventPath);
  await page.getByRole("link", { name: "Edit" }).first().click();
  await page.getByLabel("Status").selectOption("CONFIRMED");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("The event is now Confirmed. E-mail the 1 participant now?")).toBeVisible();
  await page.getByRole("button", { name: "Send e-mails" }).click();
  await expect(page.getByText("1 e-mail queued.")).toBeVisible();

  await page.goto(`/admin/outbox?q=${encodeURIComponent(vera)}`);
  await expect(page.getByRole("link", { name: new RegExp(eventName) }).first()).toBeVisible();
  const subjects = await page.getByRole("row").allInnerTexts();
  expect(subjects.filter((row) => row.includes(eventName)).length).toBeGreaterThanOrEqual(2);

  // The event page follows the send: its total, then (refreshing by itself) "1 sent".
  await page.goto(eventPath);
  const send = page.getByTestId("bulk-sends").getByRole("listitem").first();
  await expect(send).toContainText("Status e-mail to 1 participant");
  await expect(send.getByRole("progressbar", { name: "Status e-mail to 1 participant" })).toHaveAttribute("aria-valuemax", "1");
  await expect(send).toContainText("1 sent, 0 failed, 0 waiting", { timeout: 20_000 });
  await expect(send.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "1");

  // The outbox lists the bulk send with its event, and shows its messages only.
  await page.goto("/admin/outbox?view=bulk");
  const listed = page.getByTestId("bulk-sends").getByRole("listitem").filter({ hasText: eventName });
  await expect(listed).toContainText("Status e-mail to 1 participant");
  await expect(listed).toContainText("1 sent, 0 failed, 0 waiting");
  await listed.getByRole("link", { name: "Show its e-mails" }).click();
  await expect(page).toHaveURL(/\/admin\/outbox\?batch=[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: "E-mails of one bulk send" })).toBeVisible();
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows).toHaveCount(2); // the header and Vera's e-mail
  await expect(rows.nth(1)).toContainText(vera);
  await expect(rows.nth(1)).toContainText("Event status");

  // The template filter: only status e-mails.
  await page.goto("/admin/outbox");
  await page.getByLabel("Template").selectOption({ label: "Event status" });
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/template=eventStatus/);
  const templates = await page.getByRole("table").getByRole("row").allInnerTexts();
  expect(templates.length).toBeGreaterThan(1);
  for (const row of templates.slice(1)) expect(row).toContain("Event status");
});

test("a client registers in the portal and joins inside the access window", async ({ page, baseURL, loginAs, serverClock }) => {
  const event = await createPublicEvent(await loginAs("admin", { newContext: true }), baseURL!, uniqueTag(), MARCH);
  // Pedro reads Portuguese; this test reads English (the choice is stored on his account).
  await loginAs("person", { language: "en" });
  const number = await registerInPortal(page, event);

  // Two hours before the start: access is not open yet and nothing is recorded.
  await serverClock.set(new Date(Date.parse(MARCH.startsAtUtc) - 2 * 3600_000));
  await page.goto(`/portal/events/${number}/join`);
  await expect(page.getByText(/Online access opens on/)).toBeVisible();
  await expect(page.getByRole("timer")).toBeVisible();

  // Thirty minutes before the start: the join link records attendance and forwards to the conference.
  await serverClock.set(new Date(Date.parse(MARCH.startsAtUtc) - 30 * 60_000));
  await page.goto(`/portal/events/${number}/join`);
  await expect(page).toHaveURL(/\/conference-room$/);
});

test("after the event the certificate is issued, downloads as a PDF and verifies", async ({ page, baseURL, loginAs, serverClock }) => {
  const admin = await loginAs("admin", { newContext: true });
  const event = await createPublicEvent(admin, baseURL!, uniqueTag(), DECEMBER);
  const eventName = event.name;
  await loginAs("person", { language: "en" });
  const number = await registerInPortal(page, event);
  // He joins inside the access window: his attendance is recorded.
  await serverClock.set(new Date(Date.parse(DECEMBER.startsAtUtc) - 30 * 60_000));
  await page.goto(`/portal/events/${number}/join`);
  await expect(page).toHaveURL(/\/conference-room$/);

  // Certificates need a CPF on file.
  await page.goto("/portal/profile");
  await page.getByLabel("CPF").fill("529.982.247-25");
  await page.getByRole("button", { name: "Save" }).last().click();
  await expect(page.getByText("Your CPF was saved.")).toBeVisible();

  // The day after the event, the daily job runs.
  await serverClock.set(new Date(Date.parse(DECEMBER.startsAtUtc) + 24 * 3600_000));
  const run = await page.request.post("/api/test/jobs/certificates");
  expect(await run.json()).toMatchObject({ issued: 1 });

  await page.goto("/portal/events?view=mine");
  await page.getByRole("link", { name: eventName }).click();
  const link = page.getByRole("link", { name: "Download certificate" });
  const pdf = await page.request.get((await link.getAttribute("href"))!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

  // The e-mail that carried the PDF gives the verification code.
  await admin.goto("/admin/outbox?q=person%40portico.test");
  await admin.getByRole("link", { name: `Your certificate: ${eventName}` }).click();
  await expect(admin.getByText("certificate.pdf").or(admin.getByText(/\.pdf/)).first()).toBeVisible();
  const code = (await admin.getByTestId("email-text").innerText()).match(/verification code is (\S+?)\.?\s/)?.[1];
  expect(code).toBeTruthy();
  await page.goto(`/certificates/verify/${code}`);
  await expect(page.getByText("This certificate is valid.")).toBeVisible();
  await expect(page.getByText("Pedro Person")).toBeVisible();
  await expect(page.getByText("529")).toHaveCount(0);
});
