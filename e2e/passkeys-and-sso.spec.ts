// Passkeys and single sign-on in a real browser. A passkey is registered on
// the account page with Chromium's virtual authenticator (DevTools protocol)
// and then signs the user in alone. An OpenID Connect provider (oidc-provider)
// runs on a local port; the admin configures it in the settings and a demo
// client signs in through it by verified e-mail; an unverified e-mail is
// refused with the translated reason.
import { randomBytes } from "node:crypto";
import { expect, test, type Browser } from "@playwright/test";
import { startOidcProvider } from "../tests/helpers/oidc-test-provider";
import { loginAs } from "./helpers";
import { serverFor } from "./servers";

// This worker's own server (one per Playwright worker, on consecutive ports);
// the provider sits well past the workers' ports.
const PORT = serverFor(Number(process.env.TEST_PARALLEL_INDEX ?? 0)).port;
const OIDC_PORT = PORT + 50;
const PASSWORD = "a-long-e2e-password-8";

/** A new portal client made by the admin through the user form. */
async function createClientAccount(browser: Browser): Promise<string> {
  const email = `e2e-pk-${randomBytes(4).toString("hex")}@example.test`;
  const admin = await (await browser.newContext()).newPage();
  await loginAs(admin, "admin@portico.test", /\/admin$/);
  await admin.goto("/admin/users/new");
  await admin.getByLabel("Name").fill(`Passkey ${email.slice(7, 15)}`);
  await admin.getByLabel("E-mail").fill(email);
  await admin.getByLabel("Role").selectOption({ label: "Client" });
  await admin.getByLabel("Profile").selectOption({ label: "Portal clients" });
  await admin.getByLabel("Password").fill(PASSWORD);
  await admin.locator('select[name="locale"]').selectOption("en");
  await admin.getByRole("button", { name: "Create" }).click();
  await expect(admin).toHaveURL(/\/admin\/users\/[\w-]+\?created=1$/);
  await admin.context().close();
  return email;
}

test("a passkey registered on the account page signs the user in without a password", async ({ browser }) => {
  const email = await createClientAccount(browser);
  // WebAuthn needs a domain, not an IP address: this context uses localhost (the relying party for a loopback APP_URL).
  const context = await browser.newContext({ baseURL: `http://localhost:${PORT}` });
  // A switch for later: with it set, the page sees a browser without passkey
  // autofill (sign-out navigates inside the page, so this must be in place
  // from the first document on).
  await context.addInitScript(() => {
    const autofill = PublicKeyCredential.isConditionalMediationAvailable.bind(PublicKeyCredential);
    Object.defineProperty(PublicKeyCredential, "isConditionalMediationAvailable", {
      configurable: true,
      value: () => (localStorage.getItem("e2e-no-autofill") ? Promise.resolve(false) : autofill()),
    });
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });

  await page.goto("/login");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/portal$/);

  await page.goto("/account/security");
  await expect(page.getByText("You have no passkeys yet.")).toBeVisible();
  await page.getByLabel("Name of the new passkey").fill("Virtual key");
  await page.getByRole("button", { name: "Add a passkey" }).click();
  await expect(page.getByText("The passkey was added.")).toBeVisible();
  await expect(page.getByText("Virtual key", { exact: true })).toBeVisible();
  const { credentials } = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
  expect(credentials).toHaveLength(1);
  expect(credentials[0].isResidentCredential).toBe(true);

  // Signed out, the sign-in page offers the passkey in the e-mail field's
  // autofill; the virtual authenticator picks it at once, as a person choosing
  // it would, and the user is back in the portal without typing anything.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/portal$/);
  const afterAutofill = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
  expect(afterAutofill.credentials[0].signCount).toBeGreaterThan(credentials[0].signCount);

  // A browser without passkey autofill: the "Use a passkey" button does the same.
  await page.evaluate(() => localStorage.setItem("e2e-no-autofill", "1"));
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.getByRole("button", { name: "Use a passkey" }).click();
  await expect(page).toHaveURL(/\/portal$/);
  const after = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
  expect(after.credentials[0].signCount).toBeGreaterThan(afterAutofill.credentials[0].signCount);

  // The list shows when it was used; removing it asks first.
  await page.goto("/account/security");
  await expect(page.getByText(/last used/)).toBeVisible();
  await page.getByRole("button", { name: "Remove" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Remove" }).click();
  await expect(page.getByText("You have no passkeys yet.")).toBeVisible();
  await context.close();
});

test("an administrator's OpenID Connect provider signs a client in by verified e-mail", async ({ browser }) => {
  const label = `Test IdP ${randomBytes(3).toString("hex")}`;
  const admin = await (await browser.newContext()).newPage();
  await loginAs(admin, "admin@portico.test", /\/admin$/);
  await admin.goto("/admin/settings");
  await admin.getByRole("link", { name: "Sign-in providers" }).click();
  await admin.getByRole("link", { name: "New provider" }).click();
  await admin.getByLabel("Button label").fill(label);
  await admin.getByLabel("Issuer URL").fill(`http://localhost:${OIDC_PORT}`);
  await admin.getByLabel("Client ID").fill("portico-e2e");
  await admin.getByLabel("Client secret").fill("portico-e2e-secret-0123456789");
  await admin.getByLabel("Allowed e-mail domains").fill("portico.test");
  await admin.getByRole("button", { name: "Create" }).click();
  await expect(admin).toHaveURL(/\/admin\/settings\/sign-in-providers\/[\w-]+\?created=1$/);
  const providerId = /sign-in-providers\/([\w-]+)/.exec(admin.url())![1];
  await expect(admin.getByText(`/sso/${providerId}/callback`)).toBeVisible();

  const idp = await startOidcProvider({
    port: OIDC_PORT,
    clientId: "portico-e2e",
    clientSecret: "portico-e2e-secret-0123456789",
    redirectUris: [`http://127.0.0.1:${PORT}/sso/${providerId}/callback`],
  });
  try {
    idp.accounts.set("person", { email: "person@portico.test", email_verified: true, name: "Demo Person" });
    idp.accounts.set("unverified", { email: "person@portico.test", email_verified: false, name: "Demo Person" });

    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto("/login");
    await page.getByRole("link", { name: `Sign in with ${label}` }).click();
    // The provider's own (development) login page.
    await expect(page).toHaveURL(new RegExp(`^http://localhost:${OIDC_PORT}/`));
    await page.locator("input[name=login]").fill("person");
    await page.locator("input[name=password]").fill("anything");
    await page.locator("button[type=submit]").click();
    await expect(page).toHaveURL(/\/portal$/);
    await context.close();

    const refused = await (await browser.newContext()).newPage();
    await refused.goto("/login");
    await refused.getByRole("link", { name: `Sign in with ${label}` }).click();
    await refused.locator("input[name=login]").fill("unverified");
    await refused.locator("input[name=password]").fill("anything");
    await refused.locator("button[type=submit]").click();
    await expect(refused).toHaveURL(/\/login\?sso=email_unverified$/);
    await expect(refused.getByText("The provider has not verified your e-mail address")).toBeVisible();
    await refused.context().close();
  } finally {
    await idp.close();
    // Other tests' sign-in page stays as it was.
    await admin.getByRole("button", { name: "Delete provider" }).click();
    await admin.getByRole("dialog").getByRole("button", { name: "Delete provider" }).click();
    await expect(admin).toHaveURL(/\/admin\/settings\/sign-in-providers$/);
    await admin.context().close();
  }
});
