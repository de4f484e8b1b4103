// Two-step verification, the e-mailed sign-in link and the sessions list in a
// real browser. Each test creates its own account through the admin's user
// form; the demo accounts keep signing in with their password alone.
import { randomBytes } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { formAlert, login, loginAs, untilHydrated } from "./helpers";

const PASSWORD = "a-long-e2e-password-7";

/** A new account made by the admin: a staff member, or a client of the portal profile. */
async function createAccount(browser: Browser, role: "Staff" | "Client"): Promise<string> {
  const email = `e2e-${randomBytes(4).toString("hex")}@example.test`;
  const admin = await (await browser.newContext()).newPage();
  await loginAs(admin, "admin@portico.test", /\/admin$/);
  await admin.goto("/admin/users/new");
  await admin.getByLabel("Name").fill(`Sign-in ${role} ${email.slice(4, 12)}`);
  await admin.getByLabel("E-mail").fill(email);
  await admin.getByLabel("Role").selectOption({ label: role });
  await admin.getByLabel("Profile").selectOption({ label: role === "Client" ? "Portal clients" : "Staff" });
  await admin.getByLabel("Password").fill(PASSWORD);
  await admin.locator("select[name=locale]").selectOption("en");
  await admin.getByRole("button", { name: "Create" }).click();
  await expect(admin).toHaveURL(/\/admin\/users\/[\w-]+\?created=1$/);
  await admin.context().close();
  return email;
}

/** The code the authenticator app would show now, once the step used last has passed. */
async function freshCode(page: Page, secret: string, usedAt: number): Promise<{ code: string; at: number }> {
  const step = (ms: number) => Math.floor(ms / 30_000);
  if (step(Date.now()) <= step(usedAt)) await page.waitForTimeout(30_000 - (Date.now() % 30_000) + 500);
  const at = Date.now();
  return { code: new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate({ timestamp: at }), at };
}

test("a user enrols an authenticator app and then signs in with a code, or once with a recovery code", async ({ browser }) => {
  const email = await createAccount(browser, "Staff");
  const page = await (await browser.newContext()).newPage();
  await login(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/admin$/);

  await page.goto("/account/security");
  await page.getByRole("button", { name: "Set up two-step verification" }).click();
  await expect(page.getByRole("img", { name: "QR code to add Portico to your authenticator app" })).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").innerText()).trim();
  let used = await freshCode(page, secret, 0);
  await page.getByLabel("Code").fill(used.code);
  await page.getByRole("button", { name: "Turn on" }).click();
  const codes = page.getByRole("list", { name: "Your recovery codes" }).getByRole("listitem");
  await expect(codes).toHaveCount(10);
  const recovery = (await codes.first().innerText()).trim();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText("Two-step verification is on.")).toBeVisible();

  // Signing in again: the password, then the code.
  const next = await (await browser.newContext()).newPage();
  await login(next, email, PASSWORD);
  await expect(next).toHaveURL(/\/login\/two-factor$/);
  await next.getByLabel("Code").fill("000000");
  await next.getByRole("button", { name: "Verify" }).click();
  await expect(formAlert(next)).toHaveText("That code is not valid. Check your authenticator app and try again.");
  used = await freshCode(next, secret, used.at);
  await next.getByLabel("Code").fill(used.code);
  await next.getByRole("button", { name: "Verify" }).click();
  await expect(next).toHaveURL(/\/admin$/);

  // A recovery code works once.
  const third = await (await browser.newContext()).newPage();
  await login(third, email, PASSWORD);
  await expect(third).toHaveURL(/\/login\/two-factor$/);
  await third.getByLabel("Code").fill(recovery);
  await third.getByRole("button", { name: "Verify" }).click();
  await expect(third).toHaveURL(/\/admin$/);
  const fourth = await (await browser.newContext()).newPage();
  await login(fourth, email, PASSWORD);
  await fourth.getByLabel("Code").fill(recovery);
  await fourth.getByRole("button", { name: "Verify" }).click();
  await expect(formAlert(fourth)).toHaveText("That code is not valid. Check your authenticator app and try again.");
});

test("a client signs in with the link from the e-mail, once", async ({ browser, page }) => {
  const email = await createAccount(browser, "Client");
  await page.goto("/login");
  await page.getByRole("link", { name: "E-mail me a sign-in link" }).click();
  await expect(page).toHaveURL(/\/login\/link$/);
  await untilHydrated(page);
  await page.getByLabel("E-mail").fill(email);
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByRole("status")).toContainText("a sign-in link is on its way");

  // The e-mail exactly as sent, in the admin's outbox.
  const admin = await (await browser.newContext()).newPage();
  await loginAs(admin, "admin@portico.test", /\/admin$/);
  // The e-mail is written after the answer went out: look until it is there.
  const mail = admin.getByRole("link", { name: "Your Portico sign-in link" });
  await expect(async () => {
    await admin.goto(`/admin/outbox?q=${encodeURIComponent(email)}`);
    await expect(mail).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await mail.click();
  const text = await admin.getByTestId("email-text").innerText();
  const link = text.match(/https?:\/\/\S+\/login\/link\/[\w-]+/)?.[0];
  expect(link).toBeTruthy();

  // Opening the link spends nothing (mail scanners open links); the button does.
  await page.goto(new URL(link!).pathname);
  await page.goto(new URL(link!).pathname);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/portal$/);

  const other = await (await browser.newContext()).newPage();
  await other.goto(new URL(link!).pathname);
  await expect(formAlert(other)).toContainText("invalid, has expired or has already been used");
});

test("a user ends a session on another device from the sessions list", async ({ browser }) => {
  const email = await createAccount(browser, "Client");
  const laptop = await (await browser.newContext()).newPage();
  const phone = await (
    await browser.newContext({
      userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1",
    })
  ).newPage();
  await login(laptop, email, PASSWORD);
  await expect(laptop).toHaveURL(/\/portal$/);
  await login(phone, email, PASSWORD);
  await expect(phone).toHaveURL(/\/portal$/);

  await laptop.goto("/account/security");
  const rows = laptop.getByTestId("session-row");
  await expect(rows).toHaveCount(2);
  const phoneRow = rows.filter({ hasText: "Safari on iOS" });
  await expect(phoneRow).not.toContainText("This device");
  await expect(rows.filter({ hasText: "This device" })).toHaveCount(1);
  await phoneRow.getByRole("button", { name: "End session" }).click();
  const dialog = laptop.getByRole("dialog");
  await expect(dialog).toContainText("That device will have to sign in again");
  await dialog.getByRole("button", { name: "End session" }).click();
  await expect(rows).toHaveCount(1);

  await phone.goto("/portal/tickets");
  await expect(phone).toHaveURL(/\/login\?callbackUrl=%2Fportal%2Ftickets$/);
  await laptop.goto("/portal");
  await expect(laptop).toHaveURL(/\/portal$/);
});
