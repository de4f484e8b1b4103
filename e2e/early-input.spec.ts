// A person on a slow connection sees the server's HTML before the page's
// scripts have run, and can start typing. What they typed must still be there
// once React has hydrated the form, and must be what the form submits.
// react-hook-form keeps what was entered in a field before the form is ready;
// this pins that our fields, which register through it, still do.
import { expect, test } from "@playwright/test";

test("what a person types before the page's scripts have run is kept and submitted", async ({ page }) => {
  let releaseScripts!: () => void;
  const scriptsHeld = new Promise<void>((resolve) => (releaseScripts = resolve));
  await page.route("**/_next/static/chunks/*.js", async (route) => {
    await scriptsHeld;
    await route.continue();
  });

  await page.goto("/login", { waitUntil: "domcontentloaded" });
  await page.getByLabel("E-mail").fill("prospect@portico.test");
  await page.getByLabel("Password").fill("portico-demo-1");
  await expect(page.locator("html[data-hydrated]")).toHaveCount(0);

  releaseScripts();
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
  await expect(page.getByLabel("E-mail")).toHaveValue("prospect@portico.test");
  await expect(page.getByLabel("Password")).toHaveValue("portico-demo-1");

  await page.getByRole("button", { name: "Sign in" }).click();
  // Signing in hashes the password: slow on a busy machine.
  await expect(page).toHaveURL(/\/portal$/, { timeout: 30_000 });
});
