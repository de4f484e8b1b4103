// `loginAs(role)`: a demo account signed in without going through the form in
// every test. Each role signs in through the form once per worker's server;
// its cookies are kept under that server's data directory (scripts/e2e.mjs
// wipes it before a run) and given to later tests on the same server. A stored session another test has revoked
// (signing out everywhere, a password change) is noticed on the landing page:
// that role signs in through the form again and the new state replaces it.
// Signing in also sets the language and time-zone cookies from the account; a
// test that changes them (the language switcher) changes the account too, so
// the role's state is saved again when its context closes, as a new sign-in
// would find it.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test as base, expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { signInHere } from "./helpers";
import { serverFor } from "./servers";

export { expect };

const DEMO_ACCOUNTS = {
  admin: { email: "admin@portico.test", home: "/admin" },
  staff1: { email: "staff1@portico.test", home: "/admin" },
  staff2: { email: "staff2@portico.test", home: "/admin" },
  company: { email: "company@portico.test", home: "/portal" },
  person: { email: "person@portico.test", home: "/portal" },
  student: { email: "student@portico.test", home: "/portal" },
  professor: { email: "professor@portico.test", home: "/portal" },
  prospect: { email: "prospect@portico.test", home: "/portal" },
} as const;

type DemoRole = keyof typeof DEMO_ACCOUNTS;

/** The languages of the switcher; demo clients read Portuguese or Finnish until a test chooses otherwise. */
type Language = "en" | "pt-BR" | "fi";

const stateDir = path.join(serverFor(Number(process.env.TEST_PARALLEL_INDEX ?? 0)).dataDir, "auth");
const statePath = (role: DemoRole) => path.join(stateDir, `${role}.json`);

/** Signs the page in through the form and keeps its cookies for the role. */
async function signInAndStore(page: Page, role: DemoRole) {
  const { email, home } = DEMO_ACCOUNTS[role];
  await page.goto("/login");
  await signInHere(page, email);
  // Signing in hashes the password: slow on a busy machine.
  await expect(page).toHaveURL(new RegExp(`${home}$`), { timeout: 30_000 });
  mkdirSync(stateDir, { recursive: true });
  await page.context().storageState({ path: statePath(role) });
}

/** Keeps the context's cookies as the role's state, unless its session is gone (signed out). */
async function saveState(context: BrowserContext, role: DemoRole) {
  const state = await context.storageState();
  if (!state.cookies.some((c) => c.name.endsWith("authjs.session-token"))) return;
  writeFileSync(statePath(role), JSON.stringify(state));
}

const watched = new WeakSet<BrowserContext>();

/** The context's cookies become the role's state again when the test closes it. */
function saveOnClose(context: BrowserContext, role: DemoRole) {
  if (watched.has(context)) return;
  watched.add(context);
  const close = context.close.bind(context);
  context.close = async (options) => {
    await saveState(context, role).catch(() => {});
    return close(options);
  };
}

/** Gives the page the role's stored session and opens its landing page; signs in again when it no longer holds. */
export async function signIn(page: Page, role: DemoRole) {
  const { home } = DEMO_ACCOUNTS[role];
  saveOnClose(page.context(), role);
  if (existsSync(statePath(role))) {
    const { cookies } = JSON.parse(readFileSync(statePath(role), "utf8")) as { cookies: Parameters<BrowserContext["addCookies"]>[0] };
    await page.context().addCookies(cookies);
    await page.goto(home);
    if (new URL(page.url()).pathname === home) return page;
    await page.context().clearCookies();
  }
  await signInAndStore(page, role);
  return page;
}

type ContextOptions = Parameters<Browser["newContext"]>[0];

/** A page signed in as the role in a browser context of its own (for beforeAll hooks; the caller closes it). */
export async function newSignedInPage(browser: Browser, role: DemoRole, contextOptions?: ContextOptions) {
  const context = await browser.newContext(contextOptions);
  return signIn(await context.newPage(), role);
}

/**
 * Chooses the page's language with the switcher (stored on the signed-in
 * account, as a person choosing it would), unless it is already the one shown.
 */
export async function chooseLanguage(page: Page, language: Language) {
  const switcher = page.locator("#language-switcher");
  if ((await switcher.inputValue()) === language) return;
  await switcher.selectOption(language);
  await expect(page.locator("html")).toHaveAttribute("lang", language);
  await expect(switcher).toBeEnabled();
}

interface LoginOptions {
  /** A page in a new browser context of its own (a second user in the same test), closed after the test. */
  newContext?: boolean;
  contextOptions?: ContextOptions;
  /** The language the test reads; the demo clients read Portuguese or Finnish otherwise. */
  language?: Language;
}

/** Signs the test's own page (or, with newContext, a page of its own) in as the role and leaves it on the role's landing page. */
export type LoginAs = (role: DemoRole, options?: LoginOptions) => Promise<Page>;

/** The server's clock (POST /api/test/clock), given back to the present after the test. */
interface ServerClock {
  set(at: Date | string): Promise<void>;
}

/**
 * A tag unique to one test run, for the names of the records a test creates:
 * tests of one file run in different workers and, within a worker, one after
 * another on the same database, so module-level names would collide.
 */
export function uniqueTag() {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

export const test = base.extend<{ loginAs: LoginAs; serverClock: ServerClock }>({
  loginAs: async ({ page, browser }, provide) => {
    const contexts: BrowserContext[] = [];
    let pageRole: DemoRole | undefined;
    const loginAs: LoginAs = async (role, options = {}) => {
      let signedIn: Page;
      if (options.newContext) {
        signedIn = await newSignedInPage(browser, role, options.contextOptions);
        contexts.push(signedIn.context());
      } else {
        pageRole = role;
        signedIn = await signIn(page, role);
      }
      if (options.language) await chooseLanguage(signedIn, options.language);
      return signedIn;
    };
    await provide(loginAs);
    if (pageRole) await saveState(page.context(), pageRole).catch(() => {});
    for (const context of contexts) await context.close();
  },
  serverClock: async ({ request }, provide) => {
    let moved = false;
    const move = async (at: Date | string) => {
      const response = await request.post("/api/test/clock", { data: { at: new Date(at).toISOString() } });
      expect(response.ok()).toBe(true);
    };
    await provide({
      set: async (at) => {
        moved = true;
        await move(at);
      },
    });
    // The next test on this server starts in the present.
    if (moved) await move(new Date());
  },
});
