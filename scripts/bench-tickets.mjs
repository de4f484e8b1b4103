// npm run bench:tickets
// Seeds 100,000 tickets over 1,000 customers on PostgreSQL, starts the
// production build, signs in as a portal client and as staff, and requests the
// portal list (each filter) and the staff queue one page at a time. Prints
// p50/p95 per page and the SQL statements each page costs (counted by the
// server, PORTICO_QUERY_STATS=1), against the budget: p95 < 100 ms, <= 10 queries.
//   BENCH_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/portico_bench_tickets; recreated)
//   BENCH_TICKETS (100000), BENCH_CUSTOMERS (1000), BENCH_CLIENT_CUSTOMERS (10), BENCH_SAMPLES (60), BENCH_BUILD=1 forces a build
import { execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { recreateDatabase } from "./lib/fresh-database.mjs";

const url = new URL(process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/portico_bench_tickets");
const samples = Number(process.env.BENCH_SAMPLES ?? 60);
const port = Number(process.env.BENCH_PORT ?? 3201);
const base = `http://127.0.0.1:${port}`;
const budget = { p95: 100, queries: 10 };

await recreateDatabase(url);

const env = {
  ...process.env,
  DATABASE_URL: url.toString(),
  AUTH_SECRET: "benchmark-only-secret",
  APP_URL: base,
  PORTICO_WORKER: "off",
  PORTICO_QUERY_STATS: "1",
  LOGIN_RATE_LIMIT_PER_IP: "1000",
  NODE_ENV: "production",
};
const run = (args) => execFileSync("npx", ["--no-install", ...args], { stdio: "inherit", env });
console.log("migrating and seeding the demo data, then the benchmark tickets...");
run(["tsx", "lib/db/migrate-cli.ts"]);
run(["tsx", "prisma/seed.ts"]);
const seedStarted = Date.now();
run(["tsx", "scripts/bench/setup-tickets.ts"]);
console.log(`(seeding took ${((Date.now() - seedStarted) / 1000).toFixed(1)} s)`);
if (process.env.BENCH_BUILD === "1" || !existsSync(".next/BUILD_ID")) run(["next", "build"]);

const server = spawn("npx", ["--no-install", "next", "start", "--port", String(port)], { env, stdio: "ignore", detached: true });
const stop = () => {
  try {
    process.kill(-server.pid, "SIGTERM");
  } catch {}
};
process.on("exit", stop);
for (let i = 0; ; i++) {
  if (
    await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    )
  )
    break;
  if (i > 120) throw new Error("the server did not become healthy in 60 s");
  await new Promise((r) => setTimeout(r, 500));
}

/** Signs in through Auth.js's credentials callback and returns the cookie header. */
async function signIn(email) {
  const jar = new Map();
  const keep = (response) => {
    for (const c of response.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const [name, ...value] = pair.split("=");
      jar.set(name, value.join("="));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(`${base}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = await csrf.json();
  const login = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ email, password: "portico-demo-1", csrfToken, callbackUrl: `${base}/` }),
  });
  keep(login);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`sign-in failed for ${email} (HTTP ${login.status})`);
  return cookie();
}

const queries = async () => (await (await fetch(`${base}/api/test/query-stats`)).json()).count;

async function measure(path, cookie) {
  const get = async () => {
    const t0 = performance.now();
    const response = await fetch(`${base}${path}`, { headers: { cookie }, redirect: "manual" });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${path}: HTTP ${response.status}`);
    return performance.now() - t0;
  };
  for (let i = 0; i < 3; i++) await get(); // warm-up: compile caches, pools
  const before = await queries();
  await get();
  const perPage = (await queries()) - before;
  const times = [];
  for (let i = 0; i < samples; i++) times.push(await get());
  times.sort((a, b) => a - b);
  const pick = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  return { path, p50: pick(0.5), p95: pick(0.95), queries: perPage };
}

const client = await signIn("bench-client@portico.test");
const staff = await signIn("staff1@portico.test");
const pages = [
  ...["all", "mine", "awaiting", "completed", "cancelled"].map((f) => [`/portal/tickets?filter=${f}`, client]),
  ["/portal/tickets?filter=all&page=5", client],
  ["/portal/tickets?q=bench", client],
  ["/admin/tickets", staff],
  ["/admin/tickets?assignee=mine", staff],
  ["/admin/tickets?assignee=unassigned", staff],
  ["/admin/tickets?status=COMPLETED", staff],
  ["/admin/tickets?status=any", staff],
  ["/admin/tickets?status=any&page=200", staff],
  ["/admin/tickets?age=30", staff],
  ["/admin/tickets?q=12345", staff],
];
const results = [];
for (const [path, cookie] of pages) results.push(await measure(path, cookie));

const pad = (s, n) => String(s).padEnd(n);
console.log(`\n${pad("page", 42)}${pad("p50 ms", 9)}${pad("p95 ms", 9)}queries`);
for (const r of results) console.log(`${pad(r.path, 42)}${pad(r.p50.toFixed(1), 9)}${pad(r.p95.toFixed(1), 9)}${r.queries}`);
const over = results.filter((r) => r.p95 >= budget.p95 || r.queries > budget.queries);
console.log(
  over.length ? `\nOVER BUDGET: ${over.map((r) => r.path).join(", ")}` : `\nall pages within budget (p95 < ${budget.p95} ms, <= ${budget.queries} queries)`,
);
stop();
process.exit(0);
