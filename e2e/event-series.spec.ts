// Sessions from a rule in the staff pages: staff describe a series (Tuesdays
// 14:00–16:00, three times, skipping one date) for a main event in Helsinki,
// preview its dates — the last ones after the change to summer time, still at
// 14:00 — then create them, and the sessions appear on the event's page.
import { expect, test } from "./fixtures";

test("staff preview a series of sessions, then create it", async ({ page, loginAs }) => {
  const tag = Date.now().toString(36);
  await loginAs("admin");

  await page.goto("/admin/settings/event-types/new");
  await page.getByLabel("Name").fill(`Series type ${tag}`);
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByText("Created.")).toBeVisible();

  await page.goto("/admin/events/new");
  await page.getByLabel("Name", { exact: true }).fill(`Course ${tag}`);
  await page.getByLabel("Time zone").selectOption("Europe/Helsinki");
  await page.getByLabel("Starts", { exact: true }).fill("2027-03-16T14:00");
  await page.getByLabel("Ends", { exact: true }).fill("2027-04-06T16:00");
  await page.getByLabel("Type").selectOption({ label: `Series type ${tag}` });
  await page.getByLabel("Seats", { exact: true }).fill("10");
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByText("The event was created.")).toBeVisible();
  const eventPath = new URL(page.url()).pathname;

  await page.getByRole("link", { name: "Create sessions from a rule" }).click();
  await expect(page.getByRole("heading", { name: "Create sessions from a rule" })).toBeVisible();
  await expect(page.getByLabel("Session name")).toHaveValue(`Course ${tag}`);
  // Nothing chosen yet: the preview names what is missing and creates nothing.
  await page.getByRole("button", { name: "Preview the dates" }).click();
  await expect(page.getByText("Choose at least one day.")).toBeVisible();

  await page.getByLabel("Tuesday").check();
  await page.getByLabel("First date").fill("2027-03-16");
  await page.getByLabel("Starts at").fill("14:00");
  await page.getByLabel("Ends at").fill("16:00");
  await page.getByRole("spinbutton", { name: "Number of sessions" }).fill("3");
  await page.getByLabel("Dates to skip").fill("2027-03-23");
  await page.getByRole("button", { name: "Preview the dates" }).click();

  const preview = page.getByRole("region", { name: "3 sessions" });
  await expect(preview).toBeVisible();
  const dates = preview.getByRole("listitem");
  await expect(dates).toHaveCount(3);
  await expect(dates.nth(0)).toContainText("Mar 16, 2027");
  await expect(dates.nth(1)).toContainText("Mar 30, 2027");
  await expect(dates.nth(2)).toContainText("Apr 6, 2027");
  for (let i = 0; i < 3; i++) await expect(dates.nth(i)).toContainText("2:00 PM");
  await expect(preview).toContainText("Skipped: 2027-03-23");

  // A change to the rule hides the preview until it is asked for again.
  await page.getByRole("spinbutton", { name: "Number of sessions" }).fill("4");
  await expect(preview).toBeHidden();
  await page.getByRole("spinbutton", { name: "Number of sessions" }).fill("3");
  await page.getByRole("button", { name: "Preview the dates" }).click();
  await page.getByRole("button", { name: "Create 3 sessions" }).click();

  await expect(page).toHaveURL(new RegExp(`${eventPath}\\?sessionsCreated=3$`));
  await expect(page.getByText("3 sessions were created.")).toBeVisible();
  const sessions = page.getByRole("listitem").filter({ hasText: `Course ${tag} (` });
  await expect(sessions).toHaveCount(3);
  await expect(sessions.nth(0)).toContainText(`Course ${tag} (1/3)`);
  await expect(sessions.nth(2)).toContainText(`Course ${tag} (3/3)`);
  // After the change to summer time the session still starts at 14:00 Helsinki time.
  await expect(sessions.nth(1)).toContainText("Mar 30, 2027");
  await expect(sessions.nth(1)).toContainText("2:00 PM");

  // Each session is an ordinary one, with its own page.
  await sessions.nth(1).getByRole("link").click();
  await expect(page.getByText(`Session of #`)).toBeVisible();
  await expect(page.getByRole("heading", { name: new RegExp(`Course ${tag} \\(2/3\\)`) })).toBeVisible();
});
