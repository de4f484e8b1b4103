// Ticket settings in a real browser: an admin creates a ticket type with two
// stages, a transition with a condition and a parameter, sets a field rule in
// the matrix, and sees everything saved after reloading. The demo settings
// (seed) are listed too.
import { expect, test } from "./fixtures";

const typeName = `E2E request ${Date.now().toString(36)}`;

test("admin builds a ticket type's workflow, parameter and field rule", async ({ page, loginAs }) => {
  await loginAs("admin");
  // The demo data sets a default attendant, so the dashboard has no warning about it.
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await expect(page.getByTestId("default-attendant-warning")).toHaveCount(0);

  await page.goto("/admin/settings/tickets");
  await expect(page.getByRole("link", { name: "Support" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Incident" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Invoice dispute" })).toBeVisible();

  // The type.
  await page.getByRole("link", { name: "New type" }).click();
  await expect(page).toHaveURL(/\/types\/new$/);
  await page.getByLabel("Group").selectOption({ label: "Support" });
  await page.getByLabel("Name").fill(typeName);
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("heading", { name: typeName })).toBeVisible();
  await expect(page.getByText("the type has no active stage.")).toBeVisible();
  const typeUrl = page.url().replace(/\?.*$/, "");

  // Two stages: the client's opening stage (the default for the first one) and a staff stage.
  // (The type page has a "Name" field of its own: wait for the stage form's page.)
  await page.getByRole("link", { name: "New stage" }).click();
  await expect(page).toHaveURL(/\/stages\/new$/);
  await page.getByLabel("Name").fill("Intake");
  await expect(page.getByLabel("Responsible")).toHaveValue("CLIENT");
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByText("Stage created.")).toBeVisible();
  const intakeUrl = page.url().replace(/\?.*$/, "");

  await page.goto(`${typeUrl}/stages/new`);
  await page.getByLabel("Name").fill("Work");
  await page.getByLabel("Responsible").selectOption("STAFF");
  await page.getByLabel("Staff team").selectOption({ label: "Service desk" });
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByText("Stage created.")).toBeVisible();

  // A transition from Intake to Work with one condition.
  await page.goto(intakeUrl);
  await page.getByLabel("Next stage", { exact: true }).selectOption({ label: "Work" });
  await page.getByLabel("Conditions", { exact: true }).fill("Request");
  await page.getByRole("button", { name: "Add a next stage" }).click();
  await expect(page.getByRole("heading", { name: "To Work" })).toBeVisible();

  await page.goto(typeUrl);
  await expect(page.getByTestId("stage-Intake")).toContainText("→ Work: Request");
  await expect(page.getByTestId("stage-Work")).toContainText("Team: Service desk");
  await expect(page.getByText("The portal cannot open tickets of this type yet:")).toHaveCount(0);

  // A parameter.
  await page.getByRole("link", { name: "Parameters" }).click();
  await expect(page).toHaveURL(/\/fields$/);
  await page.getByRole("link", { name: "New parameter" }).click();
  await expect(page).toHaveURL(/\/fields\/new$/);
  await page.getByLabel("Label (English)").fill("Order number");
  await page.getByLabel("Label (Portuguese)").fill("Número do pedido");
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByText("Parameter created.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Order number" })).toBeVisible();

  // A field rule: required at Intake; invisible too would be refused at once.
  await page.goto(`${typeUrl}/rules`);
  const required = page.getByLabel("Required: Order number at Intake");
  const invisible = page.getByLabel("Invisible: Order number at Intake");
  await invisible.check();
  await required.check();
  await expect(page.getByText("Required and invisible: staff could never fill it in.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Save rules" })).toBeDisabled();
  await invisible.uncheck();
  await page.getByLabel("Invisible in portal: Order number at Work").check();
  await page.getByRole("button", { name: "Save rules" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();

  await page.reload();
  await expect(page.getByLabel("Required: Order number at Intake")).toBeChecked();
  await expect(page.getByLabel("Invisible: Order number at Intake")).not.toBeChecked();
  await expect(page.getByLabel("Invisible in portal: Order number at Work")).toBeChecked();
  await expect(page.getByLabel("Required: Order number at Work")).not.toBeChecked();
});

test("a client cannot open the ticket settings", async ({ page, loginAs }) => {
  await loginAs("student");
  const response = await page.goto("/admin/settings/tickets");
  expect(response?.status()).toBe(403);
  await expect(page.getByText("Default attendant")).toHaveCount(0);
});

test("the students' profile blocks Invoice dispute", async ({ page, loginAs }) => {
  await loginAs("admin");
  await page.goto("/admin/profiles/71c4e700-0000-4000-8000-000000000301");
  const blocked = page.getByRole("form", { name: "Blocked ticket types" });
  await expect(blocked.getByLabel("Invoice dispute")).toBeChecked();
  await expect(blocked.getByLabel("Incident")).not.toBeChecked();
});
