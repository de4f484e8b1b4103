// npm start / npm run dev: with the embedded database, migrate and put the demo
// data in place first (idempotent), then run Next.js. With PostgreSQL, the app
// migrates on start (instrumentation.ts) and seeding is left to `npm run db:seed`.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const mode = process.argv[2] === "dev" ? "dev" : "start";
const url = process.env.DATABASE_URL ?? "";
const embedded = url === "" || url.startsWith("pglite:");

if (mode === "start" && !existsSync(".next/BUILD_ID")) {
  console.error("No production build found: run `npm run build` first.");
  process.exit(1);
}
if (embedded && process.env.PORTICO_SEED_DEMO !== "0") {
  const seeded = spawnSync("npx", ["--no-install", "tsx", "prisma/seed.ts"], { stdio: "inherit" });
  if (seeded.status !== 0) process.exit(seeded.status ?? 1);
}
const next = spawn("npx", ["--no-install", "next", mode, "--port", process.env.PORT ?? "3000"], { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => next.kill(signal));
next.on("exit", (code) => process.exit(code ?? 0));
