// Lists, dialogs and forms at a phone's width (390×844) and a laptop's
// (1366×768): the columns and row actions that matter stay on screen without
// scrolling the page sideways (a table becomes cards on a phone), every
// confirmation dialog says what its buttons do, and the smaller rough edges:
// a failed sign-in clears the password, the profile's buttons say what they
// save, the guest form's preview renders Markdown, saving an event shows the
// event with a confirmation, a walk-in can be seated beyond a full event's limit.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { formAlert, loginAs, openPortalEvent } from "./helpers";

test.describe.configure({ mode: "serial" });

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1366, height: 768 };
const tag = Date.now().toString(36);
const eventName = `Walk-in workshop ${tag}`;
const questionLabel = `Which team are you in ${tag}?`;
const subject = `Scanner jammed ${tag}`;
let eventPath = "";
let ticketPath = "";

/** The page itself does not scroll sideways. */
async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

/** Visible, and its whole width inside the window. */
async function expectOnScreen(page: Page, locator: Locator) {
  await expect(locator).toBeVisible();
  const box = await locator.boundingBox();
  expect(box).not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(page.viewportSize()!.width + 0.5);
}

/** The table needs no sideways scrolling of its own either: nothing in it is cut off. */
async function expectTableFits(table: Locator) {
  const overflow = await table.evaluate((el) => {
    const frame = el.parentElement!;
    return frame.scrollWidth - frame.clientWidth;
  });
  expect(overflow).toBeLessThanOrEqual(0);
}

async function switchLanguage(page: Page, locale: string) {
  await page.locator("#language-switcher").selectOption(locale);
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
}

/** Signs in and reads English (the language is stored on the account; other specs change it). */
async function signIn(page: Page, email: string, landing: RegExp) {
  await loginAs(page, email, landing);
  if ((await page.locator("#language-switcher").inputValue()) !== "en") await switchLanguage(page, "en");
}

test("a failed sign-in clears the password and keeps the e-mail", async ({ page }) => {
  await page.goto("/login");
  const email = `nobody-${tag}@portico.test`;
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(formAlert(page)).toContainText("The e-mail or password is incorrect.");
  await expect(page.getByLabel("Password")).toHaveValue("");
  await expect(page.getByLabel("Password")).toBeFocused();
  await expect(page.getByLabel("E-mail")).toHaveValue(email);
});

test("staff set up an event; saving it shows the event page with a confirmation and its certificate template", async ({ page }) => {
  await page.setViewportSize(LAPTOP);
  await signIn(page, "admin@portico.test", /\/admin$/);

  await page.goto("/admin/settings/event-types/new");
  await page.getByLabel("Name").fill(`Walk-in type ${tag}`);
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByText("Created.")).toBeVisible();

  await page.goto("/admin/settings/questionnaires/new");
  await page.getByLabel("Name").fill(`Walk-in questions ${tag}`);
  await page.getByRole("button", { name: "Add question" }).click();
  await page.getByLabel("Question", { exact: true }).fill(questionLabel);
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByText("Created.")).toBeVisible();

  await page.goto("/admin/settings/certificates/new");
  await page.getByLabel("Name", { exact: true }).fill(`Walk-in certificate ${tag}`);
  await page.getByLabel("Certificate title").fill("Certificate of participation");
  await page.getByLabel("Text", { exact: true }).fill("We certify that {participant} took part in {event}. Code {code}.");
  await page.getByLabel("Signer's name").fill("Ada Admin");
  await page.getByLabel("Signer's role").fill("Director");
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByText("Created.")).toBeVisible();

  await page.goto("/admin/events/new");
  await page.getByLabel("Name", { exact: true }).fill(`${eventName} (draft)`);
  await page.getByLabel("Starts", { exact: true }).fill("2030-05-10T14:00");
  await page.getByLabel("Ends", { exact: true }).fill("2030-05-10T16:00");
  await page.getByLabel("Type").selectOption({ label: `Walk-in type ${tag}` });
  await page.getByLabel("Seats", { exact: true }).fill("1");
  await page.getByLabel("Reserve seats").fill("0");
  await page.getByLabel("Portal questionnaire").selectOption({ label: `Walk-in questions ${tag}` });
  await page.getByLabel("Visible in the portal").check();
  await page.getByLabel("Certificate template").selectOption({ label: `Walk-in certificate ${tag}` });
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByText("The event was created.")).toBeVisible();
  eventPath = new URL(page.url()).pathname;

  await page.getByRole("link", { name: "Edit" }).first().click();
  await page.getByLabel("Name", { exact: true }).fill(eventName);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page).toHaveURL(new RegExp(`${eventPath}\\?saved=1$`));
  await expect(page.getByText("The event was saved.")).toBeVisible();
  await expect(page.getByRole("heading", { name: new RegExp(eventName) })).toBeVisible();
  const template = page.getByText("Certificate template", { exact: true });
  await expect(template).toBeVisible();
  await expect(template.locator("xpath=..")).toContainText(`Walk-in certificate ${tag}`);
});

test("a client registers; the cancel dialog's buttons say Back and what the other one does, in English and Portuguese", async ({ page }) => {
  await signIn(page, "student@portico.test", /\/portal$/);
  await openPortalEvent(page, eventName);
  await page.getByLabel(questionLabel).fill("Night shift maintenance");
  await page.getByRole("button", { name: "Register" }).click();
  await expect(page.getByText("You are registered.")).toBeVisible();

  await page.getByRole("button", { name: "Cancel my registration" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("button")).toHaveText(["Back", "Cancel my registration"]);
  await dialog.getByRole("button", { name: "Back" }).click();
  await expect(dialog).toBeHidden();

  await switchLanguage(page, "pt-BR");
  try {
    await page.getByRole("button", { name: "Cancelar minha inscrição" }).click();
    await expect(dialog.getByRole("button")).toHaveText(["Voltar", "Cancelar minha inscrição"]);
    await dialog.getByRole("button", { name: "Voltar" }).click();
    await expect(dialog).toBeHidden();
  } finally {
    await switchLanguage(page, "en");
  }
  await expect(
    page
      .getByText("You are registered.")
      .or(page.getByText("Registered", { exact: true }))
      .first(),
  ).toBeVisible();
});

test("the profile's two forms have buttons that say what they save", async ({ page }) => {
  await signIn(page, "student@portico.test", /\/portal$/);
  await page.goto("/portal/profile");
  await expect(page.getByRole("button", { name: "Save time zone" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Save CPF" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Save", exact: true })).toHaveCount(0);
  const labels = await page.getByRole("button", { name: /^Save/ }).allInnerTexts();
  expect(new Set(labels).size).toBe(labels.length);
});

test("at a laptop's width the participants table shows its answers and row actions without scrolling", async ({ page }) => {
  await page.setViewportSize(LAPTOP);
  await signIn(page, "admin@portico.test", /\/admin$/);
  await page.goto(eventPath);
  const table = page.getByRole("table", { name: "Participants" });
  const row = table.getByRole("row").filter({ hasText: "Sofia Student" });
  await expectOnScreen(page, table.getByRole("columnheader", { name: "Answers" }));
  await expectOnScreen(page, row.getByText("Night shift maintenance"));
  await expectOnScreen(page, row.getByRole("button", { name: /Check in/ }));
  await expectOnScreen(page, row.getByRole("button", { name: "Cancel registration" }));
  await expectTableFits(table);
  await expectNoSidewaysScroll(page);

  // A dialog's way out says Back; the other button names the action.
  const dialog = page.getByRole("dialog");
  await row.getByRole("button", { name: "Cancel registration" }).click();
  await expect(dialog.getByRole("button")).toHaveText(["Back", "Cancel registration"]);
  await dialog.getByRole("button", { name: "Back" }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole("button", { name: "Resend e-mail" }).click();
  await expect(dialog.getByRole("button")).toHaveText(["Back", "Send e-mails"]);
  await dialog.getByRole("button", { name: "Back" }).click();
  await expect(dialog).toBeHidden();
});

test("staff seat a walk-in beyond a full event's limit only when they tick it", async ({ page }) => {
  await page.setViewportSize(LAPTOP);
  await signIn(page, "admin@portico.test", /\/admin$/);
  await page.goto(eventPath);
  const form = page.getByRole("form", { name: "Add participant" });
  await form.getByLabel("Participant's name").fill("Walter Walk-in");
  await form.getByLabel("Participant's e-mail").fill(`walter-${tag}@example.test`);
  await form.getByRole("button", { name: "Add participant" }).click();
  await expect(form.getByText("All seats and reserve seats are taken.")).toBeVisible();

  await form.getByLabel("Add beyond the seat limit").check();
  await form.getByRole("button", { name: "Add participant" }).click();
  await expect(form.getByText("The participant was registered beyond the seat limit.")).toBeVisible();
  await expect(page.getByRole("table", { name: "Participants" }).getByRole("row").filter({ hasText: "Walter Walk-in" })).toContainText("Registered");
});

test("on a phone the participants become cards with their actions on screen", async ({ page }) => {
  await page.setViewportSize(PHONE);
  await signIn(page, "admin@portico.test", /\/admin$/);
  await page.goto(eventPath);
  const row = page.getByRole("table", { name: "Participants" }).getByRole("row").filter({ hasText: "Sofia Student" });
  await expectOnScreen(page, row.locator('td[data-label="Answers"]'));
  await expectOnScreen(page, row.getByRole("button", { name: /Check in/ }));
  await expectOnScreen(page, row.getByRole("button", { name: "Cancel registration" }));
  await expectNoSidewaysScroll(page);
});

test("on a phone the ticket lists show status and last update, and the stage history is whole", async ({ page, browser }) => {
  await signIn(page, "student@portico.test", /\/portal$/);
  await page.goto("/portal/tickets/new");
  await page.getByLabel("Group").selectOption({ label: "Support" });
  await page.getByLabel("Type").selectOption({ label: "Incident" });
  await page.getByLabel("Subject").fill(subject);
  await page.getByRole("textbox", { name: "Description", exact: true }).fill("The scanner on the second floor jams on every page.");
  await page.getByLabel("Severity").selectOption("High");
  await page.getByLabel("Affected system").fill("Second-floor scanner");
  await page.getByLabel("Reason").fill("Please look into it.");
  await page.getByRole("button", { name: "Save/Request" }).click();
  await expect(page).toHaveURL(/\/portal\/tickets\/\d+\?opened=1$/);
  ticketPath = new URL(page.url()).pathname;

  await page.setViewportSize(PHONE);
  await page.goto("/portal/tickets");
  const row = page.getByRole("row").filter({ hasText: subject });
  await expectOnScreen(page, row.locator('td[data-label="Status"]'));
  await expectOnScreen(page, row.locator('td[data-label="Last update"]'));
  await expectNoSidewaysScroll(page);

  await page.goto(ticketPath);
  const history = page.getByRole("table", { name: "Stage history" });
  const cells = history.locator("td");
  await expect(cells.first()).toBeVisible();
  for (let i = 0; i < (await cells.count()); i++) await expectOnScreen(page, cells.nth(i));
  await expectNoSidewaysScroll(page);

  const staff = await browser.newPage({ viewport: PHONE });
  await signIn(staff, "admin@portico.test", /\/admin$/);
  await staff.goto(`/admin/tickets?q=${encodeURIComponent(subject)}`);
  const queued = staff.getByRole("row").filter({ hasText: subject });
  await expectOnScreen(staff, queued.locator('td[data-label="Whose turn"]'));
  await expectOnScreen(staff, queued.locator('td[data-label="Last update"]'));
  await expectNoSidewaysScroll(staff);
  await staff.close();
});

test("the Finnish field-rules matrix scrolls inside its frame, not the page, with the parameter pinned", async ({ page }) => {
  await page.setViewportSize(LAPTOP);
  await signIn(page, "admin@portico.test", /\/admin$/);
  await page.goto("/admin/settings/tickets");
  await page.getByRole("link", { name: "Incident", exact: true }).first().click();
  await expect(page).toHaveURL(/\/admin\/settings\/tickets\/types\/[0-9a-f-]{36}$/);
  const rulesPath = `${new URL(page.url()).pathname}/rules`;
  await switchLanguage(page, "fi");
  try {
    for (const size of [LAPTOP, PHONE]) {
      await page.setViewportSize(size);
      await page.goto(rulesPath);
      const matrix = page.getByRole("table", { name: "Kenttäsäännöt" });
      await expect(matrix).toBeVisible();
      await expectNoSidewaysScroll(page);
      await expectOnScreen(page, matrix.getByRole("columnheader", { name: "Parametri" }));
      await expectOnScreen(page, page.getByRole("button", { name: "Tallenna säännöt" }));
      // Scrolled to its far end, the parameters' names are still in view.
      await matrix.evaluate((el) => el.parentElement!.scrollTo({ left: el.parentElement!.scrollWidth }));
      await expectOnScreen(page, matrix.getByRole("rowheader").first());
    }
  } finally {
    await page.goto("/admin");
    await switchLanguage(page, "en");
  }
});

test("the guest form's preview renders the welcome text's Markdown", async ({ page }) => {
  await signIn(page, "admin@portico.test", /\/admin$/);
  await page.goto("/admin/settings/guest-portal");
  await page.getByLabel("Welcome text").fill(`**Welcome ${tag}**, see [our hours](https://example.org/hours).`);
  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview.locator("strong")).toHaveText(`Welcome ${tag}`);
  await expect(preview.getByRole("link", { name: "our hours" })).toHaveAttribute("href", "https://example.org/hours");
  await expect(preview).not.toContainText("**");
});
