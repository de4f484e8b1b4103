// Events in a real browser, for rules a person meets on the pages: raising
// seats promotes the first reserve at once and cutting them below the
// registered count is refused; a session's admin page offers its main event's
// working links; a registered participant (portal and private link) learns
// that sessions are cancelled through the main event; staff issue an ended
// event's certificates now and see each participant's certificate state;
// pages of missing records answer 404, and a closed event shows a
// "Registration closed" page in the visitor's language.
// Every event is made here, by staff, on the server clock each test sets (the
// serverClock fixture gives the present back after the test). Each test
// creates its own event type (and certificate template) and events, named
// with a tag of its own.
import { type Page } from "@playwright/test";
import { expect, test, uniqueTag, type LoginAs } from "./fixtures";
import { createCertificateTemplate, createEventType } from "./helpers";

// The server's clock for these tests: events "in the future" start in October,
// ended ones and past deadlines are in August (São Paulo time, UTC-3).
const serverNow = "2027-09-01T12:00:00Z";

interface EventSpec {
  name: string;
  starts?: string;
  ends?: string;
  seats?: number;
  reserve?: number;
  publicRegistration?: boolean;
  portal?: boolean;
  certificate?: boolean;
  registrationDeadline?: string;
}

interface CreatedEvent {
  adminPath: string;
  number: string;
  publicPath: string | null;
}

const typeName = (tag: string) => `Defects training ${tag}`;
const templateName = (tag: string) => `Defects certificate ${tag}`;

/** Staff's page and the tag that names this test's event type, certificate template and events. */
interface Setup {
  admin: Page;
  tag: string;
}

/**
 * The administrator signs in (a page of its own), the server's clock moves to
 * `serverNow`, and staff create a public event type, and with `certificate`
 * a certificate template, for this test's events.
 */
async function setUp(loginAs: LoginAs, serverClock: { set(at: string): Promise<void> }, options: { certificate?: boolean } = {}): Promise<Setup> {
  const tag = uniqueTag();
  const admin = await loginAs("admin", { newContext: true });
  await serverClock.set(serverNow);

  await createEventType(admin, typeName(tag), { isPublic: true });

  if (options.certificate) {
    await createCertificateTemplate(admin, templateName(tag), "We certify that {participant}, CPF {cpf}, took part in {event}, {hours} hours. Code {code}.");
  }
  return { admin, tag };
}

async function createEvent({ admin: page, tag }: Setup, spec: EventSpec): Promise<CreatedEvent> {
  await page.goto("/admin/events/new");
  await page.getByLabel("Name", { exact: true }).fill(spec.name);
  await page.getByLabel("Time zone").selectOption("America/Sao_Paulo");
  await page.getByLabel("Starts", { exact: true }).fill(spec.starts ?? "2027-10-10T14:00");
  await page.getByLabel("Ends", { exact: true }).fill(spec.ends ?? "2027-10-10T16:00");
  await page.getByLabel("Type").selectOption({ label: `${typeName(tag)} (public)` });
  await page.getByLabel("Seats", { exact: true }).fill(String(spec.seats ?? 10));
  await page.getByLabel("Reserve seats").fill(String(spec.reserve ?? 0));
  if (spec.registrationDeadline) await page.getByLabel("Last registration date").fill(spec.registrationDeadline);
  if (spec.portal ?? true) await page.getByLabel("Visible in the portal").check();
  if (spec.publicRegistration ?? true) await page.getByLabel("Public registration (public page, no login)").check();
  if (spec.publicRegistration ?? true) await page.getByLabel("Public sign-ups confirm by e-mail").uncheck();
  if (spec.certificate) {
    await page.getByLabel("Workload (hours)").fill("2");
    await page.getByLabel("Certificate template").selectOption({ label: templateName(tag) });
  }
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByText("The event was created.")).toBeVisible();
  return describeEvent(page);
}

/** The event page open in `page`: its path, number and public link (if any). */
async function describeEvent(page: Page): Promise<CreatedEvent> {
  const heading = await page.getByRole("heading", { level: 1 }).innerText();
  const number = heading.match(/^#(\d+)/)?.[1] ?? "";
  expect(number).not.toBe("");
  const publicLink = page.getByLabel("Public registration link");
  const publicPath = (await publicLink.count()) ? new URL(await publicLink.inputValue()).pathname : null;
  return { adminPath: new URL(page.url()).pathname, number, publicPath };
}

async function addParticipant(page: Page, name: string, email: string, cpf = "") {
  const form = page.getByRole("form", { name: "Add participant" });
  await form.getByLabel("Participant's name").fill(name);
  await form.getByLabel("Participant's e-mail").fill(email);
  if (cpf) await form.getByLabel("CPF (optional)").fill(cpf);
  await form.getByRole("button", { name: "Add participant" }).click();
  // The form empties itself once the participant is in.
  await expect(form.getByLabel("Participant's name")).toHaveValue("");
}

function participantRow(page: Page, name: string) {
  return page.getByRole("table", { name: "Participants" }).getByRole("row").filter({ hasText: name });
}

/** The value shown for a label in a definition list ("Seats left" → "0 of 4"). */
function fact(page: Page, label: string) {
  return page.locator("dt", { hasText: new RegExp(`^${label}$`) }).locator("xpath=following-sibling::dd[1]");
}

test.describe("seats", () => {
  test("raising a full event's seats promotes the first reserve at once", async ({ browser, loginAs, serverClock }) => {
    const setup = await setUp(loginAs, serverClock);
    const { admin, tag } = setup;
    const name = `Full workshop ${tag}`;
    const event = await createEvent(setup, { name, seats: 3, reserve: 2 });
    for (const n of [1, 2, 3]) await addParticipant(admin, `Seated ${n} ${tag}`, `seated${n}-${tag}@visitor.test`);
    await addParticipant(admin, `Waiting ${tag}`, `waiting-${tag}@visitor.test`);
    await admin.reload();
    await expect(participantRow(admin, `Waiting ${tag}`)).toContainText("Reserve #1");
    await expect(fact(admin, "Occupancy")).toHaveText("3/3 seats · 1/2 reserve");

    await admin.getByRole("link", { name: "Edit" }).first().click();
    await admin.getByLabel("Seats", { exact: true }).fill("4");
    await admin.getByRole("button", { name: "Save" }).click();
    // Saved: the form shows "Saved." for a moment, then the event page confirms it.
    await expect(admin.getByText("The event was saved.")).toBeVisible();

    await admin.goto(event.adminPath);
    await expect(participantRow(admin, `Waiting ${tag}`).getByText("Registered", { exact: true })).toBeVisible();
    await expect(fact(admin, "Occupancy")).toHaveText("4/4 seats · 0/2 reserve");

    // The public page counts no free seat (the reserve took it) and both reserve seats free.
    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto(event.publicPath!);
    await expect(visitor.getByRole("heading", { name })).toBeVisible();
    await expect(fact(visitor, "Seats left")).toHaveText("0 of 4");
    await expect(fact(visitor, "Reserve seats left")).toHaveText("2 of 2");
    await expect(visitor.getByText("All seats are taken; registering now puts you on the reserve list.")).toBeVisible();
    await visitor.context().close();
  });

  test("cutting seats below the registered count is refused with a clear message", async ({ loginAs, serverClock }) => {
    const setup = await setUp(loginAs, serverClock);
    const { admin, tag } = setup;
    // A full event, as the test above leaves its own: four seats, all taken, and the reserve list empty.
    const event = await createEvent(setup, { name: `Full workshop ${tag}`, seats: 4, reserve: 2 });
    for (const n of [1, 2, 3, 4]) await addParticipant(admin, `Seated ${n} ${tag}`, `seated${n}-${tag}@visitor.test`);

    await admin.goto(event.adminPath);
    await admin.getByRole("link", { name: "Edit" }).first().click();
    await admin.getByLabel("Seats", { exact: true }).fill("2");
    await admin.getByRole("button", { name: "Save" }).click();
    const refusal = "More people are already registered than this number of seats. Cancel registrations first, or keep at least as many seats.";
    await expect(admin.getByLabel("Seats", { exact: true })).toHaveAccessibleDescription(new RegExp(refusal.replace(/[.]/g, "\\.")));
    await expect(admin.getByText("Saved.", { exact: true })).toHaveCount(0);

    await admin.goto(event.adminPath);
    await expect(fact(admin, "Occupancy")).toHaveText("4/4 seats · 0/2 reserve");
  });
});

test.describe("sessions", () => {
  /**
   * Staff create a main event and a session of it ("Add session" opens the
   * form with the main event); leaves the admin on the session's page.
   */
  async function createConference(setup: Setup) {
    const { admin, tag } = setup;
    const mainName = `Conference ${tag}`;
    const sessionName = `Conference day two ${tag}`;
    const main = await createEvent(setup, { name: mainName, seats: 20 });
    await admin.goto(`/admin/events/new?main=${main.number}`);
    await admin.getByLabel("Name", { exact: true }).fill(sessionName);
    await admin.getByLabel("Starts", { exact: true }).fill("2027-10-11T14:00");
    await admin.getByLabel("Ends", { exact: true }).fill("2027-10-11T16:00");
    await admin.getByRole("button", { name: "Create" }).click();
    await expect(admin.getByText("The event was created.")).toBeVisible();
    const { adminPath: sessionAdminPath, number: sessionNumber } = await describeEvent(admin);
    return { mainName, sessionName, main, sessionAdminPath, sessionNumber };
  }

  test("a session's admin page offers its main event's links, and they work for a visitor", async ({ browser, loginAs, serverClock }) => {
    const setup = await setUp(loginAs, serverClock);
    const { admin } = setup;
    const { mainName, sessionName, main } = await createConference(setup);

    await expect(admin.getByText(`A session takes no registrations of its own: these are the links of main event #${main.number}.`)).toBeVisible();
    const portalLink = new URL(await admin.getByLabel("Portal registration link").inputValue()).pathname;
    const publicLink = new URL(await admin.getByLabel("Public registration link").inputValue()).pathname;
    expect(portalLink).toBe(`/portal/events/${main.number}`);
    expect(publicLink).toBe(main.publicPath);

    // An anonymous visitor: the public link opens the main event, which lists the session;
    // the session's own page explains and leads back to the main event.
    const visitor = await (await browser.newContext()).newPage();
    const response = await visitor.goto(publicLink);
    expect(response?.status()).toBe(200);
    await expect(visitor.getByRole("heading", { name: mainName })).toBeVisible();
    await visitor.getByRole("link", { name: sessionName }).click();
    await expect(visitor.getByRole("heading", { name: sessionName })).toBeVisible();
    await expect(visitor.getByText("This is a session of a main event: registration and cancellation are done there.")).toBeVisible();
    await visitor.getByRole("link", { name: `Go to ${mainName}` }).click();
    await expect(visitor).toHaveURL(new RegExp(`${publicLink}$`));
    await visitor.context().close();

    // A client not yet registered: the portal link opens the main event's page to register on.
    const client = await loginAs("student", { newContext: true, language: "en" });
    expect((await client.goto(portalLink))?.status()).toBe(200);
    await expect(client.getByRole("heading", { name: mainName })).toBeVisible();
    await expect(client.getByRole("button", { name: "Register" })).toBeVisible();
    await client.context().close();
  });

  test("a registered participant's session page says sessions are cancelled through the main event", async ({ browser, loginAs, serverClock }) => {
    const setup = await setUp(loginAs, serverClock);
    const { tag } = setup;
    const { mainName, sessionName, main, sessionAdminPath, sessionNumber } = await createConference(setup);
    const throughMain = "Sessions are cancelled through the main event.";
    const deadlineMessage = "The last cancellation date has passed";

    // In the portal. Pedro reads Portuguese; this test reads English (the choice is stored on his account).
    const client = await loginAs("person", { newContext: true, language: "en" });
    await client.goto(`/portal/events/${main.number}`);
    await client.getByRole("button", { name: "Register" }).click();
    await expect(client.getByText("You are registered.")).toBeVisible();
    await client.goto(`/portal/events/${sessionNumber}`);
    await expect(client.getByRole("heading", { name: sessionName })).toBeVisible();
    await expect(client.getByText("Registered", { exact: true }).first()).toBeVisible();
    await expect(client.getByText(throughMain)).toBeVisible();
    await expect(client.getByText(deadlineMessage)).toHaveCount(0);
    await client.getByRole("link", { name: `Go to ${mainName}` }).click();
    await expect(client).toHaveURL(new RegExp(`/portal/events/${main.number}$`));
    await expect(client.getByRole("button", { name: "Cancel my registration" })).toBeVisible();
    await client.context().close();

    // With a public registrant's private link, at the session's address.
    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto(main.publicPath!);
    // The sign-up form (the page also has "send me my link again", with its own e-mail field).
    const signUp = visitor.locator("form").filter({ has: visitor.getByLabel("Full name") });
    await signUp.getByLabel("Full name").fill("Vera Visitante");
    await signUp.getByLabel("E-mail").fill(`vera-${tag}@visitor.test`);
    await signUp.getByRole("button", { name: "Register" }).click();
    await expect(visitor.getByText("You are registered.")).toBeVisible();
    const privatePath = new URL(visitor.url()).pathname;
    const token = privatePath.split("/").at(-1)!;
    await visitor.goto(main.publicPath!);
    const sessionPath = await visitor.getByRole("link", { name: sessionName }).getAttribute("href");
    const response = await visitor.goto(`${sessionPath}/r/${token}`);
    expect(response?.status()).toBe(200);
    await expect(visitor.getByRole("heading", { name: sessionName })).toBeVisible();
    await expect(visitor.getByText(`Registration of Vera Visitante (vera-${tag}@visitor.test)`)).toBeVisible();
    await expect(visitor.getByText(throughMain)).toBeVisible();
    await expect(visitor.getByText(deadlineMessage)).toHaveCount(0);
    await visitor.getByRole("link", { name: `Go to ${mainName}` }).click();
    await expect(visitor).toHaveURL(new RegExp(`${privatePath}$`));
    await expect(visitor.getByRole("button", { name: /Cancel/ }).first()).toBeVisible();
    // Someone else's token at the session's address is not found.
    expect((await visitor.request.get(`${sessionPath}/r/${token.slice(0, -2)}xx`)).status()).toBe(404);
    await visitor.context().close();
    expect(sessionAdminPath).not.toBe("");
  });
});

test("staff issue an ended event's certificates now and see each participant's certificate", async ({ loginAs, serverClock }) => {
  const setup = await setUp(loginAs, serverClock, { certificate: true });
  const { admin, tag } = setup;
  const name = `Ended course ${tag}`;
  const event = await createEvent(setup, { name, starts: "2027-08-28T14:00", ends: "2027-08-28T16:00", certificate: true });
  await addParticipant(admin, `Attended with CPF ${tag}`, `cpf-${tag}@visitor.test`, "314.159.265-90");
  await addParticipant(admin, `Attended without CPF ${tag}`, `nocpf-${tag}@visitor.test`);
  await addParticipant(admin, `Absent ${tag}`, `absent-${tag}@visitor.test`, "271.828.182-05");
  await admin.reload();
  for (const who of [`Attended with CPF ${tag}`, `Attended without CPF ${tag}`]) {
    await admin.getByRole("button", { name: `Check in: ${who}` }).click();
    await expect(admin.getByRole("button", { name: `Undo check-in: ${who}` })).toBeVisible();
  }

  await admin.getByRole("button", { name: "Issue certificates now" }).click();
  await admin.getByRole("dialog").getByRole("button", { name: "Issue certificates now" }).click();
  await expect(admin.getByText("1 certificate issued.")).toBeVisible();

  await admin.goto(event.adminPath);
  const issued = participantRow(admin, `Attended with CPF ${tag}`).getByRole("link", { name: "Issued" });
  await expect(issued).toBeVisible();
  const pdf = await admin.request.get((await issued.getAttribute("href"))!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  await expect(participantRow(admin, `Attended without CPF ${tag}`)).toContainText("Waiting for CPF");
  await expect(participantRow(admin, `Absent ${tag}`)).toContainText("Not eligible");

  // Issuing again issues nothing twice.
  await admin.getByRole("button", { name: "Issue certificates now" }).click();
  await admin.getByRole("dialog").getByRole("button", { name: "Issue certificates now" }).click();
  await expect(admin.getByText("No certificates issued.")).toBeVisible();
});

test.describe("not found and closed", () => {
  test("pages of missing records answer 404; an admin-only page answers staff 403", async ({ loginAs }) => {
    // Pedro reads Portuguese; this test reads English (the choice is stored on his account).
    const client = await loginAs("person", { language: "en" });
    for (const url of ["/portal/tickets/2147483000", "/portal/events/2147483000", "/portal/contact/2147483000", "/portal/events/2147483000/join"]) {
      expect((await client.request.get(url, { maxRedirects: 0 })).status(), url).toBe(404);
    }
    // In the browser too: the not-found page with its status.
    const response = await client.goto("/portal/tickets/2147483000");
    expect(response?.status()).toBe(404);
    await expect(client.getByRole("heading", { name: "Page not found" })).toBeVisible();

    const admin = await loginAs("admin", { newContext: true });
    const missing = "00000000-0000-4000-8000-000000000000";
    for (const url of [
      `/admin/events/${missing}`,
      `/admin/events/${missing}/edit`,
      `/admin/customers/${missing}`,
      `/admin/users/${missing}`,
      `/admin/profiles/${missing}`,
      "/admin/contacts/2147483000",
      "/admin/guest-requests/2147483000",
      `/admin/settings/event-types/${missing}`,
      `/admin/settings/tickets/types/${missing}`,
    ]) {
      expect((await admin.request.get(url, { maxRedirects: 0 })).status(), url).toBe(404);
    }
    for (const url of ["/e/no-such-event", "/e/no-such-event/r/no-such-token", "/g/no-such-link", "/certificates/verify/NO-SUCH-CODE"]) {
      expect((await admin.request.get(url, { maxRedirects: 0 })).status(), url).toBe(404);
    }

    const staff = await loginAs("staff1", { newContext: true });
    for (const url of ["/admin/users", "/admin/outbox", `/admin/users/${missing}`]) {
      expect((await staff.request.get(url, { maxRedirects: 0 })).status(), url).toBe(403);
    }
    await staff.context().close();
  });

  test("an event past its last registration date shows a Registration closed page, in the visitor's language", async ({ browser, loginAs, serverClock }) => {
    const setup = await setUp(loginAs, serverClock);
    const name = `Closed seminar ${setup.tag}`;
    const event = await createEvent(setup, { name, registrationDeadline: "2027-08-20T18:00" });
    const visitor = await (await browser.newContext()).newPage();
    const response = await visitor.goto(event.publicPath!);
    expect(response?.status()).toBe(200);
    await expect(visitor.getByRole("heading", { name: "Registration closed" })).toBeVisible();
    await expect(visitor.getByText(name)).toBeVisible();
    await expect(visitor.getByText(/The last registration date was .*2027/)).toBeVisible();
    await expect(visitor.getByText(/The link in your confirmation e-mail still shows your registration/)).toBeVisible();
    await expect(visitor.getByRole("button", { name: "Register" })).toHaveCount(0);
    await visitor.locator("#language-switcher").selectOption("pt-BR");
    await expect(visitor.getByRole("heading", { name: "Inscrições encerradas" })).toBeVisible();
    await visitor.locator("#language-switcher").selectOption("fi");
    await expect(visitor.getByRole("heading", { name: "Ilmoittautuminen on päättynyt" })).toBeVisible();
    await visitor.context().close();

    // A client who is not registered gets the same page in the portal, pointing to their events.
    const client = await loginAs("professor", { newContext: true, language: "en" });
    expect((await client.goto(`/portal/events/${event.number}`))?.status()).toBe(200);
    await expect(client.getByRole("heading", { name: "Registration closed" })).toBeVisible();
    await expect(client.getByText(name)).toBeVisible();
    await client.getByRole("link", { name: "My events" }).click();
    await expect(client).toHaveURL(/\/portal\/events\?view=mine$/);
    await client.context().close();
  });

  test("a cancelled event says so; an event never offered to the public or the portal stays 404", async ({ browser, loginAs, serverClock }) => {
    const setup = await setUp(loginAs, serverClock);
    const { admin, tag } = setup;
    const name = `Cancelled seminar ${tag}`;
    const event = await createEvent(setup, { name });
    await admin.getByRole("link", { name: "Edit" }).first().click();
    await admin.getByLabel("Status").selectOption("CANCELLED");
    await admin.getByRole("button", { name: "Save" }).click();
    // Saved: the form shows "Saved." for a moment, then the event page confirms it.
    await expect(admin.getByText("The event was saved.")).toBeVisible();

    const visitor = await (await browser.newContext()).newPage();
    expect((await visitor.goto(event.publicPath!))?.status()).toBe(200);
    await expect(visitor.getByRole("heading", { name: "Registration closed" })).toBeVisible();
    await expect(visitor.getByText("This event was cancelled, so it takes no registrations.")).toBeVisible();
    await visitor.context().close();

    const hidden = await createEvent(setup, { name: `Internal meeting ${tag}`, portal: false, publicRegistration: false });
    expect(hidden.publicPath).toBeNull();
    const client = await loginAs("professor", { newContext: true, language: "en" });
    expect((await client.request.get(`/portal/events/${hidden.number}`)).status()).toBe(404);
    const closedPage = await client.goto(`/portal/events/${event.number}`);
    expect(closedPage?.status()).toBe(200);
    await expect(client.getByText("This event was cancelled, so it takes no registrations.")).toBeVisible();
    await client.context().close();
  });
});
