// Generates the Prisma client without downloading Prisma's native engines
// (they cannot be downloaded on offline machines): generate never runs the schema engine,
// so a stub that explains itself is enough. A real engine, if configured, wins.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const stub = fileURLToPath(new URL("./prisma-engine-stub.sh", import.meta.url));
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= stub;

const result = spawnSync("npx", ["--no-install", "prisma", "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
