import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// The suite runs against a production build on its own embedded database
// (prepared by scripts/e2e.mjs). Debian's Chromium is used where Playwright's
// own browser is not installed (this machine cannot download browsers).
const port = Number(process.env.E2E_PORT ?? 3100);
const debianChromium = "/usr/bin/chromium";
const dataDir = process.env.E2E_DATA_DIR ?? "data/e2e";

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "reports/e2e.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: existsSync(debianChromium) ? debianChromium : undefined,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    command: `npx --no-install next start --port ${port}`,
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      DATABASE_URL: `pglite:${dataDir}/pglite`,
      LOGIN_RATE_LIMIT_PER_IP: "1000",
      PORTICO_DATA_DIR: dataDir,
      APP_URL: `http://127.0.0.1:${port}`,
      PORTICO_E2E: "1",
    },
  },
});
