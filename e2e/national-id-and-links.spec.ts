// One national id per person, the installation's national id setting, and
// "send me my link again", in a real browser: the profile and the person's
// customer record show the same CPF (kept on the user); with the setting
// "none" neither the profile nor the public sign-up asks for one; the public
// event page sends a private link again with the same answer for any address.
// The event is made here; the setting is put back to CPF for the files that follow.
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { loginAs, signInClient } from "./helpers";

test.describe.configure({ mode: "serial" });

const tag = Date.now().toString(36);
const typeName = `National id training ${tag}`;
const eventName = `Link again ${tag}`;

let adminContext: BrowserContext;
let admin: Page;
let publicPath = "";

async function chooseNationalId(option: string) {
  await admin.goto("/admin/settings/national-id");
  await admin.getByLabel(option).check();
  await admin.getByRole("button", { name: "Save" }).click();
  await expect(admin.getByText("The national id setting was saved.")).toBeVisible();
}

test.beforeAll(async ({ browser }) => {
  adminContext = await browser.newContext();
  admin = await adminContext.newPage();
  await loginAs(admin, "admin@portico.test", /\/admin$/);

  await admin.goto("/admin/settings/event-types/new");
  await admin.getByLabel("Name").fill(typeName);
  await admin.getByLabel("Public", { exact: true }).check();
  await admin.getByRole("button", { name: "Create" }).click();
  await expect(admin.getByText("Created.")).toBeVisible();

  await admin.goto("/admin/events/new");
  await admin.getByLabel("Name", { exact: true }).fill(eventName);
  await admin.getByLabel("Time zone").selectOption("America/Sao_Paulo");
  await admin.getByLabel("Starts", { exact: true }).fill("2027-10-10T14:00");
  await admin.getByLabel("Ends", { exact: true }).fill("2027-10-10T16:00");
  await admin.getByLabel("Type").selectOption({ label: `${typeName} (public)` });
  await admin.getByLabel("Seats", { exact: true }).fill("10");
  await admin.getByLabel("Reserve seats").fill("0");
  await admin.getByLabel("Public registration (public page, no login)").check();
  await admin.getByLabel("Public sign-ups confirm by e-mail").uncheck();
  await admin.getByRole("button", { name: "Create" }).click();
  await expect(admin.getByText("The event was created.")).toBeVisible();
  publicPath = new URL(await admin.getByLabel("Public registration link").inputValue()).pathname;
});

test.afterAll(async () => {
  // The files that follow expect the default.
  if (admin) await chooseNationalId("CPF (Brazil), checked by its digits");
  await adminContext?.close();
});

test("the profile and the person's customer record show the one CPF", async ({ browser }) => {
  const { context, page } = await signInClient(browser, "person@portico.test");
  await page.goto("/portal/profile");
  const cpf = page.getByLabel("CPF", { exact: true });
  await expect(cpf).toHaveValue("529.982.247-25");
  await expect(page.getByText("is not on file")).toHaveCount(0);

  await admin.goto("/admin/customers?q=Pedro");
  await admin.getByRole("link", { name: "Pedro Person" }).click();
  await expect(admin.getByLabel("Document")).toHaveValue("529.982.247-25");

  // Changed on the profile, the customer record follows: there is no second copy.
  await cpf.fill("862.883.667-57");
  await page.getByRole("button", { name: "Save" }).last().click();
  await expect(page.getByText("Your CPF was saved.")).toBeVisible();
  await admin.reload();
  await expect(admin.getByLabel("Document")).toHaveValue("862.883.667-57");

  await cpf.fill("529.982.247-25");
  await page.getByRole("button", { name: "Save" }).last().click();
  await expect(page.getByText("Your CPF was saved.")).toBeVisible();
  await context.close();
});

test("with the national id set to none, neither the profile nor the public sign-up asks for one", async ({ browser }) => {
  await chooseNationalId("None: no national id field anywhere");
  const { context, page } = await signInClient(browser, "person@portico.test");
  await page.goto("/portal/profile");
  await expect(page.getByRole("heading", { name: "My profile" })).toBeVisible();
  await expect(page.getByLabel("CPF", { exact: true })).toHaveCount(0);
  await context.close();

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(publicPath);
  await expect(visitor.getByLabel("Full name")).toBeVisible();
  await expect(visitor.getByLabel("CPF (optional)")).toHaveCount(0);

  // Back to the CPF: the profile asks again, with the number kept all along.
  await chooseNationalId("CPF (Brazil), checked by its digits");
  const again = await signInClient(browser, "person@portico.test");
  await again.page.goto("/portal/profile");
  await expect(again.page.getByLabel("CPF", { exact: true })).toHaveValue("529.982.247-25");
  await again.context.close();
});

test("'send me my link again' answers the same whether or not the address is registered", async ({ browser }) => {
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(publicPath);
  const email = `linked-${tag}@visitor.test`;
  await visitor.getByLabel("Full name").fill("Lia Link");
  await visitor.getByLabel("E-mail").first().fill(email);
  await visitor.getByRole("button", { name: "Register" }).click();
  await expect(visitor.getByText("Keep this link")).toBeVisible();

  const confirmation = "If this address is registered for this event, a new private link is on its way to it. Check your inbox and spam folder.";
  for (const address of [email, `nobody-${tag}@visitor.test`]) {
    const page = await (await browser.newContext()).newPage();
    await page.goto(publicPath);
    await page.getByText("Lost your private link? Send me my link again").click();
    const form = page.getByRole("form", { name: "Lost your private link? Send me my link again" });
    await form.getByLabel("E-mail").fill(address);
    await form.getByRole("button", { name: "Send me my link" }).click();
    await expect(form.getByText(confirmation)).toBeVisible();
  }

  // Only the registered address got an e-mail.
  await expect(async () => {
    await admin.goto(`/admin/outbox?q=${encodeURIComponent(email)}`);
    await expect(admin.getByText(`Your private link: ${eventName}`)).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await admin.goto(`/admin/outbox?q=${encodeURIComponent(`nobody-${tag}`)}`);
  await expect(admin.getByText(`Your private link: ${eventName}`)).toHaveCount(0);
});
