// A privacy officer (the demo admin) finds a person by e-mail and by CPF,
// exports their data (a ZIP downloaded once) and erases them, confirming twice.
// The person is a customer record this test creates.
import { readFile } from "node:fs/promises";
import { strFromU8, unzipSync } from "fflate";
import { expect, test } from "./fixtures";

test("a privacy officer finds a person, exports their data and erases them", async ({ loginAs }) => {
  const tag = Date.now().toString(36);
  const name = `Quitéria Privacy ${tag}`;
  const email = `quiteria.${tag}@example.test`;
  const page = await loginAs("admin");

  await page.goto("/admin/customers/new");
  await page.getByLabel("Kind").selectOption("PERSON");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("E-mail", { exact: true }).fill(email);
  await page.getByLabel("Phone", { exact: true }).fill("+55 11 95555-4444");
  await page.getByRole("button", { name: /create|save/i }).click();
  await expect(page.getByText("Customer created.")).toBeVisible();

  // Find: by part of the name, then the person's page.
  await page.goto("/admin/privacy/people");
  await page.getByRole("searchbox").fill(`privacy ${tag}`);
  await page.getByRole("button", { name: "Search" }).click();
  const customers = page.getByRole("region", { name: /^Customers/ });
  await expect(customers.getByRole("link", { name: "Person", exact: true })).toBeVisible();
  await customers.getByRole("link", { name: "Open person" }).click();
  await expect(page.getByRole("heading", { name: "Person's data" })).toBeVisible();
  await expect(page.getByTestId("person-emails")).toHaveText(email);
  await expect(page.getByTestId("person-counts")).toContainText("Customers: 1");

  // Export: prepared in the background, the page follows its progress, downloaded once.
  await page.getByRole("button", { name: "Prepare export" }).click();
  const row = page.getByTestId("person-export").first();
  await expect(row).toContainText("Ready", { timeout: 30_000 });
  const link = row.getByRole("link", { name: "Download (once)" });
  const href = (await link.getAttribute("href"))!;
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toMatch(/^person-export-.*\.zip$/);
  const zip = unzipSync(new Uint8Array(await readFile((await download.path())!)));
  const customerFile = JSON.parse(strFromU8(zip["customers.json"])) as { name: string; email: string }[];
  expect(customerFile).toMatchObject([{ name, email }]);
  await expect(row).toContainText("Downloaded", { timeout: 10_000 });
  expect((await page.request.get(href)).status()).toBe(404);

  // Erase: the first click asks, the typed e-mail confirms.
  await page.getByRole("button", { name: "Erase this person…" }).click();
  const dialog = page.getByRole("dialog", { name: "Erase this person for good?" });
  await dialog.getByLabel(`Type ${email} to confirm`).fill("someone.else@example.test");
  await dialog.getByRole("button", { name: "Erase permanently" }).click();
  await expect(dialog.getByText("This is not the person's e-mail (or CPF) as shown.")).toBeVisible();
  await dialog.getByLabel(`Type ${email} to confirm`).fill(email.toUpperCase());
  await dialog.getByRole("button", { name: "Erase permanently" }).click();
  await expect(page.getByText("The person was erased.")).toBeVisible();

  // Nothing is found any more, by e-mail or by name.
  for (const q of [email, `privacy ${tag}`]) {
    await page.getByRole("searchbox").fill(q);
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page.getByText("Nothing found for this search.")).toBeVisible();
  }
});
