// npm run test:e2e: the demo data in a fresh embedded database for each
// Playwright worker's server (scripts/prepare-e2e.ts, e2e/servers.ts), then
// the Playwright suite against the production build (npm run build first).
import { spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { ensureChromium } from "./ensure-chromium.mjs";

const dataDir = process.env.E2E_DATA_DIR ?? "data/e2e";
if (!existsSync(".next/BUILD_ID")) {
  console.error("No production build found: run `npm run build` first.");
  process.exit(1);
}
ensureChromium();
rmSync(dataDir, { recursive: true, force: true });
const env = { ...process.env, E2E_DATA_DIR: dataDir };
const prepare = spawnSync("npx", ["--no-install", "tsx", "scripts/prepare-e2e.ts"], { stdio: "inherit", env });
if (prepare.status !== 0) process.exit(prepare.status ?? 1);
const run = spawnSync("npx", ["--no-install", "playwright", "test", ...process.argv.slice(2)], { stdio: "inherit", env });
process.exit(run.status ?? 1);
