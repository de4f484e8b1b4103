// A draft understanding stays with staff: saved while the ticket is on the
// staff side, it is absent from the client's ticket page, both its HTML and
// the RSC payload a client-side navigation fetches; once staff hand the ticket
// to the client, it appears.
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { newSignedInPage, type DemoRole } from "./fixtures";

test.describe.configure({ mode: "serial" });

const tag = Date.now().toString(36);
const subject = `Draft understanding ${tag}`;
const draft = `Replace the feeder unit, quote ${tag}`;

let clientContext: BrowserContext;
let staffContext: BrowserContext;
let client: Page;
let staff: Page;
let number = "";

async function signInAs(browser: Browser, role: DemoRole) {
  const page = await newSignedInPage(browser, role);
  return { context: page.context(), page };
}

/** The page's HTML and its RSC payload (what a client-side navigation receives). */
async function clientTicketPayloads(page: Page) {
  const path = `/portal/tickets/${number}`;
  await page.goto(path);
  await expect(page.getByRole("heading", { name: new RegExp(subject) })).toBeVisible();
  const html = await page.content();
  const rsc = await page.request.get(path, { headers: { RSC: "1" } });
  expect(rsc.ok()).toBe(true);
  expect(rsc.headers()["content-type"]).toContain("text/x-component");
  return { html, rsc: await rsc.text() };
}

test.beforeAll(async ({ browser }) => {
  ({ context: clientContext, page: client } = await signInAs(browser, "person"));
  // Pedro reads Portuguese; this test reads English (the choice is stored on his account).
  if ((await client.locator("#language-switcher").inputValue()) !== "en") {
    await client.locator("#language-switcher").selectOption("en");
    await expect(client.getByRole("button", { name: "Sign out" })).toBeVisible();
  }
  ({ context: staffContext, page: staff } = await signInAs(browser, "staff1"));
});

test.afterAll(async () => {
  await clientContext?.close();
  await staffContext?.close();
});

test("the client opens a ticket and staff save an understanding while it is theirs", async () => {
  await client.goto("/portal/tickets/new");
  await client.getByLabel("Group").selectOption({ label: "Support" });
  await client.getByLabel("Type").selectOption({ label: "Incident" });
  await client.getByLabel("Subject").fill(subject);
  await client.getByLabel("Description", { exact: true }).fill("The scanner jams.");
  await client.getByLabel("Reason").fill("Please look at it.");
  await client.getByLabel("Affected system").fill("Scanner SC-3");
  await client.getByRole("button", { name: "Save/Request" }).click();
  await expect(client).toHaveURL(/\/portal\/tickets\/\d+\?opened=1$/);
  number = new URL(client.url()).pathname.split("/").pop() ?? "";

  await staff.goto(`/admin/tickets/${number}`);
  await staff.getByRole("textbox", { name: "Understanding (analysis or proposed solution)" }).fill(draft);
  await staff.getByRole("button", { name: "Save understanding" }).click();
  await expect(staff.getByText("Not yet sent to the client")).toBeVisible();
});

test("the client's page carries no trace of the draft, in HTML or RSC payload", async () => {
  const { html, rsc } = await clientTicketPayloads(client);
  expect(html).not.toContain(draft);
  expect(rsc).not.toContain(draft);
  expect(rsc).not.toContain(`quote ${tag}`);
});

test("once staff hand the ticket over, the client reads it", async () => {
  await staff.getByLabel("Next stage").selectOption({ label: "Client review (with client)" });
  await staff.getByLabel("Condition").selectOption({ label: "Solution proposed" });
  await staff.getByLabel("Reason", { exact: true }).fill("Please review.");
  await staff.getByRole("button", { name: "Forward", exact: true }).click();
  await expect(staff.getByText("Waiting for the client's decision")).toBeVisible();

  const { html, rsc } = await clientTicketPayloads(client);
  expect(html).toContain(draft);
  expect(rsc).toContain(draft);
  await expect(client.getByText(draft)).toBeVisible();
});
