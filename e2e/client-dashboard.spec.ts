// The client's dashboard and cancellations that say so: a client sees their
// upcoming event on /portal with the join button once online access is open,
// cancels and reads the confirmation; after staff cancel with a reason, the
// client reads that reason on the event's page; a public registrant who
// cancels through their private link reads the confirmation too. The e-mails
// are in the outbox. Each test creates its own online event, starting within
// the hour, through the staff form.
import { type Page } from "@playwright/test";
import { expect, test, uniqueTag } from "./fixtures";
import { createEventType } from "./helpers";

/** Paulo, whose account has no language of its own: these tests read English. */
const client = "professor@portico.test";

/** "YYYY-MM-DDTHH:mm" in UTC, for a datetime-local field of an event in UTC. */
const utcLocal = (d: Date) => d.toISOString().slice(0, 16);

interface OnlineEvent {
  name: string;
  path: string;
  portalPath: string;
  publicPath: string;
}

/** Staff create a public event type and an online event of it starting in thirty minutes; returns its name and paths. */
async function createOnlineEvent(admin: Page, baseURL: string, tag: string): Promise<OnlineEvent> {
  const typeName = `Dashboard webinars ${tag}`;
  const eventName = `Dashboard webinar ${tag}`;
  // The event's times follow the server's clock, which is in the present: every
  // test that moves it does so through the serverClock fixture, which puts it back.
  await createEventType(admin, typeName, { isPublic: true });

  const startsAt = new Date(Date.now() + 30 * 60_000);
  await admin.goto("/admin/events/new");
  await admin.getByLabel("Name", { exact: true }).fill(eventName);
  await admin.getByLabel("Time zone").selectOption("UTC");
  await admin.getByLabel("Starts", { exact: true }).fill(utcLocal(startsAt));
  await admin.getByLabel("Ends", { exact: true }).fill(utcLocal(new Date(startsAt.getTime() + 2 * 3600_000)));
  await admin.getByLabel("Online conference link").fill(`${baseURL}/conference-room`);
  await admin.getByLabel("Type").selectOption({ label: `${typeName} (public)` });
  await admin.getByLabel("Seats", { exact: true }).fill("10");
  await admin.getByLabel("Visible in the portal").check();
  await admin.getByLabel("Public registration (public page, no login)").check();
  await admin.getByLabel("Public sign-ups confirm by e-mail").uncheck();
  await admin.getByRole("button", { name: "Create" }).click();
  await expect(admin.getByText("The event was created.")).toBeVisible();
  return {
    name: eventName,
    path: new URL(admin.url()).pathname,
    portalPath: new URL(await admin.getByLabel("Portal registration link").inputValue()).pathname,
    publicPath: new URL(await admin.getByLabel("Public registration link").inputValue()).pathname,
  };
}

async function register(page: Page, event: OnlineEvent) {
  await page.goto(event.portalPath);
  await page.getByRole("button", { name: "Register" }).click();
  await expect(page.getByText("You are registered.")).toBeVisible();
}

test("staff create an online event starting within the hour", async ({ baseURL, loginAs }) => {
  const admin = await loginAs("admin");
  const event = await createOnlineEvent(admin, baseURL!, uniqueTag());
  expect(event.path).toMatch(/^\/admin\/events\/[^/]+$/);
  expect(event.portalPath).toMatch(/^\/portal\/events\/\d+$/);
  expect(event.publicPath).toMatch(/^\/e\/[^/]+$/);
});

test("the dashboard shows the client's upcoming event with the join button", async ({ page, baseURL, loginAs }) => {
  const event = await createOnlineEvent(await loginAs("admin", { newContext: true }), baseURL!, uniqueTag());
  await loginAs("professor", { language: "en" });
  const events = page.getByRole("region", { name: /Your upcoming events/ });
  const before = Number(await events.getByRole("heading").locator("span").innerText());

  await register(page, event);
  await page.goto("/portal");
  await expect(page.getByRole("region", { name: /Waiting for you/ })).toBeVisible();
  await expect(page.getByRole("region", { name: /Understandings to decide/ })).toBeVisible();
  // Paulo reaches no company, so there is no Contact us section.
  await expect(page.getByRole("region", { name: /Your open contacts/ })).toHaveCount(0);
  await expect(events.getByRole("heading")).toContainText(String(before + 1));
  await expect(events.getByRole("link", { name: event.name, exact: true })).toBeVisible();
  // Online access opens an hour before the start: the event starts within the hour.
  await expect(events.getByRole("link", { name: `Join ${event.name}` })).toHaveAttribute("href", /\/portal\/events\/\d+\/join$/);
  await expect(events.getByRole("link", { name: "All your events" })).toHaveAttribute("href", "/portal/events?view=mine");
});

test("a client who cancels reads the confirmation and gets an e-mail", async ({ page, baseURL, loginAs }) => {
  const admin = await loginAs("admin", { newContext: true });
  const event = await createOnlineEvent(admin, baseURL!, uniqueTag());
  // Paulo is registered (as the dashboard test leaves him).
  await loginAs("professor", { language: "en" });
  await register(page, event);

  await page.goto(event.portalPath);
  await page.getByRole("button", { name: "Cancel my registration" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Cancel my registration" }).click();
  await expect(page).toHaveURL(/\?cancelled=1$/);
  await expect(page.getByText("Your registration was cancelled. We sent you a confirmation by e-mail.")).toBeVisible();
  await page.goto("/portal");
  await expect(page.getByRole("region", { name: /Your upcoming events/ }).getByRole("link", { name: event.name, exact: true })).toHaveCount(0);

  await admin.goto(`/admin/outbox?q=${encodeURIComponent(client)}`);
  await expect(admin.getByRole("link", { name: `Registration cancelled: ${event.name}` })).toBeVisible();
});

test("after staff cancel with a reason, the client reads it on the event's page", async ({ page, baseURL, loginAs }) => {
  const admin = await loginAs("admin", { newContext: true });
  const event = await createOnlineEvent(admin, baseURL!, uniqueTag());
  await loginAs("professor", { language: "en" });
  await register(page, event);

  await admin.goto(event.path);
  await admin.getByRole("button", { name: "Cancel registration" }).click();
  const dialog = admin.getByRole("dialog");
  await dialog.getByLabel("Reason (optional)").fill("The webinar moved to a smaller room.");
  await dialog.getByRole("button", { name: "Cancel registration" }).click();
  await expect(admin.getByText("The registration was cancelled and the participant was told by e-mail.")).toBeVisible();
  await admin.goto(`/admin/outbox?q=${encodeURIComponent(client)}`);
  await expect(admin.getByRole("link", { name: `Your registration was cancelled: ${event.name}` })).toBeVisible();

  await page.goto(event.portalPath);
  await expect(page.getByText("The organizers cancelled your registration.")).toBeVisible();
  await expect(page.getByText("Reason: The webinar moved to a smaller room.")).toBeVisible();
});

test("a public registrant who cancels through their private link reads the confirmation", async ({ browser, baseURL, loginAs }) => {
  const tag = uniqueTag();
  const admin = await loginAs("admin", { newContext: true });
  const event = await createOnlineEvent(admin, baseURL!, tag);

  const email = `dash-${tag}@visitor.test`;
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(event.publicPath);
  // The sign-up form (the page also offers to send a lost private link again).
  const form = page.locator("form").filter({ has: page.getByLabel("Full name") });
  await form.getByLabel("Full name").fill("Vito Visitor");
  await form.getByLabel("E-mail").fill(email);
  await form.getByRole("button", { name: "Register" }).click();
  await expect(page.getByText("You are registered.")).toBeVisible();
  await page.getByRole("button", { name: "Cancel my registration" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Cancel my registration" }).click();
  await expect(page).toHaveURL(/\?cancelled=1$/);
  await expect(page.getByText("Your registration was cancelled. We sent you a confirmation by e-mail.")).toBeVisible();
  await context.close();

  await admin.goto(`/admin/outbox?q=${encodeURIComponent(email)}`);
  await expect(admin.getByRole("link", { name: `Registration cancelled: ${event.name}` })).toBeVisible();
});
