// A draft understanding stays with staff: saved while the ticket is on the
// staff side, it is absent from the client's ticket page, both its HTML and
// the RSC payload a client-side navigation fetches; once staff hand the ticket
// to the client, it appears. Each test opens its own ticket.
import { type Page } from "@playwright/test";
import { expect, test, uniqueTag, type LoginAs } from "./fixtures";

/** Pedro (in English) opens an Incident; Sam saves a draft understanding on it while it is on the staff side. */
async function ticketWithDraft(loginAs: LoginAs) {
  const tag = uniqueTag();
  const subject = `Draft understanding ${tag}`;
  const draft = `Replace the feeder unit, quote ${tag}`;
  const client = await loginAs("person", { language: "en" });
  await client.goto("/portal/tickets/new");
  await client.getByLabel("Group").selectOption({ label: "Support" });
  await client.getByLabel("Type").selectOption({ label: "Incident" });
  await client.getByLabel("Subject").fill(subject);
  await client.getByLabel("Description", { exact: true }).fill("The scanner jams.");
  await client.getByLabel("Reason").fill("Please look at it.");
  await client.getByLabel("Affected system").fill("Scanner SC-3");
  await client.getByRole("button", { name: "Save/Request" }).click();
  await expect(client).toHaveURL(/\/portal\/tickets\/\d+\?opened=1$/);
  const number = new URL(client.url()).pathname.split("/").pop() ?? "";

  const staff = await loginAs("staff1", { newContext: true });
  await staff.goto(`/admin/tickets/${number}`);
  await staff.getByRole("textbox", { name: "Understanding (analysis or proposed solution)" }).fill(draft);
  await staff.getByRole("button", { name: "Save understanding" }).click();
  await expect(staff.getByText("Not yet sent to the client")).toBeVisible();
  return { client, staff, number, subject, draft, tag };
}

/** The page's HTML and its RSC payload (what a client-side navigation receives). */
async function clientTicketPayloads(page: Page, number: string, subject: string) {
  const path = `/portal/tickets/${number}`;
  await page.goto(path);
  await expect(page.getByRole("heading", { name: new RegExp(subject) })).toBeVisible();
  const html = await page.content();
  const rsc = await page.request.get(path, { headers: { RSC: "1" } });
  expect(rsc.ok()).toBe(true);
  expect(rsc.headers()["content-type"]).toContain("text/x-component");
  return { html, rsc: await rsc.text() };
}

test("the client opens a ticket and staff save an understanding while it is theirs", async ({ loginAs }) => {
  const { staff, draft } = await ticketWithDraft(loginAs);
  await expect(staff.getByRole("textbox", { name: "Understanding (analysis or proposed solution)" })).toHaveValue(draft);
});

test("the client's page carries no trace of the draft, in HTML or RSC payload", async ({ loginAs }) => {
  const { client, number, subject, draft, tag } = await ticketWithDraft(loginAs);
  const { html, rsc } = await clientTicketPayloads(client, number, subject);
  expect(html).not.toContain(draft);
  expect(rsc).not.toContain(draft);
  expect(rsc).not.toContain(`quote ${tag}`);
});

test("once staff hand the ticket over, the client reads it", async ({ loginAs }) => {
  const { client, staff, number, subject, draft } = await ticketWithDraft(loginAs);
  await staff.getByLabel("Next stage").selectOption({ label: "Client review (with client)" });
  await staff.getByLabel("Condition").selectOption({ label: "Solution proposed" });
  await staff.getByLabel("Reason", { exact: true }).fill("Please review.");
  await staff.getByRole("button", { name: "Forward", exact: true }).click();
  await expect(staff.getByText("Waiting for the client's decision")).toBeVisible();

  const { html, rsc } = await clientTicketPayloads(client, number, subject);
  expect(html).toContain(draft);
  expect(rsc).toContain(draft);
  await expect(client.getByText(draft)).toBeVisible();
});
