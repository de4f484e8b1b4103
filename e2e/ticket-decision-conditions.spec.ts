// The client's decision on the staff's understanding offers only the
// conditions that mean it: Reject never offers "Understanding approved" and
// Approve never offers "Understanding rejected" (neutral ones stay). And a
// ticket page of another customer's ticket answers 404, in the browser too.
// Each test opens its own ticket: the decision is one story of one ticket
// (opened, handed to the client, decided), so its parts are steps of one test.
import { type Page } from "@playwright/test";
import { expect, test, uniqueTag } from "./fixtures";

/** Pedro opens an Incident from the portal; returns its number. */
async function openIncident(client: Page, subject: string) {
  await client.goto("/portal/tickets/new");
  await client.getByLabel("Group").selectOption({ label: "Support" });
  await client.getByLabel("Type").selectOption({ label: "Incident" });
  await client.getByRole("textbox", { name: "Subject" }).fill(subject);
  await client.getByRole("textbox", { name: "Description", exact: true }).fill("The label printer prints blank labels.");
  await client.getByRole("textbox", { name: "Affected system" }).fill("Printer LP-1");
  await client.getByRole("textbox", { name: "Reason" }).fill("Please look at it.");
  await client.getByRole("button", { name: "Save/Request" }).click();
  await expect(client).toHaveURL(/\/portal\/tickets\/\d+\?opened=1$/);
  return new URL(client.url()).pathname.split("/").pop() ?? "";
}

/** The condition options the open dialog offers for the stage back to staff. */
async function offeredConditions(page: Page): Promise<string[]> {
  const dialog = page.getByRole("dialog");
  const stage = dialog.getByLabel("Next stage");
  if (!(await stage.inputValue())) await stage.selectOption({ index: 1 });
  const options = await dialog.getByLabel("Condition").locator("option").allInnerTexts();
  return options.slice(1).map((o) => o.trim());
}

test("the client's decision on an understanding offers only the conditions that mean it", async ({ loginAs }) => {
  const subject = `Decision conditions ${uniqueTag()}`;
  // Pedro reads Portuguese; this test reads English (the choice is stored on his account).
  const client = await loginAs("person", { newContext: true, language: "en" });
  const staff = await loginAs("staff1", { newContext: true });
  let number = "";

  await test.step("the client opens an Incident and staff hand an understanding to the client", async () => {
    number = await openIncident(client, subject);

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

  await test.step("Reject offers only rejection and neutral conditions; Approve only approval and neutral ones", async () => {
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
});

test("another customer's ticket page answers 404", async ({ loginAs }) => {
  const subject = `Decision conditions ${uniqueTag()}`;
  const client = await loginAs("person", { newContext: true, language: "en" });
  const number = await openIncident(client, subject);

  const other = await loginAs("company", { newContext: true, language: "en" });
  const response = await other.goto(`/portal/tickets/${number}`);
  expect(response?.status()).toBe(404);
  await expect(other.getByText(subject)).toHaveCount(0);
});
