// The client's side of tickets in a real browser: Pedro
// opens an Incident, meets the required "Affected system" error from the
// server with his input kept, fills it and submits with an attachment; the
// ticket waits for staff ("Awaiting reply") yet its discussion still takes his
// message; the parameter invisible in the portal never reaches the HTML; the
// filter tabs are links a keyboard can follow; another customer sees nothing of it.
// Each test opens its own ticket.
import { type Page } from "@playwright/test";
import { expect, test, uniqueTag, type LoginAs } from "./fixtures";

const newSubject = () => `Printer offline ${uniqueTag()}`;

/** Pedro reads Portuguese; these tests read English (the choice is stored on his account). */
function signInInEnglish(loginAs: LoginAs) {
  return loginAs("person", { language: "en" });
}

/** Pedro opens an Incident, handed over to staff, with a log file; returns its path. */
async function openIncident(page: Page, subject: string) {
  await page.goto("/portal/tickets/new");
  await page.getByLabel("Group").selectOption({ label: "Support" });
  await page.getByLabel("Type").selectOption({ label: "Incident" });
  await page.getByLabel("Subject").fill(subject);
  await page.getByLabel("Description", { exact: true }).fill("The office printer stopped answering this morning.");
  await page.getByLabel("Reason").fill("Please look into it.");
  await page.getByLabel("Affected system").fill("Office printer");
  await page.getByLabel("Attachments").setInputFiles({ name: "printer-log.txt", mimeType: "text/plain", buffer: Buffer.from("paper jam at 09:12\n") });
  await expect(page.getByRole("button", { name: "Remove printer-log.txt" })).toBeVisible();
  await page.getByRole("button", { name: "Save/Request" }).click();
  await expect(page).toHaveURL(/\/portal\/tickets\/\d+\?opened=1$/);
  return new URL(page.url()).pathname;
}

test("a client opens an Incident: the required parameter is enforced, then it is handed over with an attachment", async ({ page, loginAs }) => {
  const subject = newSubject();
  await signInInEnglish(loginAs);
  await page.goto("/portal/tickets");
  await page.getByRole("link", { name: "New ticket" }).click();
  await expect(page).toHaveURL(/\/portal\/tickets\/new$/);
  await expect(page.getByText("For Pedro Person")).toBeVisible();

  await page.getByLabel("Group").selectOption({ label: "Support" });
  await page.getByLabel("Type").selectOption({ label: "Incident" });
  await page.getByLabel("Subject").fill(subject);
  await page.getByLabel("Description", { exact: true }).fill("The office printer stopped answering this morning.");
  await page.getByLabel("Severity").selectOption("High");
  // The only way on is Opening -> Analysis with "Request": both preselected.
  await expect(page.getByLabel("Next stage")).not.toHaveValue("");
  await expect(page.getByLabel("Condition")).not.toHaveValue("");
  await page.getByLabel("Reason").fill("Please look into it.");
  // Invisible in the portal in every stage: not offered, not even in the page's payload.
  expect(await page.content()).not.toContain("Internal cost center");

  // "Affected system" is required to leave Opening: the server says so, on the field.
  await page.getByRole("button", { name: "Save/Request" }).click();
  const affected = page.getByLabel("Affected system");
  await expect(affected).toHaveAttribute("aria-invalid", "true");
  await expect(affected).toHaveAccessibleDescription("This field is required.");
  await expect(page.getByLabel("Subject")).toHaveValue(subject);
  await expect(page.getByLabel("Severity")).toHaveValue("High");
  await expect(page.getByLabel("Reason")).toHaveValue("Please look into it.");

  await affected.fill("Office printer");
  await page.getByLabel("Attachments").setInputFiles({ name: "printer-log.txt", mimeType: "text/plain", buffer: Buffer.from("paper jam at 09:12\n") });
  await expect(page.getByRole("button", { name: "Remove printer-log.txt" })).toBeVisible();
  await page.getByRole("button", { name: "Save/Request" }).click();

  await expect(page).toHaveURL(/\/portal\/tickets\/\d+\?opened=1$/);
  await expect(page.getByText(/Ticket #\d+ was opened and handed over\./)).toBeVisible();
  await expect(page.getByRole("heading", { name: subject })).toBeVisible();
  await expect(page.getByText("Awaiting reply", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("link", { name: "printer-log.txt" })).toBeVisible();
  await expect(page.getByText("Office printer", { exact: true })).toBeVisible();
  // The stage history shows the hand-over made through the portal.
  const history = page.getByRole("table", { name: "Stage history" });
  await expect(history.getByRole("cell", { name: "Analysis", exact: true })).toBeVisible();
  await expect(history.getByText("via portal by Pedro Person")).toBeVisible();
  expect(await page.content()).not.toContain("Internal cost center");

  const download = await page.request.get((await page.getByRole("link", { name: "printer-log.txt" }).getAttribute("href")) ?? "");
  expect(download.ok()).toBe(true);
  expect(await download.text()).toContain("paper jam");
});

test("under Awaiting reply the ticket is read-only, but the discussion takes a new message", async ({ page, loginAs }) => {
  const subject = newSubject();
  await signInInEnglish(loginAs);
  const ticketPath = await openIncident(page, subject);
  await page.goto("/portal/tickets");
  await page.getByRole("link", { name: /^Awaiting reply \(\d+\)$/ }).click();
  await expect(page).toHaveURL(/filter=awaiting/);
  await page.getByRole("link", { name: subject }).click();
  await expect(page).toHaveURL(new RegExp(`${ticketPath}$`));

  // Not the client's turn: no Save/Request, the parameters are shown read-only.
  await expect(page.getByRole("button", { name: "Save/Request" })).toHaveCount(0);
  await expect(page.getByLabel("Affected system")).toHaveCount(0);
  await expect(page.getByText(/You can still write in the discussion/)).toBeVisible();

  await page.getByRole("textbox", { name: "Message", exact: true }).fill("It also fails from the second floor.");
  await page.getByRole("button", { name: "Send message" }).click();
  await expect(page.getByText("Your message was added.")).toBeVisible();
  const discussion = page.getByRole("list", { name: "Discussion" });
  await expect(discussion.getByText("It also fails from the second floor.")).toBeVisible();
  await expect(discussion.getByText("Pedro Person")).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Message", exact: true })).toHaveValue("");
  expect(await page.content()).not.toContain("Internal cost center");
});

test("the filter tabs are links that a keyboard follows, with their counts", async ({ page, loginAs }) => {
  const subject = newSubject();
  await signInInEnglish(loginAs);
  const ticketPath = await openIncident(page, subject);
  await page.goto("/portal/tickets");
  const tabs = page.getByRole("navigation", { name: "Ticket filters" }).getByRole("link");
  await expect(tabs).toHaveText([
    /^All \(\d+\)$/,
    /^Under my responsibility \(\d+\)$/,
    /^Awaiting reply \(\d+\)$/,
    /^Completed \(\d+\)$/,
    /^Cancelled \(\d+\)$/,
  ]);
  await expect(tabs.first()).toHaveAttribute("aria-current", "page");

  await tabs.first().focus();
  await page.keyboard.press("Tab");
  await expect(tabs.nth(1)).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(tabs.nth(2)).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/portal\/tickets\?filter=awaiting$/);
  await expect(page.getByRole("link", { name: /^Awaiting reply/ })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("link", { name: subject })).toBeVisible();

  // A search keeps the filter; a number finds the ticket.
  const number = ticketPath.split("/").pop() ?? "";
  await page.getByRole("searchbox").fill(`#${number}`);
  await page.getByRole("searchbox").press("Enter");
  await expect(page).toHaveURL(/filter=awaiting/);
  await expect(page.getByRole("link", { name: subject })).toBeVisible();
  await page.getByRole("link", { name: /^Completed \(\d+\)$/ }).click();
  await expect(page.getByText("No ticket matches your search.")).toBeVisible();
});

test("another customer's client meets the same not-found page as for a missing ticket and never sees it listed", async ({ page, loginAs }) => {
  const subject = newSubject();
  const pedro = await loginAs("person", { newContext: true, language: "en" });
  const ticketPath = await openIncident(pedro, subject);
  await loginAs("company");
  // The portal streams behind its loading skeleton, so the answer is the not-found page rather than a 404 status.
  await page.goto(ticketPath);
  await expect(page.getByText("404", { exact: true })).toBeVisible();
  const foreign = await page.getByRole("heading", { level: 1 }).allInnerTexts();
  expect(await page.content()).not.toContain(subject);
  await page.goto("/portal/tickets/999999");
  await expect(page.getByText("404", { exact: true })).toBeVisible();
  expect(await page.getByRole("heading", { level: 1 }).allInnerTexts()).toEqual(foreign);
  await page.goto("/portal/tickets/not-a-number");
  await expect(page.getByText("404", { exact: true })).toBeVisible();

  // Neither the list nor a search by its subject (echoed in the search box) shows it.
  await page.goto("/portal/tickets");
  await expect(page.locator(`a[href="${ticketPath}"]`)).toHaveCount(0);
  expect(await page.content()).not.toContain(subject);
  await page.goto(`/portal/tickets?q=${encodeURIComponent(subject)}`);
  await expect(page.locator("main table")).toHaveCount(0);
  await expect(page.locator(`a[href="${ticketPath}"]`)).toHaveCount(0);
});
