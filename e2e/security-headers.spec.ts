// Pages run under a Content-Security-Policy with a per-request script nonce
// and no 'unsafe-inline' scripts, and still work: no CSP violation on the
// login page, the client's ticket page or a staff page. A cross-site POST to a
// route handler is refused.
import { type Browser, type Page, type Response } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";

const tag = Date.now().toString(36);

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

/** A page that records every CSP violation and console error mentioning the policy. */
async function watchedPage(browser: Browser) {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__cspViolations!.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy|Content-Security-Policy/i.test(m.text())) consoleErrors.push(m.text());
  });
  return { context, page, consoleErrors };
}

function scriptSrc(response: Pick<Response, "headers"> | null) {
  const policy = response?.headers()["content-security-policy"] ?? "";
  return (
    policy
      .split(";")
      .map((d) => d.trim())
      .find((d) => d.startsWith("script-src")) ?? ""
  );
}

/** Loads a page and checks its policy: a nonce, no 'unsafe-inline' scripts, and React running under it. */
async function expectStrictPolicy(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status()).toBe(200);
  const script = scriptSrc(response);
  expect(script).toMatch(/'nonce-[A-Za-z0-9+/]+=*'/);
  expect(script).not.toContain("'unsafe-inline'");
  // Hydrated: Next.js's scripts ran, so they carried the nonce.
  await page.waitForFunction(() => "next" in window);
  return script;
}

async function expectNoViolations(page: Page, consoleErrors: string[]) {
  expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
  expect(consoleErrors).toEqual([]);
}

test("the login page: a fresh nonce per request, carried by every script, no violation", async ({ browser }) => {
  const { context, page, consoleErrors } = await watchedPage(browser);
  const first = await expectStrictPolicy(page, "/login");
  const second = await expectStrictPolicy(page, "/login");
  expect(second).not.toBe(first);
  // The raw HTML: every script tag has the nonce of its response's policy.
  const raw = await page.request.get("/login");
  const nonce = scriptSrc(raw).match(/'nonce-([^']+)'/)![1];
  const html = await raw.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tagHtml of scripts) expect(tagHtml).toContain(`nonce="${nonce}"`);

  await page.getByLabel("E-mail").fill("person@portico.test");
  await expectNoViolations(page, consoleErrors);
  await context.close();
});

/** Pedro, signed in on the page, opens an Incident under the policy; its number. */
async function openPolicyTicket(page: Page) {
  await signIn(page, "person");
  if ((await page.locator("#language-switcher").inputValue()) !== "en") {
    await page.locator("#language-switcher").selectOption("en");
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  }
  await expectStrictPolicy(page, "/portal/tickets/new");
  await page.getByLabel("Group").selectOption({ label: "Support" });
  await page.getByLabel("Type").selectOption({ label: "Incident" });
  await page.getByLabel("Subject").fill(`Policy check ${tag}`);
  await page.getByLabel("Description", { exact: true }).fill("Checking the security policy.");
  await page.getByLabel("Reason").fill("Test.");
  await page.getByLabel("Affected system").fill("Browser");
  await page.getByRole("button", { name: "Save/Request" }).click();
  await expect(page).toHaveURL(/\/portal\/tickets\/\d+\?opened=1$/);
  return new URL(page.url()).pathname.split("/").pop() ?? "";
}

test("the client's ticket pages work under the policy", async ({ browser }) => {
  const { context, page, consoleErrors } = await watchedPage(browser);
  const number = await openPolicyTicket(page);

  await expectStrictPolicy(page, `/portal/tickets/${number}`);
  await expect(page.getByRole("heading", { name: new RegExp(`Policy check ${tag}`) })).toBeVisible();
  await expectNoViolations(page, consoleErrors);
  await context.close();
});

test("a staff page works under the policy", async ({ browser }) => {
  const client = await browser.newContext();
  const number = await openPolicyTicket(await client.newPage());
  await client.close();
  const { context, page, consoleErrors } = await watchedPage(browser);
  await signIn(page, "staff1");
  await expectStrictPolicy(page, "/admin");
  await expectStrictPolicy(page, `/admin/tickets/${number}`);
  // A client-side navigation and a server action under the policy.
  await page.getByRole("textbox", { name: "Message" }).fill(`Looking at it (${tag}).`);
  await page.getByRole("button", { name: "Send message" }).click();
  await expect(page.getByText("Reply sent to the client.")).toBeVisible();
  await expectNoViolations(page, consoleErrors);
  await context.close();
});

test("a cross-site POST to a route handler is refused", async ({ browser, baseURL, request }) => {
  // Another site's page that makes the visitor's browser post a sign-up.
  const context = await browser.newContext();
  const page = await context.newPage();
  const target = `${baseURL}/api/events/any-event/registrations`;
  await page.route("http://attacker.test/**", (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<form method="post" action="${target}" enctype="text/plain"><input name='{"name":"x","email":"x@example.com","a":"' value='"}'></form><script>document.forms[0].submit()</script>`,
    }),
  );
  const answer = page.waitForResponse((r) => r.url() === target);
  await page.goto("http://attacker.test/");
  const response = await answer;
  expect(response.status()).toBe(403);
  expect(await response.json()).toEqual({ error: "errors.crossSiteRequest" });
  await context.close();

  // The same by hand, for an upload; the app's own origin passes the check (then needs a session).
  const crossSite = await request.post("/api/files", {
    headers: { Origin: "https://attacker.test", "Sec-Fetch-Site": "cross-site" },
    multipart: { file: { name: "a.txt", mimeType: "text/plain", buffer: Buffer.from("a") } },
  });
  expect(crossSite.status()).toBe(403);
  const sameOrigin = await request.post("/api/files", {
    headers: { Origin: baseURL!, "Sec-Fetch-Site": "same-origin" },
    multipart: { file: { name: "a.txt", mimeType: "text/plain", buffer: Buffer.from("a") } },
  });
  expect(sameOrigin.status()).toBe(401);
});
