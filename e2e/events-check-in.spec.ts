// Check-in at the door on a phone-sized page: staff type a participant's code
// (read from the printable list) and see the name and "checked in at"; a
// second scan of the same code says "already checked in"; a scan made while
// the phone is offline waits in the queue and is delivered when the network
// is back. A portal registrant sees their QR code on the event's page.
// Every record is made here, through the pages.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const tag = Date.now().toString(36);
const typeName = `Door training ${tag}`;
const eventName = `Door workshop ${tag}`;

async function addParticipant(page: Page, name: string, email: string) {
  const form = page.getByRole("form", { name: "Add participant" });
  await form.getByLabel("Participant's name").fill(name);
  await form.getByLabel("Participant's e-mail").fill(email);
  await form.getByRole("button", { name: "Add participant" }).click();
  await expect(form.getByLabel("Participant's name")).toHaveValue("");
}

async function codeFor(page: Page, name: string) {
  return (await page.getByRole("row").filter({ hasText: name }).getByTestId("check-in-code").innerText()).trim();
}

test("a phone-sized check-in page records attendance by typed code, also after a network loss", async ({ page, loginAs }) => {
  await loginAs("admin");
  await page.goto("/admin/settings/event-types/new");
  await page.getByLabel("Name").fill(typeName);
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByText("Created.")).toBeVisible();

  await page.goto("/admin/events/new");
  await page.getByLabel("Name", { exact: true }).fill(eventName);
  await page.getByLabel("Time zone").selectOption("America/Sao_Paulo");
  await page.getByLabel("Starts", { exact: true }).fill("2030-05-10T09:00");
  await page.getByLabel("Ends", { exact: true }).fill("2030-05-10T12:00");
  await page.getByLabel("Type").selectOption({ label: typeName });
  await page.getByLabel("Seats", { exact: true }).fill("10");
  await page.getByLabel("Visible in the portal").check();
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByText("The event was created.")).toBeVisible();
  const eventPath = new URL(page.url()).pathname;
  const number = (await page.getByRole("heading", { level: 1 }).innerText()).match(/^#(\d+)/)![1];

  await addParticipant(page, `Ana ${tag}`, `ana-${tag}@example.test`);
  await addParticipant(page, `Bia ${tag}`, `bia-${tag}@example.test`);

  // The printable list gives every participant's code.
  await page.goto(`${eventPath}/check-in/list`);
  await expect(page.getByRole("heading", { name: "Participants and check-in codes" })).toBeVisible();
  const anaCode = await codeFor(page, `Ana ${tag}`);
  const biaCode = await codeFor(page, `Bia ${tag}`);
  expect(anaCode).toMatch(new RegExp(`^${number}-[A-Z2-9]{10}$`));

  const phone = await loginAs("admin", { newContext: true, contextOptions: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } });
  await phone.goto(`${eventPath}/check-in`);
  await expect(phone.getByRole("heading", { name: "Check-in" })).toBeVisible();
  await expect(phone.getByRole("button", { name: "Scan with the camera" })).toBeVisible();
  // Nothing runs off the side of the phone.
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  const codeField = phone.getByLabel("Or type the code");
  const latest = phone.getByTestId("check-in-results").getByRole("listitem").first();
  await codeField.fill(anaCode.toLowerCase());
  await phone.getByRole("button", { name: "Check in", exact: true }).click();
  await expect(latest).toContainText(`Ana ${tag}`);
  await expect(latest).toContainText(/Checked in at .+ · Registered/);

  await codeField.fill(anaCode);
  await phone.getByRole("button", { name: "Check in", exact: true }).click();
  await expect(latest).toContainText(/Already checked in at/);

  // Offline: the scan waits in the queue, then is delivered once the network is back.
  await phone.context().setOffline(true);
  await codeField.fill(biaCode);
  await phone.getByRole("button", { name: "Check in", exact: true }).click();
  await expect(phone.getByTestId("check-in-connection")).toContainText("Offline: 1 scan waiting");
  await expect(latest).toContainText("Waiting to be sent");
  await phone.context().setOffline(false);
  await expect(latest).toContainText(`Bia ${tag}`, { timeout: 15_000 });
  await expect(latest).toContainText(/Checked in at/);
  await expect(phone.getByTestId("check-in-connection")).toHaveText("Online · all scans sent");

  // Both are recorded as attended (the list shows their times instead of a box to tick).
  await page.reload();
  for (const name of [`Ana ${tag}`, `Bia ${tag}`]) await expect(page.getByRole("row").filter({ hasText: name })).not.toContainText("☐");
});

test("a portal registrant sees their check-in QR code on the event's page", async ({ page, loginAs }) => {
  await loginAs("admin");
  await page.goto("/admin/settings/event-types/new");
  await page.getByLabel("Name").fill(`${typeName} portal`);
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByText("Created.")).toBeVisible();
  await page.goto("/admin/events/new");
  await page.getByLabel("Name", { exact: true }).fill(`${eventName} portal`);
  await page.getByLabel("Starts", { exact: true }).fill("2030-06-10T09:00");
  await page.getByLabel("Ends", { exact: true }).fill("2030-06-10T12:00");
  await page.getByLabel("Type").selectOption({ label: `${typeName} portal` });
  await page.getByLabel("Seats", { exact: true }).fill("10");
  await page.getByLabel("Visible in the portal").check();
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByText("The event was created.")).toBeVisible();
  const number = (await page.getByRole("heading", { level: 1 }).innerText()).match(/^#(\d+)/)![1];

  const person = await loginAs("student", { newContext: true });
  await person.goto(`/portal/events/${number}`);
  await person.getByRole("button", { name: "Register" }).click();
  await expect(person.getByText("Your check-in code")).toBeVisible();
  await expect(person.getByRole("img", { name: /QR code of check-in code/ })).toBeVisible();
  await expect(person.getByTestId("check-in-code")).toHaveText(new RegExp(`^${number}-[A-Z2-9]{10}$`));
});
