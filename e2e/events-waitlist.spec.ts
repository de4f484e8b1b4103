// Confirmed public sign-ups and waitlist offers in a real browser: a visitor
// signs up to an event that asks for confirmation, is told to check their
// e-mail (the private link is not handed to the browser), and confirms by the
// link read from the outbox; staff see the confirmed sign-up in the
// participants list. A client on the reserve list of an event that offers
// freed seats accepts the offer in the portal. Each test creates its own event.
import { type Page } from "@playwright/test";
import { expect, test, uniqueTag } from "./fixtures";
import { openPortalEvent } from "./helpers";

/** Staff create a public event type and an event of it through the form; returns the event's page and public paths. */
async function createEvent(admin: Page, tag: string, options: { seats: number; reserve: number; offers?: boolean }) {
  await admin.goto("/admin/settings/event-types/new");
  await admin.getByLabel("Name").fill(`Waitlist training ${tag}`);
  await admin.getByLabel("Public", { exact: true }).check();
  await admin.getByRole("button", { name: "Create" }).click();
  await expect(admin.getByText("Created.")).toBeVisible();

  await admin.goto("/admin/events/new");
  await admin.getByLabel("Name", { exact: true }).fill(`Waitlist workshop ${tag}`);
  await admin.getByLabel("Time zone").selectOption("America/Sao_Paulo");
  await admin.getByLabel("Starts", { exact: true }).fill("2027-05-12T14:00");
  await admin.getByLabel("Ends", { exact: true }).fill("2027-05-12T16:00");
  await admin.getByLabel("Type").selectOption({ label: `Waitlist training ${tag} (public)` });
  await admin.getByLabel("Seats", { exact: true }).fill(String(options.seats));
  await admin.getByLabel("Reserve seats").fill(String(options.reserve));
  await admin.getByLabel("Visible in the portal").check();
  await admin.getByLabel("Public registration (public page, no login)").check();
  // New events ask public registrants to confirm by e-mail.
  await expect(admin.getByLabel("Public sign-ups confirm by e-mail")).toBeChecked();
  await expect(admin.getByLabel("Minutes to confirm")).toHaveValue("30");
  if (options.offers) {
    await admin.getByLabel("When a seat frees up").selectOption({ label: "Offer it to the first reserve, with a deadline" });
    await admin.getByLabel("Hours to accept an offered seat").fill("12");
  }
  await admin.getByRole("button", { name: "Create" }).click();
  await expect(admin.getByText("The event was created.")).toBeVisible();
  const publicLink = await admin.getByLabel("Public registration link").inputValue();
  return { name: `Waitlist workshop ${tag}`, path: new URL(admin.url()).pathname, publicPath: new URL(publicLink).pathname };
}

test("a public registrant confirms the sign-up by the link in the e-mail", async ({ browser, loginAs }) => {
  const tag = uniqueTag();
  const admin = await loginAs("admin", { newContext: true });
  const event = await createEvent(admin, tag, { seats: 3, reserve: 0 });
  await expect(admin.getByText("Confirmed by e-mail within 30 minutes")).toBeVisible();

  const email = `vera-${tag}@visitor.test`;
  const context = await browser.newContext();
  const visitor = await context.newPage();
  await visitor.goto(event.publicPath);
  const form = visitor.locator("form").filter({ has: visitor.getByLabel("Full name") });
  await form.getByLabel("Full name").fill("Vera Visitante");
  await form.getByLabel("E-mail").fill(email);
  // Another test on this server may have published a privacy notice.
  const accept = form.getByRole("checkbox", { name: /I have read the privacy notice/ });
  if (await accept.isVisible()) await accept.check();
  await form.getByRole("button", { name: "Register" }).click();
  // The browser is sent back to the event page, without the private link.
  await expect(visitor.getByText("Check your e-mail")).toBeVisible();
  await expect(visitor).toHaveURL(new RegExp(`${event.publicPath}\\?held=\\d+$`));

  // Staff see the sign-up held.
  await admin.goto(`${event.path}?show=held`);
  await expect(admin.getByRole("cell", { name: /Vera Visitante/ }).first()).toBeVisible();
  await expect(admin.getByText(/Awaiting confirmation until/)).toBeVisible();

  // The e-mail, as the outbox shows it, carries the confirmation link.
  await admin.goto(`/admin/outbox?q=${encodeURIComponent(email)}`);
  await admin.getByRole("link", { name: `Confirm your registration: ${event.name}` }).click();
  const text = await admin.getByTestId("email-text").innerText();
  const link = text.match(/https?:\/\/\S+\/confirm/)?.[0];
  expect(link).toBeTruthy();
  const confirmPath = new URL(link!).pathname;

  // Opening the link shows the held place; the button keeps it.
  await visitor.goto(confirmPath);
  await expect(visitor.getByRole("heading", { name: "Confirm your registration" })).toBeVisible();
  await visitor.getByRole("button", { name: "Confirm my registration" }).click();
  await expect(visitor.getByRole("heading", { name: "Registration confirmed" })).toBeVisible();
  await expect(visitor.getByText(`Thank you: your place in ${event.name} is confirmed.`)).toBeVisible();
  // Opening the link again is harmless.
  await visitor.goto(confirmPath);
  await expect(visitor.getByText(`Your registration for ${event.name} was already confirmed.`)).toBeVisible();
  await visitor.getByRole("link", { name: "View my registration" }).click();
  await expect(visitor.getByText("Confirmed by e-mail")).toBeVisible();
  await context.close();

  await admin.goto(`${event.path}?show=confirmed`);
  await expect(admin.getByRole("cell", { name: /Vera Visitante/ }).first()).toBeVisible();
  await expect(admin.getByTestId("waitlist-badge").getByText("Confirmed by e-mail", { exact: true })).toBeVisible();
  await admin.goto(`${event.path}?show=held`);
  await expect(admin.getByRole("cell", { name: /Vera Visitante/ }).first()).toHaveCount(0);
});

test("a client on the reserve list accepts an offered seat in the portal", async ({ page, loginAs }) => {
  const tag = uniqueTag();
  const admin = await loginAs("admin", { newContext: true });
  const event = await createEvent(admin, tag, { seats: 1, reserve: 2, offers: true });

  // Staff seat someone; the client then joins the reserve list.
  await admin.getByLabel("Participant's name").fill(`Seat holder ${tag}`);
  await admin.getByLabel("Participant's e-mail").fill(`holder-${tag}@example.test`);
  await admin.getByRole("button", { name: "Add participant" }).click();
  await expect(admin.getByText("The participant was registered.")).toBeVisible();

  await loginAs("student", { language: "en" });
  await openPortalEvent(page, event.name);
  await page.getByRole("button", { name: "Register" }).click();
  await expect(page.getByText(/you are on the reserve list, position 1/)).toBeVisible();
  const portalPath = new URL(page.url()).pathname;

  // The seat holder's registration is cancelled: the seat is offered to the client.
  await admin.reload();
  const row = admin.getByRole("row", { name: new RegExp(`Seat holder ${tag}`) });
  await row.getByRole("button", { name: "Cancel registration" }).click();
  await admin.getByRole("dialog").getByRole("button", { name: "Cancel registration" }).click();
  await expect(admin.getByText("The registration was cancelled and the participant was told by e-mail.")).toBeVisible();
  await admin.goto(`${event.path}?show=offered`);
  await expect(admin.getByText(/Seat offered until/)).toBeVisible();

  await page.goto(portalPath);
  await expect(page.getByRole("heading", { name: "A seat is offered to you" })).toBeVisible();
  await page.getByRole("button", { name: "Accept the seat" }).click();
  await expect(page.getByText("The seat is yours: you are registered.")).toBeVisible();
  await expect(page.getByText("Registered", { exact: true })).toBeVisible();
  await expect(page.getByText("Accepted an offered seat")).toBeVisible();
  await expect(page.getByRole("button", { name: "Accept the seat" })).toHaveCount(0);
});
