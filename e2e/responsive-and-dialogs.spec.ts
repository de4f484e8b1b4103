// Lists, dialogs and forms at a phone's width (390×844) and a laptop's
// (1366×768): the columns and row actions that matter stay on screen without
// scrolling the page sideways (a table becomes cards on a phone), every
// confirmation dialog says what its buttons do, and the smaller rough edges:
// a failed sign-in clears the password, the profile's buttons say what they
// save, the guest form's preview renders Markdown, saving an event shows the
// event with a confirmation, a walk-in can be seated beyond a full event's limit.
// Each test that needs an event creates its own (one seat, no reserve, a
// portal question) and has Sofia (student) register to it with an answer.
import { type Locator, type Page } from "@playwright/test";
import { chooseLanguage, expect, test, uniqueTag, type LoginAs } from "./fixtures";
import { createCertificateTemplate, createEventType, formAlert, openPortalEvent } from "./helpers";

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1366, height: 768 };

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

interface WalkInEvent {
  name: string;
  path: string;
  questionLabel: string;
}

/**
 * Staff (signed in as admin on the page) create an event type, a portal
 * questionnaire with one question and an event of one seat and no reserve,
 * visible in the portal; with `certificate`, a certificate template it uses.
 * Leaves the page on the new event's page.
 */
async function createEvent(admin: Page, tag: string, options: { name?: string; certificate?: boolean } = {}): Promise<WalkInEvent> {
  const name = options.name ?? `Walk-in workshop ${tag}`;
  const questionLabel = `Which team are you in ${tag}?`;
  await createEventType(admin, `Walk-in type ${tag}`);

  await admin.goto("/admin/settings/questionnaires/new");
  await admin.getByLabel("Name").fill(`Walk-in questions ${tag}`);
  await admin.getByRole("button", { name: "Add question" }).click();
  await admin.getByLabel("Question", { exact: true }).fill(questionLabel);
  await admin.getByRole("button", { name: "Create" }).click();
  await expect(admin.getByText("Created.")).toBeVisible();

  if (options.certificate) {
    await createCertificateTemplate(admin, `Walk-in certificate ${tag}`);
  }

  await admin.goto("/admin/events/new");
  await admin.getByLabel("Name", { exact: true }).fill(name);
  await admin.getByLabel("Starts", { exact: true }).fill("2030-05-10T14:00");
  await admin.getByLabel("Ends", { exact: true }).fill("2030-05-10T16:00");
  await admin.getByLabel("Type").selectOption({ label: `Walk-in type ${tag}` });
  await admin.getByLabel("Seats", { exact: true }).fill("1");
  await admin.getByLabel("Reserve seats").fill("0");
  await admin.getByLabel("Portal questionnaire").selectOption({ label: `Walk-in questions ${tag}` });
  await admin.getByLabel("Visible in the portal").check();
  if (options.certificate) await admin.getByLabel("Certificate template").selectOption({ label: `Walk-in certificate ${tag}` });
  await admin.getByRole("button", { name: "Create" }).click();
  await expect(admin.getByText("The event was created.")).toBeVisible();
  return { name, path: new URL(admin.url()).pathname, questionLabel };
}

/** Sofia (student, reading English) registers in the portal, answering the question. */
async function registerStudent(student: Page, event: WalkInEvent) {
  await openPortalEvent(student, event.name);
  await student.getByLabel(event.questionLabel).fill("Night shift maintenance");
  await student.getByRole("button", { name: "Register" }).click();
  await expect(student.getByText("You are registered.")).toBeVisible();
}

/** An event whose one seat Sofia holds, with her answer; the admin page is left on the event's page. */
async function eventWithSofia(admin: Page, loginAs: LoginAs, tag: string) {
  const event = await createEvent(admin, tag);
  await registerStudent(await loginAs("student", { newContext: true, language: "en" }), event);
  return event;
}

test("a failed sign-in clears the password and keeps the e-mail", async ({ page }) => {
  await page.goto("/login");
  const email = `nobody-${uniqueTag()}@portico.test`;
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(formAlert(page)).toContainText("The e-mail or password is incorrect.");
  await expect(page.getByLabel("Password")).toHaveValue("");
  await expect(page.getByLabel("Password")).toBeFocused();
  await expect(page.getByLabel("E-mail")).toHaveValue(email);
});

test("staff set up an event; saving it shows the event page with a confirmation and its certificate template", async ({ page, loginAs }) => {
  const tag = uniqueTag();
  const eventName = `Walk-in workshop ${tag}`;
  await page.setViewportSize(LAPTOP);
  await loginAs("admin", { language: "en" });
  const { path: eventPath } = await createEvent(page, tag, { name: `${eventName} (draft)`, certificate: true });

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

test("a client registers; the cancel dialog's buttons say Back and what the other one does, in English and Portuguese", async ({ page, loginAs }) => {
  const event = await createEvent(await loginAs("admin", { newContext: true, language: "en" }), uniqueTag());
  // Sofia reads Portuguese; this test reads English (the choice is stored on her account).
  await loginAs("student", { language: "en" });
  await registerStudent(page, event);

  await page.getByRole("button", { name: "Cancel my registration" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("button")).toHaveText(["Back", "Cancel my registration"]);
  await dialog.getByRole("button", { name: "Back" }).click();
  await expect(dialog).toBeHidden();

  await chooseLanguage(page, "pt-BR");
  try {
    await page.getByRole("button", { name: "Cancelar minha inscrição" }).click();
    await expect(dialog.getByRole("button")).toHaveText(["Voltar", "Cancelar minha inscrição"]);
    await dialog.getByRole("button", { name: "Voltar" }).click();
    await expect(dialog).toBeHidden();
  } finally {
    await chooseLanguage(page, "en");
  }
  await expect(
    page
      .getByText("You are registered.")
      .or(page.getByText("Registered", { exact: true }))
      .first(),
  ).toBeVisible();
});

test("the profile's two forms have buttons that say what they save", async ({ page, loginAs }) => {
  await loginAs("student", { language: "en" });
  await page.goto("/portal/profile");
  await expect(page.getByRole("button", { name: "Save time zone" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Save CPF" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Save", exact: true })).toHaveCount(0);
  const labels = await page.getByRole("button", { name: /^Save/ }).allInnerTexts();
  expect(new Set(labels).size).toBe(labels.length);
});

test("at a laptop's width the participants table shows its answers and row actions without scrolling", async ({ page, loginAs }) => {
  await page.setViewportSize(LAPTOP);
  await loginAs("admin", { language: "en" });
  const event = await eventWithSofia(page, loginAs, uniqueTag());
  await page.goto(event.path);
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

test("staff seat a walk-in beyond a full event's limit only when they tick it", async ({ page, loginAs }) => {
  const tag = uniqueTag();
  await page.setViewportSize(LAPTOP);
  await loginAs("admin", { language: "en" });
  // Sofia holds the one seat: the event is full.
  const event = await eventWithSofia(page, loginAs, tag);
  await page.goto(event.path);
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

test("on a phone the participants become cards with their actions on screen", async ({ page, loginAs }) => {
  await loginAs("admin", { language: "en" });
  const event = await eventWithSofia(page, loginAs, uniqueTag());
  await page.setViewportSize(PHONE);
  await page.goto(event.path);
  const row = page.getByRole("table", { name: "Participants" }).getByRole("row").filter({ hasText: "Sofia Student" });
  await expectOnScreen(page, row.locator('td[data-label="Answers"]'));
  await expectOnScreen(page, row.getByRole("button", { name: /Check in/ }));
  await expectOnScreen(page, row.getByRole("button", { name: "Cancel registration" }));
  await expectNoSidewaysScroll(page);
});

test("on a phone the ticket lists show status and last update, and the stage history is whole", async ({ page, loginAs }) => {
  const subject = `Scanner jammed ${uniqueTag()}`;
  await loginAs("student", { language: "en" });
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
  const ticketPath = new URL(page.url()).pathname;

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

  const staff = await loginAs("admin", { newContext: true, language: "en", contextOptions: { viewport: PHONE } });
  await staff.goto(`/admin/tickets?q=${encodeURIComponent(subject)}`);
  const queued = staff.getByRole("row").filter({ hasText: subject });
  await expectOnScreen(staff, queued.locator('td[data-label="Whose turn"]'));
  await expectOnScreen(staff, queued.locator('td[data-label="Last update"]'));
  await expectNoSidewaysScroll(staff);
});

test("the Finnish field-rules matrix scrolls inside its frame, not the page, with the parameter pinned", async ({ page, loginAs }) => {
  await page.setViewportSize(LAPTOP);
  await loginAs("admin", { language: "en" });
  await page.goto("/admin/settings/tickets");
  await page.getByRole("link", { name: "Incident", exact: true }).first().click();
  await expect(page).toHaveURL(/\/admin\/settings\/tickets\/types\/[0-9a-f-]{36}$/);
  const rulesPath = `${new URL(page.url()).pathname}/rules`;
  await chooseLanguage(page, "fi");
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
    // The admin's language is stored on the account: back to English for the tests that follow.
    await page.goto("/admin");
    await chooseLanguage(page, "en");
  }
});

test("the guest form's preview renders the welcome text's Markdown", async ({ page, loginAs }) => {
  const tag = uniqueTag();
  await loginAs("admin", { language: "en" });
  await page.goto("/admin/settings/guest-portal");
  await page.getByLabel("Welcome text").fill(`**Welcome ${tag}**, see [our hours](https://example.org/hours).`);
  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview.locator("strong")).toHaveText(`Welcome ${tag}`);
  await expect(preview.getByRole("link", { name: "our hours" })).toHaveAttribute("href", "https://example.org/hours");
  await expect(preview).not.toContainText("**");
});
