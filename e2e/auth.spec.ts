// Accounts and audiences in a real browser against the production build.
import { expect, test } from "@playwright/test";
import { formAlert, login, loginAs, signInHere } from "./helpers";

test("anonymous visitors are sent to the login page with a return URL, and come back after signing in", async ({ page }) => {
  await page.goto("/admin/outbox");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fadmin%2Foutbox/);
  await signInHere(page, "admin@portico.test");
  await expect(page).toHaveURL(/\/admin\/outbox$/);
  await expect(page.getByRole("heading", { name: "Outbox" })).toBeVisible();
});

test("a return URL that leaves the site or the area lands on the portal after signing in", async ({ page }) => {
  for (const callbackUrl of ["/portal/..//evil.example/y", "/portal/..\\\\evil.example/y", "/portal/%2e%2e//evil.example/y", "/\\evil.example/portal"]) {
    await page.context().clearCookies();
    await page.goto(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
    await signInHere(page, "company@portico.test");
    await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/portal$/);
    await expect(page.getByText("Acme Indústria Ltda", { exact: true })).toBeVisible();
  }
});

test("each role lands on its own area and the other audience gets a 403", async ({ page }) => {
  await loginAs(page, "staff1@portico.test", /\/admin$/);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await expect(page.getByTestId("stat-customers")).toHaveText(/^\d+$/);
  let response = await page.goto("/portal");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Access denied" })).toBeVisible();
  // Staff are not administrators: the outbox is admins' only.
  response = await page.goto("/admin/outbox");
  expect(response?.status()).toBe(403);

  await page.context().clearCookies();
  await loginAs(page, "company@portico.test", /\/portal$/);
  await expect(page.getByText("Acme Indústria Ltda", { exact: true })).toBeVisible();
  response = await page.goto("/admin");
  expect(response?.status()).toBe(403);
});

test("refusals are explained: wrong password, no portal access", async ({ page }) => {
  await login(page, "person@portico.test", "not-the-password");
  await expect(formAlert(page)).toHaveText("The e-mail or password is incorrect.");
  // The user's input is kept.
  await expect(page.getByLabel("E-mail")).toHaveValue("person@portico.test");

  await login(page, "noportal@portico.test");
  await expect(formAlert(page)).toContainText("does not give you access to the portal");
});

test("repeated failures lock the account for that address only; the owner elsewhere still signs in", async ({ browser }) => {
  // The attempts come from an address of their own, so later files signing in
  // from the usual one are not locked out.
  const page = await (await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "198.51.100.100" } })).newPage();
  for (let i = 0; i < 5; i++) {
    await login(page, "professor@portico.test", `wrong-${i}`);
    await expect(formAlert(page)).toHaveText("The e-mail or password is incorrect.");
  }
  await login(page, "professor@portico.test");
  await expect(formAlert(page)).toContainText("Too many sign-in attempts");

  // The owner, behind the proxy from another address, is not locked out.
  const owner = await (await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "198.51.100.200" } })).newPage();
  await loginAs(owner, "professor@portico.test", /\/portal$/);
});

test("signing out ends the user's sessions in every browser", async ({ browser }) => {
  const laptop = await (await browser.newContext()).newPage();
  const phone = await (await browser.newContext()).newPage();
  await loginAs(laptop, "student@portico.test", /\/portal$/);
  await loginAs(phone, "student@portico.test", /\/portal$/);

  // "Sign out of all devices" on the profile page, confirmed.
  await laptop.goto("/portal/profile");
  await laptop.getByRole("button", { name: "Sign out of all devices" }).click();
  const dialog = laptop.getByRole("dialog");
  await expect(dialog).toContainText("You will need your password to sign in again");
  await dialog.getByRole("button", { name: "Sign out of all devices" }).click();
  await expect(laptop).toHaveURL(/\/login$/);
  // The other browser still holds its cookie; its next page asks it to sign in.
  await phone.goto("/portal/tickets");
  await expect(phone).toHaveURL(/\/login\?callbackUrl=%2Fportal%2Ftickets$/);

  // The header's sign-out does the same, even for a copy of the cookie.
  await loginAs(laptop, "student@portico.test", /\/portal$/);
  await loginAs(phone, "student@portico.test", /\/portal$/);
  const copy = await (await browser.newContext()).newPage();
  await copy.context().addCookies(await phone.context().cookies());
  await copy.goto("/portal");
  await expect(copy.getByRole("button", { name: "Sign out" })).toBeVisible();
  await phone.getByRole("button", { name: "Sign out" }).click();
  await expect(phone).toHaveURL(/\/login$/);
  await laptop.goto("/portal/events");
  await expect(laptop).toHaveURL(/\/login\?callbackUrl=%2Fportal%2Fevents$/);
  await copy.goto("/portal");
  await expect(copy).toHaveURL(/\/login\?callbackUrl=%2Fportal$/);
});

test("CPF changes are limited per user and listed on the user's admin page", async ({ browser }) => {
  // From its own address: an earlier test locked this account for the default one.
  const portal = await (await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "198.51.100.201" } })).newPage();
  await loginAs(portal, "professor@portico.test", /\/portal$/);
  await portal.goto("/portal/profile");
  const cpfForm = portal.locator("form", { has: portal.getByLabel("CPF") });
  // Each save waits for the action's answer: the previous one's message is still on screen.
  const saveCpf = async (cpf: string) => {
    await cpfForm.getByLabel("CPF").fill(cpf);
    const answered = portal.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/portal/profile");
    await cpfForm.getByRole("button", { name: "Save" }).click();
    await answered;
  };
  for (const cpf of ["100.316.760-81", "100.324.679-66", "100.332.598-01", "100.340.517-75", "100.348.436-04"]) {
    await saveCpf(cpf);
    await expect(cpfForm.getByRole("status")).toHaveText("Your CPF was saved.");
  }
  await saveCpf("100.356.355-41");
  await expect(formAlert(portal)).toHaveText("Too many CPF changes. Please wait 60 minutes and try again.");

  const admin = await browser.newPage();
  await loginAs(admin, "admin@portico.test", /\/admin$/);
  await admin.goto("/admin/users?q=professor");
  await admin.getByRole("link", { name: "Paulo Professor" }).click();
  const changes = admin.getByRole("table", { name: "Recent CPF changes" });
  await expect(changes.getByRole("row")).toHaveCount(7);
  await expect(changes.getByRole("row").nth(1)).toContainText("Refused: too many changes");
  await expect(changes.getByRole("row").nth(1)).toContainText("•••.•••.•55-41");
  await expect(changes.getByRole("row").nth(2)).toContainText("Saved");
});

test("the language switcher translates the page and is remembered on the account", async ({ page }) => {
  await loginAs(page, "student@portico.test", /\/portal$/);
  await page.getByLabel("Language").selectOption("fi");
  try {
    await expect(page.getByRole("button", { name: "Kirjaudu ulos" })).toBeVisible();
    // A new session (other browser) starts in the stored language after sign-in.
    await page.context().clearCookies();
    await login(page, "student@portico.test");
    await expect(page.getByRole("button", { name: "Kirjaudu ulos" })).toBeVisible();
  } finally {
    // The demo account is shared with later files on this server: back to English.
    await page.locator("#language-switcher").selectOption("en");
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  }
});

test("password reset through the e-mailed link", async ({ page, browser }) => {
  // A browser signed in with the old password is signed out by the reset.
  const before = await (await browser.newContext()).newPage();
  await loginAs(before, "staff2@portico.test", /\/admin$/);

  await page.goto("/forgot-password");
  await page.getByLabel("E-mail").fill("staff2@portico.test");
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByRole("status")).toContainText("reset link is on its way");

  // Read the e-mail exactly as sent, in the admin's outbox.
  const admin = await browser.newPage();
  await loginAs(admin, "admin@portico.test", /\/admin$/);
  await admin.goto("/admin/outbox?q=staff2%40portico.test");
  await admin.getByRole("link", { name: "Reset your Portico password" }).first().click();
  const text = await admin.getByTestId("email-text").innerText();
  const link = text.match(/https?:\/\/\S+\/reset-password\/[\w-]+/)?.[0];
  expect(link).toBeTruthy();

  await page.goto(new URL(link!).pathname);
  await page.getByLabel("New password", { exact: true }).fill("a-new-password-42");
  await page.getByLabel("Confirm the new password").fill("a-new-password-42");
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page).toHaveURL(/\/login\?reset=1/);
  await login(page, "staff2@portico.test", "a-new-password-42");
  await expect(page).toHaveURL(/\/admin$/);
  await before.goto("/admin/tickets");
  await expect(before).toHaveURL(/\/login\?callbackUrl=%2Fadmin%2Ftickets$/);

  // The link works once.
  await page.context().clearCookies();
  await page.goto(new URL(link!).pathname);
  await expect(formAlert(page)).toContainText("invalid, has expired or has already been used");
});

test("files: uploads are checked and downloads refused to anyone else", async ({ page, browser, request }) => {
  await loginAs(page, "company@portico.test", /\/portal$/);
  const pdf = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
  const upload = await page.request.post("/api/files", { multipart: { file: { name: "contrato.pdf", mimeType: "application/pdf", buffer: pdf } } });
  expect(upload.status()).toBe(201);
  const { id } = await upload.json();

  const mine = await page.request.get(`/api/files/${id}`);
  expect(mine.status()).toBe(200);
  expect(mine.headers()["content-disposition"]).toContain("attachment");
  expect(mine.headers()["x-content-type-options"]).toBe("nosniff");
  expect(Buffer.from(await mine.body())).toEqual(pdf);

  const disguised = await page.request.post("/api/files", {
    multipart: { file: { name: "photo.png", mimeType: "image/png", buffer: Buffer.from("MZ\x90\x00 this is not a picture") } },
  });
  expect(disguised.status()).toBe(415);

  expect((await request.get(`/api/files/${id}`)).status()).toBe(401);
  const other = await browser.newPage();
  await loginAs(other, "person@portico.test", /\/portal$/);
  expect((await other.request.get(`/api/files/${id}`)).status()).toBe(404);
});

test("health endpoint reports database and queue", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ ok: true, database: { ok: true, backend: "pglite" }, queue: { ok: true } });
});
