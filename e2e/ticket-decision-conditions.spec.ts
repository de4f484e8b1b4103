// The client's decision on the staff's understanding offers only the
// conditions that mean it: Reject never offers "Understanding approved" and
// Approve never offers "Understanding rejected" (neutral ones stay). And a
// ticket page of another customer's ticket answers 404, in the browser too.
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { loginAs } from "./helpers";

test.describe.configure({ mode: "serial" });

const tag = Date.now().toString(36);
const subject = `Decision conditions ${tag}`;
let clientContext: BrowserContext;
let staffContext: BrowserContext;
let client: Page;
let staff: Page;
let number = "";

async function signIn(browser: Browser, email: string, landing: RegExp) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await loginAs(page, email, landing);
  if (landing.source.includes("portal") && (await page.locator("#language-switcher").inputValue()) !== "en") {
    await page.locator("#language-switcher").selectOption("en");
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  }
  return { context, page };
}

/** The condition options the open dialog offers for the stage back to staff. */
async function offeredConditions(page: Page): Promise<string[]> {
  const dialog = page.getByRole("dialog");
  const stage = dialog.getByLabel("Next stage");
  if (!(await stage.inputValue())) await stage.selectOption({ index: 1 });
  const options = await dialog.getByLabel("Condition").locator("option").allInnerTexts();
  return options.slice(1).map((o) => o.trim());
}

test.beforeAll(async ({ browser }) => {
  ({ context: clientContext, page: client } = await signIn(browser, "person@portico.test", /\/portal$/));
  ({ context: staffContext, page: staff } = await signIn(browser, "staff1@portico.test", /\/admin$/));
});

test.afterAll(async () => {
  await clientContext?.close();
  await staffContext?.close();
});

test("the client opens an Incident and staff hand an understanding to the client", async () => {
  await client.goto("/portal/tickets/new");
  await client.getByLabel("Group").selectOption({ label: "Support" });
  await client.getByLabel("Type").selectOption({ label: "Incident" });
  await client.getByRole("textbox", { name: "Subject" }).fill(subject);
  await client.getByRole("textbox", { name: "Description", exact: true }).fill("The label printer prints blank labels.");
  await client.getByRole("textbox", { name: "Affected system" }).fill("Printer LP-1");
  await client.getByRole("textbox", { name: "Reason" }).fill("Please look at it.");
  await client.getByRole("button", { name: "Save/Request" }).click();
  await expect(client).toHaveURL(/\/portal\/tickets\/\d+\?opened=1$/);
  number = new URL(client.url()).pathname.split("/").pop() ?? "";

  await staff.goto(`/admin/tickets/${number}`);
  await expect(staff.getByRole("heading", { name: `Ticket #${number}` })).toBeVisible();
  await staff.getByRole("textbox", { name: "Understanding (analysis or proposed solution)" }).fill("Replace the print head.");
  await staff.getByRole("button", { name: "Save understanding" }).click();
  await expect(staff.getByText("Not yet sent to the client")).toBeVisible();
  await staff.getByLabel("Next stage").selectOption({ label: "Client review (with client)" });
  await staff.getByLabel("Condition").selectOption({ label: "Solution proposed" });
  await staff.getByLabel("Reason", { exact: true }).fill("Please confirm.");
  await staff.getByRole("button", { name: "Forward", exact: true }).click();
  await expect(staff.getByText("Waiting for the client's decision")).toBeVisible();
});

test("Reject offers only rejection and neutral conditions; Approve only approval and neutral ones", async () => {
  await client.goto(`/portal/tickets/${number}`);
  await expect(client.getByText("Replace the print head.")).toBeVisible();

  await client.getByRole("button", { name: "Reject", exact: true }).click();
  await expect(client.getByRole("dialog").getByRole("heading", { name: "Reject the understanding" })).toBeVisible();
  const onReject = await offeredConditions(client);
  expect(onReject).toContain("Understanding rejected");
  expect(onReject).not.toContain("Understanding approved");
  // Closed without deciding (a native dialog closes on Escape).
  await client.keyboard.press("Escape");
  await expect(client.getByRole("dialog")).toBeHidden();

  await client.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(client.getByRole("dialog").getByRole("heading", { name: "Approve the understanding" })).toBeVisible();
  const onApprove = await offeredConditions(client);
  expect(onApprove).toContain("Understanding approved");
  expect(onApprove).not.toContain("Understanding rejected");

  // Approving records the approval, under the condition that means it.
  await client.getByRole("dialog").getByRole("button", { name: "Approve and hand over" }).click();
  await expect(client.getByRole("table", { name: "Stage history" }).locator("tbody tr").last()).toContainText("Understanding approved");
});

test("another customer's ticket page answers 404", async ({ browser }) => {
  const { context, page: other } = await signIn(browser, "company@portico.test", /\/portal$/);
  const response = await other.goto(`/portal/tickets/${number}`);
  expect(response?.status()).toBe(404);
  await expect(other.getByText(subject)).toHaveCount(0);
  await context.close();
});
