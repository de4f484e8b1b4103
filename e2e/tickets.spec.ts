// The whole ticket round trip in a real browser, client and staff side by side
// on the demo settings: Pedro opens an Incident and meets the required-parameter
// error; Sam (staff) writes an understanding and forwards it; Pedro rejects it
// with a reason; Sam revises and forwards again; Pedro approves; Sam completes
// it; Pedro finds it under Completed, read-only, with the whole stage history.
// Internal notes and "Internal cost center" never reach Pedro's HTML. Then an
// administrator cancels and deletes a second ticket that waits on the client.
// Each test opens its own tickets and first brings them, through the same
// pages, to the point the test is about (the steps the tests before it check).
// The names below are set afresh before each test: tests of this file run one
// at a time in a worker, on that worker's own server.
import { type Browser, type BrowserContext, type Page } from "@playwright/test";
import { chooseLanguage, expect, newSignedInPage, test, uniqueTag } from "./fixtures";

const NOT_FOUND = "Page not found";

let tag = "";
let subject = "";
let secondSubject = "";
let internalNote = "";
let publicReply = "";
let costCenter = "";

let clientContext: BrowserContext;
let staffContext: BrowserContext;
let client: Page;
let staff: Page;
let number = "";
let secondNumber = "";

async function signInAsClient(browser: Browser) {
  const page = await newSignedInPage(browser, "person");
  // Pedro reads Portuguese; this test reads English (the choice is stored on his account).
  await chooseLanguage(page, "en");
  return { context: page.context(), page };
}

async function signInAsStaff(browser: Browser, role: "staff1" | "admin") {
  const page = await newSignedInPage(browser, role);
  return { context: page.context(), page };
}

/** Fills the portal's "new ticket" form for an Incident (everything but "Affected system"). */
async function fillNewIncident(page: Page, title: string) {
  await page.goto("/portal/tickets/new");
  await page.getByLabel("Group").selectOption({ label: "Support" });
  await page.getByLabel("Type").selectOption({ label: "Incident" });
  await page.getByLabel("Subject").fill(title);
  await page.getByLabel("Description", { exact: true }).fill("The scanner on the second floor jams on every page.");
  await page.getByLabel("Reason").fill("Please have a look.");
}

async function submitNewTicket(page: Page) {
  await page.getByRole("button", { name: "Save/Request" }).click();
  await expect(page).toHaveURL(/\/portal\/tickets\/\d+\?opened=1$/);
  return new URL(page.url()).pathname.split("/").pop() ?? "";
}

async function openStaffTicket(page: Page, ticketNumber: string) {
  await page.goto(`/admin/tickets/${ticketNumber}`);
  await expect(page.getByRole("heading", { name: `Ticket #${ticketNumber}` })).toBeVisible();
}

/** Staff forward form: next stage, condition, reason, then the submit button (Forward / Complete ticket). */
async function staffForward(page: Page, stage: string, condition: string, reason: string, button = "Forward") {
  await page.getByLabel("Next stage").selectOption({ label: stage });
  await page.getByLabel("Condition").selectOption({ label: condition });
  await page.getByLabel("Reason", { exact: true }).fill(reason);
  await page.getByRole("button", { name: button, exact: true }).click();
}

/** The summary's value for a label ("Stage" -> "Client review"). */
function summaryValue(page: Page, label: string) {
  return page.locator("dl dt", { hasText: new RegExp(`^${label}$`) }).locator("xpath=following-sibling::dd[1]");
}

function historyRows(page: Page) {
  return page.getByRole("table", { name: "Stage history" }).locator("tbody tr");
}

async function clientHtmlHidesStaffOnlyData(page: Page) {
  const html = await page.content();
  expect(html).not.toContain(internalNote);
  expect(html).not.toContain("Internal cost center");
  expect(html).not.toContain(costCenter);
}

test.beforeEach(async ({ browser }) => {
  tag = uniqueTag();
  subject = `Scanner jammed ${tag}`;
  secondSubject = `Duplicate request ${tag}`;
  internalNote = `Internal only: vendor contract ${tag}`;
  publicReply = `We are looking into it (${tag}).`;
  costCenter = `CC-${tag}`;
  number = "";
  secondNumber = "";
  ({ context: clientContext, page: client } = await signInAsClient(browser));
  ({ context: staffContext, page: staff } = await signInAsStaff(browser, "staff1"));
});

test.afterEach(async () => {
  await clientContext?.close();
  await staffContext?.close();
});

// The round trip's steps, for the tests that start further along it.

/** Pedro opens the Incident, "Affected system" filled. */
async function opened() {
  await fillNewIncident(client, subject);
  await client.getByLabel("Affected system").fill("Scanner SC-2");
  number = await submitNewTicket(client);
}

/** Sam fills the staff-only parameter, writes an internal note, a reply and an understanding, and hands it to Pedro. */
async function proposed() {
  await openStaffTicket(staff, number);
  await staff.getByLabel("Internal cost center").fill(costCenter);
  await staff.getByRole("button", { name: "Save parameters" }).click();
  await expect(staff.getByText("Saved.")).toBeVisible();
  await staff.getByRole("textbox", { name: "Message" }).fill(internalNote);
  await staff.getByLabel("Internal note (never shown to the client)").check();
  await staff.getByRole("button", { name: "Send message" }).click();
  await expect(staff.getByText("Internal note added.")).toBeVisible();
  await staff.getByRole("textbox", { name: "Message" }).fill(publicReply);
  await staff.getByRole("button", { name: "Send message" }).click();
  await expect(staff.getByText("Reply sent to the client.")).toBeVisible();
  await staff.getByRole("textbox", { name: "Understanding (analysis or proposed solution)" }).fill("Restart the scanner's feeder.");
  await staff.getByRole("button", { name: "Save understanding" }).click();
  await expect(staff.getByText("Not yet sent to the client")).toBeVisible();
  await staffForward(staff, "Client review (with client)", "Solution proposed", "Please try the restart.");
  await expect(summaryValue(staff, "Stage")).toHaveText("Client review");
}

/** Pedro rejects the understanding with a reason. */
async function rejected() {
  await client.goto(`/portal/tickets/${number}`);
  await client.getByRole("button", { name: "Reject", exact: true }).click();
  const dialog = client.getByRole("dialog");
  await dialog.getByLabel("Why do you reject it?").fill("The feeder was restarted; it still jams.");
  await dialog.getByRole("button", { name: "Reject and hand over" }).click();
  await expect(client.getByText("Awaiting reply", { exact: true }).first()).toBeVisible();
}

/** Sam revises the understanding and hands it to Pedro again. */
async function revised() {
  await openStaffTicket(staff, number);
  await staff.getByRole("textbox", { name: "Understanding (analysis or proposed solution)" }).fill("Replace the feeder's worn rollers.");
  await staff.getByRole("button", { name: "Save understanding" }).click();
  await expect(staff.getByText("Not yet sent to the client")).toBeVisible();
  await staffForward(staff, "Client review (with client)", "Solution proposed", "Revised after your feedback.");
  await expect(summaryValue(staff, "Stage")).toHaveText("Client review");
}

/** Pedro approves the revised understanding. */
async function approved() {
  await client.goto(`/portal/tickets/${number}`);
  await client.getByRole("button", { name: "Approve", exact: true }).click();
  await client.getByRole("dialog").getByRole("button", { name: "Approve and hand over" }).click();
  await expect(client.getByText("Awaiting reply", { exact: true }).first()).toBeVisible();
}

/** Sam gives the root cause and completes the ticket (Analysis -> Done, "Resolved"). */
async function completed() {
  await openStaffTicket(staff, number);
  await staff.getByLabel("Root cause").fill("Worn feeder rollers.");
  await staffForward(staff, "Complete: Done", "Resolved", "Rollers replaced.", "Complete ticket");
  await expect(summaryValue(staff, "Status")).toContainText("Completed");
}

/** Pedro opens a second Incident with a file; Sam hands it back to him ("Needs information"). */
async function secondWaitsOnClient() {
  await fillNewIncident(client, secondSubject);
  await client.getByLabel("Affected system").fill("Front desk PC");
  await client.getByLabel("Attachments").setInputFiles({ name: "duplicate.txt", mimeType: "text/plain", buffer: Buffer.from("opened twice\n") });
  await expect(client.getByRole("button", { name: "Remove duplicate.txt" })).toBeVisible();
  secondNumber = await submitNewTicket(client);
  await openStaffTicket(staff, secondNumber);
  await staffForward(staff, "Client review (with client)", "Needs information", "Which desk exactly?");
  await expect(summaryValue(staff, "Stage")).toHaveText("Client review");
}

test("the client opens an Incident: the required parameter is refused, then it is submitted", async () => {
  await fillNewIncident(client, subject);
  await client.getByRole("button", { name: "Save/Request" }).click();
  const affected = client.getByLabel("Affected system");
  await expect(affected).toHaveAttribute("aria-invalid", "true");
  await expect(affected).toHaveAccessibleDescription("This field is required.");
  await expect(client.getByLabel("Subject")).toHaveValue(subject);

  await affected.fill("Scanner SC-2");
  number = await submitNewTicket(client);
  await expect(client.getByRole("heading", { name: subject })).toBeVisible();
  await expect(historyRows(client)).toHaveCount(1);
  await clientHtmlHidesStaffOnlyData(client);
});

test("staff find it in their queue, see the staff-only parameter, and write notes, a reply and the understanding", async () => {
  await opened();
  await staff.goto("/admin/tickets");
  await staff.getByRole("navigation", { name: "Assigned to" }).getByRole("link", { name: "Mine" }).click();
  await expect(staff).toHaveURL(/assignee=mine/);
  await staff.getByRole("link", { name: `#${number}`, exact: true }).click();
  await expect(staff.getByRole("heading", { name: `Ticket #${number}` })).toBeVisible();
  await expect(summaryValue(staff, "Stage")).toHaveText("Analysis");
  await expect(summaryValue(staff, "Attendant")).toHaveText("Sam Staff");

  // Invisible in the portal, visible and editable for staff.
  await staff.getByLabel("Internal cost center").fill(costCenter);
  await staff.getByRole("button", { name: "Save parameters" }).click();
  await expect(staff.getByText("Saved.")).toBeVisible();

  await staff.getByRole("textbox", { name: "Message" }).fill(internalNote);
  await staff.getByLabel("Internal note (never shown to the client)").check();
  await staff.getByRole("button", { name: "Send message" }).click();
  await expect(staff.getByText("Internal note added.")).toBeVisible();
  const note = staff.getByRole("list", { name: "Discussion" }).getByRole("listitem").filter({ hasText: internalNote });
  await expect(note.getByText("Internal", { exact: true })).toBeVisible();

  await staff.getByRole("textbox", { name: "Message" }).fill(publicReply);
  await staff.getByRole("button", { name: "Send message" }).click();
  await expect(staff.getByText("Reply sent to the client.")).toBeVisible();

  await staff.getByRole("textbox", { name: "Understanding (analysis or proposed solution)" }).fill("Restart the scanner's feeder.");
  await staff.getByRole("button", { name: "Save understanding" }).click();
  await expect(staff.getByText("Not yet sent to the client")).toBeVisible();

  await staffForward(staff, "Client review (with client)", "Solution proposed", "Please try the restart.");
  await expect(summaryValue(staff, "Stage")).toHaveText("Client review");
  await expect(staff.getByText("Waiting for the client's decision")).toBeVisible();
  await expect(historyRows(staff)).toHaveCount(2);
});

test("the client sees the public reply but no staff-only data, and rejects the understanding with a reason", async () => {
  await opened();
  await proposed();
  await client.goto(`/portal/tickets/${number}`);
  await expect(client.getByText(publicReply)).toBeVisible();
  await expect(client.getByText("Restart the scanner's feeder.")).toBeVisible();
  await clientHtmlHidesStaffOnlyData(client);

  await client.getByRole("button", { name: "Reject", exact: true }).click();
  const dialog = client.getByRole("dialog");
  await expect(dialog.getByRole("heading", { name: "Reject the understanding" })).toBeVisible();
  await dialog.getByLabel("Why do you reject it?").fill("The feeder was restarted; it still jams.");
  await dialog.getByRole("button", { name: "Reject and hand over" }).click();
  await expect(client.getByText("Awaiting reply", { exact: true }).first()).toBeVisible();
  await expect(historyRows(client).nth(2)).toContainText("Understanding rejected");
  await clientHtmlHidesStaffOnlyData(client);
});

test("staff revise the understanding and forward it again", async () => {
  await opened();
  await proposed();
  await rejected();
  await openStaffTicket(staff, number);
  await expect(summaryValue(staff, "Stage")).toHaveText("Analysis");
  await expect(staff.getByText("Rejected by the client")).toBeVisible();
  await expect(staff.getByRole("list", { name: "Discussion" }).getByText("The feeder was restarted; it still jams.")).toBeVisible();

  await staff.getByRole("textbox", { name: "Understanding (analysis or proposed solution)" }).fill("Replace the feeder's worn rollers.");
  await staff.getByRole("button", { name: "Save understanding" }).click();
  await expect(staff.getByText("Not yet sent to the client")).toBeVisible();
  await staffForward(staff, "Client review (with client)", "Solution proposed", "Revised after your feedback.");
  await expect(summaryValue(staff, "Stage")).toHaveText("Client review");
});

test("the client approves the revised understanding", async () => {
  await opened();
  await proposed();
  await rejected();
  await revised();
  await client.goto(`/portal/tickets/${number}`);
  await expect(client.getByText("Replace the feeder's worn rollers.")).toBeVisible();
  await client.getByRole("button", { name: "Approve", exact: true }).click();
  await client.getByRole("dialog").getByRole("button", { name: "Approve and hand over" }).click();
  await expect(client.getByText("Awaiting reply", { exact: true }).first()).toBeVisible();
  await expect(historyRows(client).nth(4)).toContainText("Understanding approved");
});

test("staff complete it; the next stage needs the root cause first", async () => {
  await opened();
  await proposed();
  await rejected();
  await revised();
  await approved();
  await openStaffTicket(staff, number);
  await expect(staff.getByText("Approved by the client")).toBeVisible();
  // Done requires "Root cause" from the previous stage: refused on the field until it is filled.
  await staffForward(staff, "Complete: Done", "Resolved", "Rollers replaced.", "Complete ticket");
  await expect(staff.getByLabel("Root cause")).toHaveAccessibleDescription("The next stage needs this parameter to be filled first.");
  await staff.getByLabel("Root cause").fill("Worn feeder rollers.");
  await staff.getByRole("button", { name: "Complete ticket" }).click();
  await expect(summaryValue(staff, "Stage")).toHaveText("Done");
  await expect(summaryValue(staff, "Status")).toContainText("Completed");
  await expect(staff.getByRole("button", { name: "Forward" })).toHaveCount(0);
  await expect(staff.getByText("Internal cost center")).toBeVisible();
});

test("the client finds it under Completed, read-only, with the full stage history", async () => {
  await opened();
  await proposed();
  await rejected();
  await revised();
  await approved();
  await completed();
  await client.goto("/portal/tickets");
  await client.getByRole("link", { name: /^Completed \(\d+\)$/ }).click();
  await client.getByRole("link", { name: subject }).click();
  await expect(client).toHaveURL(new RegExp(`/portal/tickets/${number}$`));
  await expect(client.locator("main form")).toHaveCount(0);
  await expect(client.getByRole("button", { name: "Approve" })).toHaveCount(0);

  const rows = historyRows(client);
  await expect(rows).toHaveCount(6);
  const moves = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].slice(0, 3).map((td) => td.textContent?.trim())));
  expect(moves).toEqual([
    ["Opening", "Analysis", "Request"],
    ["Analysis", "Client review", "Solution proposed"],
    ["Client review", "Analysis", "Understanding rejected"],
    ["Analysis", "Client review", "Solution proposed"],
    ["Client review", "Analysis", "Understanding approved"],
    ["Analysis", "Done", "Resolved"],
  ]);
  await clientHtmlHidesStaffOnlyData(client);
});

test("the queue's filters work without JavaScript", async ({ browser }) => {
  // A completed ticket: straight from Analysis to Done.
  await opened();
  await completed();
  // A second ticket, handed to the client by staff: it waits on the client.
  await fillNewIncident(client, secondSubject);
  await client.getByLabel("Affected system").fill("Front desk PC");
  await client.getByLabel("Attachments").setInputFiles({ name: "duplicate.txt", mimeType: "text/plain", buffer: Buffer.from("opened twice\n") });
  await expect(client.getByRole("button", { name: "Remove duplicate.txt" })).toBeVisible();
  secondNumber = await submitNewTicket(client);
  await openStaffTicket(staff, secondNumber);
  await staffForward(staff, "Client review (with client)", "Needs information", "Which desk exactly?");
  await expect(summaryValue(staff, "Stage")).toHaveText("Client review");
  // Cancelling is for administrators only.
  await expect(staff.getByRole("button", { name: "Cancel ticket" })).toHaveCount(0);

  const context = await browser.newContext({ javaScriptEnabled: false, storageState: await staffContext.storageState() });
  const page = await context.newPage();
  await page.goto("/admin/tickets");
  await page.getByLabel("Whose turn").selectOption({ label: "With the client" });
  await page.getByLabel("Search by number or subject").fill(tag);
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/responsible=CLIENT/);
  await expect(page.getByRole("cell", { name: secondSubject })).toBeVisible();
  await expect(page.getByRole("cell", { name: subject, exact: true })).toHaveCount(0);
  // Completed tickets appear when asked for.
  await page.getByLabel("Whose turn").selectOption({ label: "Anyone's turn" });
  await page.getByLabel("Status").selectOption({ label: "Completed" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByRole("cell", { name: subject, exact: true })).toBeVisible();
  await expect(page.getByRole("cell", { name: secondSubject })).toHaveCount(0);
  await context.close();
});

test("an administrator cancels the ticket waiting on the client (reason required), then deletes it with its files", async ({ browser }) => {
  await secondWaitsOnClient();
  const { context, page: admin } = await signInAsStaff(browser, "admin");
  await openStaffTicket(admin, secondNumber);
  const fileHref = (await admin.getByRole("link", { name: "duplicate.txt" }).first().getAttribute("href")) ?? "";
  expect((await admin.request.get(fileHref)).ok()).toBe(true);
  await expect(admin.getByRole("button", { name: "Delete ticket" })).toHaveCount(0);

  await admin.getByRole("button", { name: "Cancel ticket" }).click();
  const dialog = admin.getByRole("dialog");
  await dialog.getByRole("button", { name: "Cancel the ticket" }).click();
  await expect(dialog.getByLabel("Reason for cancelling")).toHaveAccessibleDescription("This field is required.");
  await dialog.getByLabel("Reason for cancelling").fill("Opened twice by mistake.");
  await dialog.getByRole("button", { name: "Cancel the ticket" }).click();
  await expect(admin.getByText("This ticket was cancelled. Reason: Opened twice by mistake.")).toBeVisible();
  await expect(admin.getByRole("button", { name: "Cancel ticket" })).toHaveCount(0);

  // The client sees it under Cancelled, read-only.
  await client.goto("/portal/tickets?filter=cancelled");
  await client.getByRole("link", { name: secondSubject }).click();
  await expect(client.locator("main form")).toHaveCount(0);

  await admin.getByRole("button", { name: "Delete ticket" }).click();
  const confirm = admin.getByRole("dialog");
  await expect(confirm).toContainText(`Delete ticket #${secondNumber} for good?`);
  await expect(confirm).toContainText("1 attached file");
  await confirm.getByRole("button", { name: "Delete ticket" }).click();
  await expect(admin).toHaveURL(/\/admin\/tickets\?deleted=1$/);
  await expect(admin.getByText("The ticket was deleted.")).toBeVisible();

  expect((await admin.request.get(fileHref)).status()).toBe(404);
  for (const [page, path] of [
    [admin, `/admin/tickets/${secondNumber}`],
    [client, `/portal/tickets/${secondNumber}`],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: NOT_FOUND })).toBeVisible();
  }
  await context.close();
});
