// Timing, measured with nothing else running: this file belongs to the
// "quiet" project (playwright.config.ts), which starts once every other test
// has finished. Beside another worker's test the answers of a two-core
// machine swing by hundreds of milliseconds, far more than the difference
// this looks for.
import { expect, test } from "./fixtures";
import { untilHydrated } from "./helpers";

test("a reset request takes as long for an address with an account as for one without", async ({ page }) => {
  // The form's server action, as the browser sends it...
  await page.goto("/forgot-password");
  await untilHydrated(page);
  const sent = page.waitForRequest((r) => r.method() === "POST" && new URL(r.url()).pathname === "/forgot-password");
  await page.getByLabel("E-mail").fill("warm-up@portico.test");
  await page.getByRole("button", { name: "Send reset link" }).click();
  const action = await sent;
  const headers = await action.allHeaders();
  delete headers["content-length"];
  const body = action.postData()!;
  expect(body).toContain("warm-up@portico.test");
  await expect(page.getByRole("status")).toContainText("reset link is on its way");

  // ...replayed for addresses with an account (each may ask 3 times an hour)
  // and without, interleaved, each from its own client address so no IP limit is met.
  const known = [
    "admin@portico.test",
    "staff1@portico.test",
    "company@portico.test",
    "person@portico.test",
    "student@portico.test",
    "professor@portico.test",
    "prospect@portico.test",
  ];
  // Measured in pairs, one of each kind a moment apart (the order swapped every
  // pair), and judged by the median of the pairs' differences: on a busy
  // machine the load drifts by tens of milliseconds between pairs, but weighs
  // on both requests of a pair alike.
  const post = async (email: string, n: number) => {
    const start = performance.now();
    const response = await fetch(action.url(), {
      method: "POST",
      headers: { ...headers, "x-forwarded-for": `198.51.100.${n}` },
      body: body.replace("warm-up@portico.test", email),
    });
    const text = await response.text();
    const elapsed = performance.now() - start;
    expect(response.status).toBe(200);
    expect(text).toContain("auth.resetLinkSent");
    // Let the work scheduled after the response finish before the next request.
    await page.waitForTimeout(1500);
    return elapsed;
  };
  const differences: number[] = [];
  for (let i = 0; i < known.length * 3; i++) {
    const withAccount = () => post(known[i % known.length], 2 * i + 1);
    const without = () => post(`nobody-${i}@portico.test`, 2 * i + 2);
    const [a, b] = i % 2 === 0 ? [await withAccount(), await without()] : [await without(), await withAccount()].reverse();
    differences.push(a - b);
    console.log(`pair ${i}: with ${a.toFixed(1)} ms, without ${b.toFixed(1)} ms`);
  }
  const median = [...differences].sort((x, y) => x - y)[Math.floor(differences.length / 2)];
  console.log(`reset request: median difference ${median.toFixed(1)} ms (with an account minus without) over ${differences.length} pairs`);
  expect(Math.abs(median)).toBeLessThan(20);
});
