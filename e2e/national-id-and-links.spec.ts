// One national id per person, the installation's national id setting, and
// "send me my link again", in a real browser: the profile and the person's
// customer record show the same CPF (kept on the user); with the setting
// "none" neither the profile nor the public sign-up asks for one; the public
// event page sends a private link again with the same answer for any address.
// Each test that needs a public event creates its own; the test that sets the
// national id to none puts it back to CPF (in a finally) for the tests that
// follow on its server.
import { type Page } from "@playwright/test";
import { expect, test, uniqueTag } from "./fixtures";
import { createEventType } from "./helpers";

const CPF_SETTING = "CPF (Brazil), checked by its digits";

async function chooseNationalId(admin: Page, option: string) {
  await admin.goto("/admin/settings/national-id");
  await admin.getByLabel(option).check();
  await admin.getByRole("button", { name: "Save" }).click();
  await expect(admin.getByText("The national id setting was saved.")).toBeVisible();
}

/** Staff create a public event type and a public event of it (no e-mail confirmation); returns its name and public path. */
async function createEvent(admin: Page, tag: string) {
  const typeName = `National id training ${tag}`;
  const name = `Link again ${tag}`;
  await createEventType(admin, typeName, { isPublic: true });

  await admin.goto("/admin/events/new");
  await admin.getByLabel("Name", { exact: true }).fill(name);
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
  return { name, publicPath: new URL(await admin.getByLabel("Public registration link").inputValue()).pathname };
}

test("the profile and the person's customer record show the one CPF", async ({ page, loginAs }) => {
  // Pedro reads Portuguese; this test reads English (the choice is stored on his account).
  await loginAs("person", { language: "en" });
  await page.goto("/portal/profile");
  const cpf = page.getByLabel("CPF", { exact: true });
  await expect(cpf).toHaveValue("529.982.247-25");
  await expect(page.getByText("is not on file")).toHaveCount(0);

  const admin = await loginAs("admin", { newContext: true });
  await admin.goto("/admin/customers?q=Pedro");
  await admin.getByRole("link", { name: "Pedro Person" }).click();
  await expect(admin.getByLabel("Document")).toHaveValue("529.982.247-25");

  // Changed on the profile, the customer record follows: there is no second copy.
  try {
    await cpf.fill("862.883.667-57");
    await page.getByRole("button", { name: "Save" }).last().click();
    await expect(page.getByText("Your CPF was saved.")).toBeVisible();
    await admin.reload();
    await expect(admin.getByLabel("Document")).toHaveValue("862.883.667-57");
  } finally {
    // Pedro's CPF as the demo data has it, which the tests after this one on its server expect.
    await cpf.fill("529.982.247-25");
    await page.getByRole("button", { name: "Save" }).last().click();
    await expect(page.getByText("Your CPF was saved.")).toBeVisible();
  }
});

test("with the national id set to none, neither the profile nor the public sign-up asks for one", async ({ browser, loginAs }) => {
  const admin = await loginAs("admin", { newContext: true });
  const event = await createEvent(admin, uniqueTag());
  await chooseNationalId(admin, "None: no national id field anywhere");
  try {
    const person = await loginAs("person", { newContext: true, language: "en" });
    await person.goto("/portal/profile");
    await expect(person.getByRole("heading", { name: "My profile" })).toBeVisible();
    await expect(person.getByLabel("CPF", { exact: true })).toHaveCount(0);
    await person.context().close();

    const context = await browser.newContext();
    const visitor = await context.newPage();
    await visitor.goto(event.publicPath);
    await expect(visitor.getByLabel("Full name")).toBeVisible();
    await expect(visitor.getByLabel("CPF (optional)")).toHaveCount(0);
    await context.close();
  } finally {
    // Back to the CPF, the installation's default that the tests after this one on its server expect.
    await chooseNationalId(admin, CPF_SETTING);
  }

  // With the CPF back, the profile asks again, with the number kept all along.
  const again = await loginAs("person", { newContext: true, language: "en" });
  await again.goto("/portal/profile");
  await expect(again.getByLabel("CPF", { exact: true })).toHaveValue("529.982.247-25");
});

test("'send me my link again' answers the same whether or not the address is registered", async ({ browser, loginAs }) => {
  const tag = uniqueTag();
  const admin = await loginAs("admin", { newContext: true });
  const event = await createEvent(admin, tag);

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(event.publicPath);
  const email = `linked-${tag}@visitor.test`;
  await visitor.getByLabel("Full name").fill("Lia Link");
  await visitor.getByLabel("E-mail").first().fill(email);
  await visitor.getByRole("button", { name: "Register" }).click();
  await expect(visitor.getByText("Keep this link")).toBeVisible();
  await visitor.context().close();

  const confirmation = "If this address is registered for this event, a new private link is on its way to it. Check your inbox and spam folder.";
  for (const address of [email, `nobody-${tag}@visitor.test`]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(event.publicPath);
    await page.getByText("Lost your private link? Send me my link again").click();
    const form = page.getByRole("form", { name: "Lost your private link? Send me my link again" });
    await form.getByLabel("E-mail").fill(address);
    await form.getByRole("button", { name: "Send me my link" }).click();
    await expect(form.getByText(confirmation)).toBeVisible();
    await context.close();
  }

  // Only the registered address got an e-mail.
  await expect(async () => {
    await admin.goto(`/admin/outbox?q=${encodeURIComponent(email)}`);
    await expect(admin.getByText(`Your private link: ${event.name}`)).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await admin.goto(`/admin/outbox?q=${encodeURIComponent(`nobody-${tag}`)}`);
  await expect(admin.getByText(`Your private link: ${event.name}`)).toHaveCount(0);
});
