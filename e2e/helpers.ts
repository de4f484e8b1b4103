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
