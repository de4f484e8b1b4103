// The privacy notice in a real browser: an admin writes the English notice
// (each save a new version, earlier ones listed); a visitor of the public
// sign-up reads it folded under the form, is stopped with a translated
// message (their input kept) until they accept it, and the news consent is
// not ticked for them. The notice is withdrawn at the end, so later files'
// sign-ups are as they were.
import { expect, test, type Page } from "@playwright/test";
import { loginAs, untilHydrated } from "./helpers";

const tag = Date.now().toString(36);

async function saveEnglishNotice(page: Page, body: string) {
  await page.goto("/admin/settings/privacy-notice?lang=en");
  // Typed before React has hydrated the form, the text could be put back.
  await untilHydrated(page);
  const field = page.getByLabel("Notice in English (Markdown)");
  await field.fill(body);
  await expect(field).toHaveValue(body);
  await page.getByRole("button", { name: "Save as a new version" }).click();
  await expect(page.getByText(/^Saved as version \d+\.$/)).toBeVisible();
}

test("an admin edits the notice; a public sign-up shows it and records its acceptance", async ({ page, browser }) => {
  await loginAs(page, "admin@portico.test", /\/admin$/);
  // The settings list leads to the notice; a first and a second version.
  await page.goto("/admin/settings");
  await page.getByRole("link", { name: "Privacy notice" }).click();
  await expect(page.getByRole("heading", { name: "Privacy notice", level: 1 })).toBeVisible();
  await saveEnglishNotice(page, `We keep your name and e-mail for the event ${tag}.`);
  await saveEnglishNotice(page, `We keep your **name** and e-mail for the event ${tag}, and delete them two years after it.`);
  // The data directory is new for every run, so these are versions 1 and 2.
  const versions = page.locator("section[aria-labelledby=notice-history]");
  await expect(versions.getByText(/^Version 1 ·/)).toBeVisible();
  await versions.getByText(/^Version 2 ·/).click();
  await expect(versions.getByText("and delete them two years after it")).toBeVisible();

  // A public event to sign up for.
  const typeName = `Privacy training ${tag}`;
  await page.goto("/admin/settings/event-types/new");
  await page.getByLabel("Name").fill(typeName);
  await page.getByLabel("Public", { exact: true }).check();
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByText("Created.")).toBeVisible();
  const startsAt = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 16);
  const endsAt = new Date(Date.now() + 20 * 86_400_000 + 7_200_000).toISOString().slice(0, 16);
  await page.goto("/admin/events/new");
  await page.getByLabel("Name", { exact: true }).fill(`Privacy workshop ${tag}`);
  await page.getByLabel("Time zone").selectOption("UTC");
  await page.getByLabel("Starts", { exact: true }).fill(startsAt);
  await page.getByLabel("Ends", { exact: true }).fill(endsAt);
  await page.getByLabel("Type").selectOption({ label: `${typeName} (public)` });
  await page.getByLabel("Seats", { exact: true }).fill("10");
  await page.getByLabel("Public registration (public page, no login)").check();
  await page.getByLabel("Public sign-ups confirm by e-mail").uncheck();
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByText("The event was created.")).toBeVisible();
  const eventPath = new URL(page.url()).pathname;
  const publicPath = new URL(await page.getByLabel("Public registration link").inputValue()).pathname;

  // The visitor: the notice is there, folded; nothing is ticked for them.
  const context = await browser.newContext();
  const visitor = await context.newPage();
  await visitor.goto(publicPath);
  const form = visitor.locator("form").filter({ has: visitor.getByLabel("Full name") });
  const accept = form.getByRole("checkbox", { name: /I have read the privacy notice/ });
  const news = form.getByRole("checkbox", { name: /news about future events/ });
  await expect(accept).not.toBeChecked();
  await expect(news).not.toBeChecked();
  await form.getByText(/Read the privacy notice \(version \d+\)/).click();
  await expect(form.getByText("and delete them two years after it")).toBeVisible();

  // Without the acceptance: a translated message, and what was typed stays.
  const name = `Vera Visitor ${tag}`;
  await form.getByLabel("Full name").fill(name);
  await form.getByLabel("E-mail").fill(`vera-${tag}@visitor.test`);
  await form.getByRole("button", { name: "Register" }).click();
  await expect(form.getByText("Please read and accept the privacy notice to continue.")).toBeVisible();
  await expect(form.getByLabel("Full name")).toHaveValue(name);

  await accept.check();
  await form.getByRole("button", { name: "Register" }).click();
  await expect(visitor).not.toHaveURL(new RegExp(`${publicPath}$`));
  await context.close();

  // Staff see the new participant.
  await page.goto(eventPath);
  await expect(page.getByRole("table", { name: "Participants" }).getByRole("row").filter({ hasText: name })).toBeVisible();
});

// Later files sign up without a notice: withdraw this one, also after a failure.
test.afterEach(async ({ page }) => {
  await saveEnglishNotice(page, "");
  await expect(page.getByText("No notice is in force in this language.")).toBeVisible();
});
