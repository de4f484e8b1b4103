// The client's dashboard and cancellations that say so: a client sees their
// upcoming event on /portal with the join button once online access is open,
// cancels and reads the confirmation; after staff cancel with a reason, the
// client reads that reason on the event's page; a public registrant who
// cancels through their private link reads the confirmation too. The e-mails
// are in the outbox.
import { expect, test, type Page } from "@playwright/test";
import { loginAs } from "./helpers";

test.describe.configure({ mode: "serial" });

const tag = Date.now().toString(36);
const typeName = `Dashboard webinars ${tag}`;
const eventName = `Dashboard webinar ${tag}`;
const client = "professor@portico.test";
let eventPath = "";
let portalPath = "";
let publicPath = "";

/** "YYYY-MM-DDTHH:mm" in UTC, for a datetime-local field of an event in UTC. */
const utcLocal = (d: Date) => d.toISOString().slice(0, 16);

async function register(page: Page) {
  await page.goto(portalPath);
  await page.getByRole("button", { name: "Register" }).click();
  await expect(page.getByText("You are registered.")).toBeVisible();
}

test("staff create an online event starting within the hour", async ({ page, baseURL }) => {
  await loginAs(page, "admin@portico.test", /\/admin$/);
  // Earlier tests may have moved the server's clock: back to the present, which the event's times follow.
  const clock = await page.request.post("/api/test/clock", { data: { at: new Date().toISOString() } });
  expect(clock.ok()).toBe(true);

  await page.goto("/admin/settings/event-types/new");
  await page.getByLabel("Name").fill(typeName);
  await page.getByLabel("Public", { exact: true }).check();
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByText("Created.")).toBeVisible();

  const startsAt = new Date(Date.now() + 30 * 60_000);
  await page.goto("/admin/events/new");
  await page.getByLabel("Name", { exact: true }).fill(eventName);
  await page.getByLabel("Time zone").selectOption("UTC");
  await page.getByLabel("Starts", { exact: true }).fill(utcLocal(startsAt));
  await page.getByLabel("Ends", { exact: true }).fill(utcLocal(new Date(startsAt.getTime() + 2 * 3600_000)));
  await page.getByLabel("Online conference link").fill(`${baseURL}/conference-room`);
  await page.getByLabel("Type").selectOption({ label: `${typeName} (public)` });
  await page.getByLabel("Seats", { exact: true }).fill("10");
  await page.getByLabel("Visible in the portal").check();
  await page.getByLabel("Public registration (public page, no login)").check();
  await page.getByLabel("Public sign-ups confirm by e-mail").uncheck();
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByText("The event was created.")).toBeVisible();
  eventPath = new URL(page.url()).pathname;
  portalPath = new URL(await page.getByLabel("Portal registration link").inputValue()).pathname;
  publicPath = new URL(await page.getByLabel("Public registration link").inputValue()).pathname;
});

test("the dashboard shows the client's upcoming event with the join button", async ({ page }) => {
  await loginAs(page, client, /\/portal$/);
  const events = page.getByRole("region", { name: /Your upcoming events/ });
  const before = Number(await events.getByRole("heading").locator("span").innerText());

  await register(page);
  await page.goto("/portal");
  await expect(page.getByRole("region", { name: /Waiting for you/ })).toBeVisible();
  await expect(page.getByRole("region", { name: /Understandings to decide/ })).toBeVisible();
  // Paulo reaches no company, so there is no Contact us section.
  await expect(page.getByRole("region", { name: /Your open contacts/ })).toHaveCount(0);
  await expect(events.getByRole("heading")).toContainText(String(before + 1));
  await expect(events.getByRole("link", { name: eventName, exact: true })).toBeVisible();
  // Online access opens an hour before the start: the event starts within the hour.
  await expect(events.getByRole("link", { name: `Join ${eventName}` })).toHaveAttribute("href", /\/portal\/events\/\d+\/join$/);
  await expect(events.getByRole("link", { name: "All your events" })).toHaveAttribute("href", "/portal/events?view=mine");
});

test("a client who cancels reads the confirmation and gets an e-mail", async ({ page, browser }) => {
  await loginAs(page, client, /\/portal$/);
  await page.goto(portalPath);
  await page.getByRole("button", { name: "Cancel my registration" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Cancel my registration" }).click();
  await expect(page).toHaveURL(/\?cancelled=1$/);
  await expect(page.getByText("Your registration was cancelled. We sent you a confirmation by e-mail.")).toBeVisible();
  await page.goto("/portal");
  await expect(page.getByRole("region", { name: /Your upcoming events/ }).getByRole("link", { name: eventName, exact: true })).toHaveCount(0);

  const admin = await browser.newPage();
  await loginAs(admin, "admin@portico.test", /\/admin$/);
  await admin.goto(`/admin/outbox?q=${encodeURIComponent(client)}`);
  await expect(admin.getByRole("link", { name: `Registration cancelled: ${eventName}` })).toBeVisible();
  await admin.close();
});

test("after staff cancel with a reason, the client reads it on the event's page", async ({ page, browser }) => {
  await loginAs(page, client, /\/portal$/);
  await register(page);

  const admin = await browser.newPage();
  await loginAs(admin, "admin@portico.test", /\/admin$/);
  await admin.goto(eventPath);
  await admin.getByRole("button", { name: "Cancel registration" }).click();
  const dialog = admin.getByRole("dialog");
  await dialog.getByLabel("Reason (optional)").fill("The webinar moved to a smaller room.");
  await dialog.getByRole("button", { name: "Cancel registration" }).click();
  await expect(admin.getByText("The registration was cancelled and the participant was told by e-mail.")).toBeVisible();
  await admin.goto(`/admin/outbox?q=${encodeURIComponent(client)}`);
  await expect(admin.getByRole("link", { name: `Your registration was cancelled: ${eventName}` })).toBeVisible();
  await admin.close();

  await page.goto(portalPath);
  await expect(page.getByText("The organizers cancelled your registration.")).toBeVisible();
  await expect(page.getByText("Reason: The webinar moved to a smaller room.")).toBeVisible();
});

test("a public registrant who cancels through their private link reads the confirmation", async ({ browser }) => {
  const email = `dash-${tag}@visitor.test`;
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(publicPath);
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

  const admin = await browser.newPage();
  await loginAs(admin, "admin@portico.test", /\/admin$/);
  await admin.goto(`/admin/outbox?q=${encodeURIComponent(email)}`);
  await expect(admin.getByRole("link", { name: `Registration cancelled: ${eventName}` })).toBeVisible();
  await admin.close();
});
