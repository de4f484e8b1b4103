// Run by scripts/e2e.mjs: the demo data seeded once into the first e2e
// server's embedded database, then copied into every other server's data
// directory (e2e/servers.ts), so each Playwright worker starts from the same demo.
import { spawnSync } from "node:child_process";
import { cpSync } from "node:fs";
import { e2eServers } from "../e2e/servers";

const [first, ...others] = e2eServers;
const seed = spawnSync("npx", ["--no-install", "tsx", "prisma/seed.ts"], {
  stdio: "inherit",
  env: { ...process.env, DATABASE_URL: `pglite:${first.dataDir}/pglite`, PORTICO_DATA_DIR: first.dataDir },
});
if (seed.status !== 0) process.exit(seed.status ?? 1);
// The seeding process has closed the database: its files are a consistent copy.
for (const server of others) cpSync(first.dataDir, server.dataDir, { recursive: true });
