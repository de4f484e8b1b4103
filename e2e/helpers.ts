import { expect, type Page } from "@playwright/test";

const DEMO_PASSWORD = "portico-demo-1";

export async function login(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await signInHere(page, email, password);
}

/**
 * Waits until React has hydrated the page just loaded (components/hydration-mark.tsx):
 * text typed into a form before that may be wiped when its fields register.
 */
export async function untilHydrated(page: Page) {
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
}

/** Fills the login form of the current page (keeps its return URL). */
export async function signInHere(page: Page, email: string, password = DEMO_PASSWORD) {
  await untilHydrated(page);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function loginAs(page: Page, email: string, landing: RegExp) {
  await login(page, email);
  await expect(page).toHaveURL(landing);
}

/** The page's own alert (Next.js adds an empty route announcer with the same role). */
export function formAlert(page: Page) {
  return page.locator("main [role=alert]");
}

/**
 * Opens an event from the portal's list of open events by searching its name:
 * the list has ten events a page, ordered by date, and other specs add events
 * that can push this one past the first page.
 */
export async function openPortalEvent(page: Page, name: string) {
  await page.goto(`/portal/events?q=${encodeURIComponent(name)}`);
  await page.getByRole("link", { name, exact: true }).click();
}

/** Staff create an event type through its form; a public one lets its events take sign-ups without an account. */
export async function createEventType(admin: Page, name: string, options: { isPublic?: boolean } = {}) {
  await admin.goto("/admin/settings/event-types/new");
  await admin.getByLabel("Name").fill(name);
  if (options.isPublic) await admin.getByLabel("Public", { exact: true }).check();
  await admin.getByRole("button", { name: "Create" }).click();
  await expect(admin.getByText("Created.")).toBeVisible();
}

/** Staff create a certificate template through its form, signed by Ada Admin, Director. */
export async function createCertificateTemplate(admin: Page, name: string, text = "We certify that {participant} took part in {event}. Code {code}.") {
  await admin.goto("/admin/settings/certificates/new");
  await admin.getByLabel("Name", { exact: true }).fill(name);
  await admin.getByLabel("Certificate title").fill("Certificate of participation");
  await admin.getByLabel("Text", { exact: true }).fill(text);
  await admin.getByLabel("Signer's name").fill("Ada Admin");
  await admin.getByLabel("Signer's role").fill("Director");
  await admin.getByRole("button", { name: "Create" }).click();
  await expect(admin.getByText("Created.")).toBeVisible();
}
