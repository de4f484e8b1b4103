import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { e2eServers, e2eWorkers, serverFor } from "./e2e/servers";

// The suite runs against a production build. Every Playwright worker has a
// server and an embedded database of its own (prepared by scripts/e2e.mjs from
// one seeded copy): the server's clock, the module settings and the demo
// accounts' languages are global to a server, so two tests running at once
// never share them. Within a worker, tests run one after another; each one
// creates its own data and signs in with loginAs (e2e/fixtures.ts).
// Debian's Chromium is used where Playwright's own browser is not installed
// (this machine cannot download browsers).
const debianChromium = "/usr/bin/chromium";
// A worker process knows its slot from TEST_PARALLEL_INDEX before it reads this
// file; the runner itself has none and only starts the servers.
const own = serverFor(Number(process.env.TEST_PARALLEL_INDEX ?? 0));

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: e2eWorkers,
  retries: 0,
  // Each test makes its own records through the pages, before what it checks.
  // Two workers, two servers and their browsers share two cores, where a page
  // can take 5 to 10 s: walks of thirty page loads have passed 180 s with every
  // step passing. A walk gets six minutes; each step still fails in 10 s.
  timeout: 360_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "reports/e2e.json" }]],
  use: {
    baseURL: own.url,
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
  // Specs named *.quiet.spec.ts measure time: they run after all the others,
  // so that no other worker's test weighs on the machine meanwhile.
  projects: [
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, testIgnore: /\.quiet\.spec\.ts$/ },
    { name: "quiet", use: { ...devices["Desktop Chrome"] }, testMatch: /\.quiet\.spec\.ts$/, dependencies: ["chromium"] },
  ],
  webServer: e2eServers.map((server) => ({
    // Node closes an idle keep-alive connection after 5 s; a test's request
    // context that waits longer between two calls would reuse a socket the
    // server is closing that very moment (ECONNRESET). Longer than any test.
    command: `npx --no-install next start --port ${server.port} --keepAliveTimeout 600000`,
    url: `${server.url}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe" as const,
    env: {
      DATABASE_URL: `pglite:${server.dataDir}/pglite`,
      LOGIN_RATE_LIMIT_PER_IP: "1000",
      PORTICO_DATA_DIR: server.dataDir,
      APP_URL: server.url,
      PORTICO_E2E: "1",
    },
  })),
});
