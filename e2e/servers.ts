// The e2e servers: one per Playwright worker, on consecutive ports from
// E2E_PORT, each with a data directory (embedded database, files, stored
// sign-ins) under E2E_DATA_DIR. E2E_WORKERS sets how many (default 2, one per
// core of the machine the suite was tuned on). Read by playwright.config.ts,
// scripts/e2e.mjs (which prepares the data directories) and e2e/fixtures.ts.
import path from "node:path";

const basePort = Number(process.env.E2E_PORT ?? 3100);
const dataRoot = process.env.E2E_DATA_DIR ?? "data/e2e";

export const e2eWorkers = Math.max(1, Number(process.env.E2E_WORKERS ?? 2));

export function serverFor(parallelIndex: number) {
  const port = basePort + parallelIndex;
  return { port, url: `http://127.0.0.1:${port}`, dataDir: path.join(dataRoot, `worker-${parallelIndex}`) };
}

export const e2eServers = Array.from({ length: e2eWorkers }, (_, index) => serverFor(index));
