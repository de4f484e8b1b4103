// npm run bench:registration
// Starts the production build on PostgreSQL, fires concurrent public
// registrations at one event with limited seats through the public JSON route,
// and prints registrations per second, p50/p95 latency and the overbooking
// check (must be 0). Only loopback traffic; bounded in count and time.
//   BENCH_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/portico_bench; recreated)
//   BENCH_REQUESTS (2000), BENCH_CONCURRENCY (50), BENCH_SEATS (1500), BENCH_RESERVE (200), BENCH_WORKER (off)
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import pg from "pg";

const url = new URL(process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/portico_bench");
const requests = Number(process.env.BENCH_REQUESTS ?? 2000);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 50);
const seats = Number(process.env.BENCH_SEATS ?? 1500);
const reserve = Number(process.env.BENCH_RESERVE ?? 200);
const port = Number(process.env.BENCH_PORT ?? 3200);
const slug = "bench";

const dbName = url.pathname.slice(1);
const admin = new pg.Client({ connectionString: Object.assign(new URL(url), { pathname: "/postgres" }).toString() });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
await admin.query(`CREATE DATABASE "${dbName}"`);
await admin.end();

if (!existsSync(".next/BUILD_ID")) execFileSync("npx", ["--no-install", "next", "build"], { stdio: "inherit" });
const env = {
  ...process.env,
  DATABASE_URL: url.toString(),
  AUTH_SECRET: "benchmark-only-secret",
  APP_URL: `http://127.0.0.1:${port}`,
  PUBLIC_REGISTRATION_RATE_LIMIT: "1000000000",
  DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE ?? "20",
  // Measures the registration path: the confirmations wait in the outbox for a
  // worker (as with PORTICO_WORKER=off web instances); BENCH_WORKER=on delivers them meanwhile.
  PORTICO_WORKER: process.env.BENCH_WORKER === "on" ? "on" : "off",
  NODE_ENV: "production",
};
const setup = spawnSync("npx", ["--no-install", "tsx", "scripts/bench/setup-event.ts", slug, String(seats), String(reserve)], { stdio: "inherit", env });
if (setup.status !== 0) process.exit(1);

const server = spawn("npx", ["--no-install", "next", "start", "--port", String(port)], { env, stdio: "ignore", detached: true });
const stop = () => {
  try {
    process.kill(-server.pid, "SIGTERM");
  } catch {}
};
process.on("exit", stop);
const base = `http://127.0.0.1:${port}`;
for (let i = 0; ; i++) {
  const ok = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
  if (ok) break;
  if (i > 120) throw new Error("the server did not become healthy in 60 s");
  await new Promise((r) => setTimeout(r, 500));
}

// Warm-up (compiles routes, fills pools), not measured.
await fetch(`${base}/api/events/${slug}/registrations`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: "Warm Up", email: "warmup@bench.test" }) });

const latencies = [];
const statuses = {};
let next = 0;
const started = performance.now();
async function worker() {
  while (next < requests) {
    const i = next++;
    const t0 = performance.now();
    const response = await fetch(`${base}/api/events/${slug}/registrations`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: `Participant ${i}`, email: `p${i}@bench.test`, answers: {} }),
    });
    await response.arrayBuffer();
    latencies.push(performance.now() - t0);
    statuses[response.status] = (statuses[response.status] ?? 0) + 1;
  }
}
await Promise.all(Array.from({ length: concurrency }, worker));
const seconds = (performance.now() - started) / 1000;
stop();

latencies.sort((a, b) => a - b);
const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))].toFixed(1);
const counted = JSON.parse(execFileSync("npx", ["--no-install", "tsx", "scripts/bench/count-registrations.ts", slug], { env, encoding: "utf8" }).trim().split("\n").at(-1));
const overbooking = Math.max(0, counted.registeredRows - counted.seats) + Math.max(0, counted.reserveRows - counted.reserveSeats);
const countersMatch = counted.registeredRows === counted.registeredCount && counted.reserveRows === counted.reserveCount;

console.log(`requests: ${requests} at concurrency ${concurrency} against ${seats} seats + ${reserve} reserve (1 warm-up registration before)`);
console.log(`responses: ${Object.entries(statuses).map(([s, n]) => `${s}×${n}`).join(", ")}`);
console.log(`throughput: ${(requests / seconds).toFixed(1)} requests/s; ${((statuses[201] ?? 0) / seconds).toFixed(1)} registrations/s (${seconds.toFixed(2)} s)`);
console.log(`latency: p50 ${pct(50)} ms, p95 ${pct(95)} ms, max ${latencies.at(-1).toFixed(1)} ms`);
console.log(`stored: ${counted.registeredRows} registered / ${counted.seats} seats, ${counted.reserveRows} reserve / ${counted.reserveSeats}; counters match rows: ${countersMatch}`);
const queued = JSON.parse(execFileSync("npx", ["--no-install", "tsx", "scripts/bench/count-registrations.ts", slug, "--emails"], { env, encoding: "utf8" }).trim().split("\n").at(-1));
console.log(`confirmation e-mails in the outbox: ${queued.emails} (worker ${env.PORTICO_WORKER === "off" ? "off during the run" : "on"})`);
console.log(`overbooking: ${overbooking}`);
process.exit(overbooking === 0 && countersMatch ? 0 : 1);
