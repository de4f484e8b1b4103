// Several Portico processes on one PostgreSQL database, through PgBouncer in
// transaction mode, as the README's "Several instances" describes: two web
// instances of the production build (PORTICO_WORKER=off) and two
// `npm run worker` processes, all started at the same moment on an empty
// database. Checks, each printed as "ok - ..." / "not ok - ...":
//   - every migration applied exactly once by the processes starting together;
//   - public registrations split across both instances never overbook;
//   - a session signed in on one instance is accepted by the other;
//   - a server-action form rendered by one instance can be posted to the other;
//   - a scheduled job sent twice at once, from two processes, does its work once;
//   - a pg-boss cron schedule fires once per tick with two workers running;
//   - every e-mail written by both instances is delivered by the workers, once;
//   - the workers stop cleanly on SIGTERM.
// Needs the production build (npm run build), PostgreSQL (MULTI_DATABASE_URL,
// else TEST_DATABASE_URL, else postgresql://postgres@127.0.0.1:5432/postgres:
// only its server is used; a database portico_multi_<random> is created and
// dropped), PgBouncer (installed with apt-get when missing) and Chromium
// (likewise). Writes reports/multi-instance.json ({ passed, failed }), and on
// failure each process's output to reports/multi-instance-logs/; exits non-zero
// when a check failed. Bounded by MULTI_TIMEOUT_S (default 300).
// The web instances are `next start` and the workers `node --import tsx
// lib/jobs/worker-main.ts` (what `npm run worker` runs), started directly rather
// than through npm or npx, whose `sh -c` dies of SIGTERM itself and would hide
// the worker's exit status.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import pg from "pg";
import PgBoss from "pg-boss";
import { ensureChromium } from "./ensure-chromium.mjs";
import { solvedChallenge } from "./lib/proof-of-work.mjs";

const startedAt = Date.now();
const elapsed = () => `${((Date.now() - startedAt) / 1000).toFixed(1)} s`;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const REPORT = "reports/multi-instance.json";
const LOGS = "reports/multi-instance-logs";
mkdirSync("reports", { recursive: true });
rmSync(REPORT, { force: true });

const server = new URL(process.env.MULTI_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
const dbName = `portico_multi_${randomBytes(5).toString("hex")}`;
const directUrl = Object.assign(new URL(server), { pathname: `/${dbName}` }).toString();
const adminUrl = Object.assign(new URL(server), { pathname: "/postgres" }).toString();
const AUTH_SECRET = randomBytes(32).toString("base64");
const DEMO_PASSWORD = "portico-demo-1";
const REQUESTS = Number(process.env.MULTI_REQUESTS ?? 60);

// ---------------------------------------------------------------- checks
const results = [];
function report(name, pass, detail = "") {
  results.push({ name, pass });
  console.log(`${pass ? "ok" : "not ok"} - ${name}${detail ? ` (${detail})` : ""}`);
}
/** Runs one check; an exception fails it (with its message) instead of the whole run. */
async function check(name, fn) {
  try {
    const { pass, detail } = await fn();
    report(name, pass, detail);
  } catch (error) {
    report(name, false, error instanceof Error ? error.message : String(error));
  }
}

// ---------------------------------------------------------------- processes
const tmp = mkdtempSync(path.join(os.tmpdir(), "portico-multi-"));
const children = [];

function start(name, command, args, env) {
  const child = spawn(command, args, { env: { ...process.env, ...env }, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const proc = { name, child, output: "", exit: null };
  const append = (chunk) => (proc.output += chunk);
  child.stdout.on("data", append);
  child.stderr.on("data", append);
  proc.exited = new Promise((resolve) =>
    child.on("exit", (code, signal) => {
      proc.exit = { code, signal };
      resolve(proc.exit);
    }),
  );
  children.push(proc);
  return proc;
}

function signalGroup(proc, signal) {
  try {
    process.kill(-proc.child.pid, signal);
  } catch {
    // gone already
  }
}

async function stop(proc, timeoutMs = 15_000) {
  if (proc.exit) return proc.exit;
  signalGroup(proc, "SIGTERM");
  const exit = await Promise.race([proc.exited, sleep(timeoutMs).then(() => null)]);
  if (exit) return exit;
  signalGroup(proc, "SIGKILL");
  await proc.exited;
  return { code: null, signal: "SIGKILL", forced: true };
}

function tail(proc, lines = 25) {
  return proc.output
    .split("\n")
    .filter((l) => !l.includes("sourceMappingURL"))
    .slice(-lines)
    .map((l) => `    ${proc.name}| ${l}`)
    .join("\n");
}

let cleaningUp;
async function cleanUp() {
  cleaningUp ??= (async () => {
    // The apps first, PgBouncer last: they should not see their pooler vanish while stopping.
    await Promise.all(children.filter((p) => p.name !== "pgbouncer").map((p) => stop(p, 10_000)));
    await Promise.all(children.map((p) => stop(p, 5_000)));
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect().then(
      () => admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).finally(() => admin.end()),
      (error) => console.error(`could not drop ${dbName}: ${error.message}`),
    );
    rmSync(tmp, { recursive: true, force: true });
  })();
  return cleaningUp;
}
// Whatever happens, no child outlives this script.
process.on("exit", () => children.forEach((p) => !p.exit && signalGroup(p, "SIGKILL")));
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping`);
    cleanUp().finally(() => process.exit(130));
  });
}
const deadline = setTimeout(
  () => {
    report(`finished within ${process.env.MULTI_TIMEOUT_S ?? 300} s`, false);
    for (const p of children) console.error(tail(p));
    finish();
  },
  Number(process.env.MULTI_TIMEOUT_S ?? 300) * 1000,
);

let finishing = false;
async function finish() {
  if (finishing) return;
  finishing = true;
  clearTimeout(deadline);
  await cleanUp().catch((error) => console.error("clean-up:", error));
  const passed = results.filter((r) => r.pass).length;
  const failed = results.length - passed;
  writeFileSync(REPORT, JSON.stringify({ passed, failed, checks: results }, null, 2));
  // Every process's whole output, for the post-mortem of a failed run.
  rmSync(LOGS, { recursive: true, force: true });
  if (failed) {
    mkdirSync(LOGS, { recursive: true });
    for (const p of children) writeFileSync(path.join(LOGS, `${p.name}.log`), p.output);
    console.log(`logs of every process: ${LOGS}/`);
  }
  console.log(`\nmulti-instance: ${passed} passed, ${failed} failed in ${elapsed()}`);
  process.exit(failed ? 1 : 0);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function until(probe, timeoutMs, what) {
  const begun = Date.now();
  for (;;) {
    const value = await probe().catch(() => null);
    if (value) return value;
    if (Date.now() - begun > timeoutMs) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await sleep(250);
  }
}

// ---------------------------------------------------------------- PgBouncer
function findPgbouncer() {
  for (const candidate of ["/usr/sbin/pgbouncer", "/usr/bin/pgbouncer", "/usr/local/bin/pgbouncer"]) if (existsSync(candidate)) return candidate;
  const which = spawnSync("which", ["pgbouncer"], { encoding: "utf8" });
  return which.status === 0 ? which.stdout.trim() : null;
}

function installPgbouncer() {
  console.log("Installing PgBouncer from Debian's packages...");
  const sudo = process.getuid?.() === 0 ? [] : ["sudo"];
  const apt = (...args) =>
    spawnSync(sudo[0] ?? "apt-get", [...(sudo.length ? ["apt-get"] : []), ...args], {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
  if (apt("install", "-y", "-qq", "pgbouncer").status !== 0) {
    apt("update", "-qq");
    apt("install", "-y", "-qq", "pgbouncer");
  }
}

async function startPgbouncer() {
  let binary = findPgbouncer();
  if (!binary) {
    installPgbouncer();
    binary = findPgbouncer();
  }
  if (!binary) throw new Error("PgBouncer is not installed and apt-get could not install it");
  const port = await freePort();
  const user = decodeURIComponent(server.username || "postgres");
  const password = decodeURIComponent(server.password || "");
  const auth = path.join(tmp, "userlist.txt");
  writeFileSync(auth, `"${user}" ""\n`);
  const config = path.join(tmp, "pgbouncer.ini");
  writeFileSync(
    config,
    [
      "[databases]",
      `* = host=${server.hostname} port=${server.port || 5432} user=${user}${password ? ` password=${password}` : ""}`,
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${port}`,
      "unix_socket_dir =",
      "auth_type = trust",
      `auth_file = ${auth}`,
      `admin_users = ${user}`,
      "pool_mode = transaction",
      "max_client_conn = 500",
      "default_pool_size = 20",
      "ignore_startup_parameters = extra_float_digits,options",
      "",
    ].join("\n"),
  );
  // PgBouncer refuses to run as root: drop to an unprivileged user, who must read the config.
  const args = [];
  if (process.getuid?.() === 0) {
    const account = ["postgres", "nobody"].find((name) => spawnSync("id", ["-u", name]).status === 0);
    args.push("-u", account);
    chmodSync(tmp, 0o755);
    chmodSync(config, 0o644);
    chmodSync(auth, 0o644);
  }
  const proc = start("pgbouncer", binary, [...args, config], {});
  const url = `postgresql://${encodeURIComponent(user)}@127.0.0.1:${port}/${dbName}`;
  await until(
    async () => {
      if (proc.exit) throw new Error(`PgBouncer exited:\n${tail(proc)}`);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        return (await client.query("SELECT 1 AS one")).rows[0].one === 1;
      } finally {
        await client.end();
      }
    },
    15_000,
    "PgBouncer",
  );
  return { proc, port, url, version: execFileSync(binary, ["--version"], { encoding: "utf8" }).split("\n")[0] };
}

// ---------------------------------------------------------------- HTTP helpers
async function health(base) {
  const response = await fetch(`${base}/api/health`);
  return response.ok;
}

async function register(base, slug, i, prefix) {
  const response = await fetch(`${base}/api/events/${slug}/registrations`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      name: `Participant ${i}`,
      email: `${prefix}${i}@multi.test`,
      answers: {},
      altcha: await solvedChallenge(base, "public-registration"),
    }),
  });
  const body = await response.json().catch(() => ({}));
  return { status: response.status, outcome: response.status === 201 ? body.status : (body.error ?? String(response.status)) };
}

// ================================================================ run
if (!existsSync(".next/BUILD_ID")) {
  console.error("No production build found: run `npm run build` first.");
  process.exit(1);
}
try {
  ensureChromium();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  await admin.end();

  const bouncer = await startPgbouncer();
  console.log(
    `${bouncer.version} on 127.0.0.1:${bouncer.port} (transaction pooling, 20 server connections) in front of ${server.host}; database ${dbName} [${elapsed()}]`,
  );

  const [port1, port2] = [await freePort(), await freePort()];
  const base1 = `http://127.0.0.1:${port1}`;
  const base2 = `http://127.0.0.1:${port2}`;
  // What every process shares; APP_URL is the load balancer's address in a deployment (here instance 1's).
  const shared = {
    DATABASE_URL: bouncer.url,
    AUTH_SECRET,
    APP_URL: base1,
    PORTICO_SEED_DEMO: "0",
    PORTICO_DATA_DIR: path.join(tmp, "data"),
    RESEND_API_KEY: "",
    SMTP_URL: "",
    NODE_ENV: "production",
  };
  const web = {
    ...shared,
    PORTICO_WORKER: "off",
    PUBLIC_REGISTRATION_RATE_LIMIT: "1000000",
    // Cheap proofs of work: the test is about instances sharing state, not about the challenge's cost.
    POW_DIFFICULTY: "16",
    LOGIN_RATE_LIMIT_PER_IP: "1000",
    // Enables POST /api/test/jobs/<name>, used by the scheduled-job check.
    PORTICO_E2E: "1",
  };
  // Who waits for the migration lock (Prisma's key) while they start: the race, seen from PostgreSQL.
  const watcher = new pg.Client({ connectionString: directUrl });
  await watcher.connect();
  let lockWaiters = 0;
  let watching = true;
  const watched = (async () => {
    while (watching) {
      const { rows } = await watcher.query(
        `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND objid = 72707369 AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      );
      lockWaiters = Math.max(lockWaiters, rows[0].n);
      await sleep(20);
    }
  })().catch(() => {});
  // All four at once, on the empty database: their migrations race for the lock.
  const next = path.resolve("node_modules/next/dist/bin/next");
  const tsx = path.resolve("node_modules/.bin/tsx");
  const worker = [process.execPath, ["--import", "tsx", "lib/jobs/worker-main.ts"]];
  const web1 = start("web1", process.execPath, [next, "start", "--port", String(port1)], web);
  const web2 = start("web2", process.execPath, [next, "start", "--port", String(port2)], web);
  const worker1 = start("worker1", ...worker, shared);
  // The second worker migrates past the pooler (DATABASE_DIRECT_URL), like a deployment that sets it.
  const worker2 = start("worker2", ...worker, { ...shared, DATABASE_DIRECT_URL: directUrl });
  const apps = [web1, web2, worker1, worker2];

  const ready = async (proc, probe) => {
    if (proc.exit) throw new Error(`${proc.name} exited (${proc.exit.code ?? proc.exit.signal}):\n${tail(proc)}`);
    return probe();
  };
  try {
    await until(
      async () =>
        (await ready(web1, () => health(base1))) &&
        (await ready(web2, () => health(base2))) &&
        (await ready(worker1, async () => worker1.output.includes("[worker] running"))) &&
        (await ready(worker2, async () => worker2.output.includes("[worker] running"))),
      120_000,
      "both web instances to answer /api/health and both workers to run",
    );
  } catch (error) {
    for (const p of apps) console.error(tail(p));
    throw error;
  }
  watching = false;
  await watched;
  await watcher.end();
  console.log(`web instances on ${base1} and ${base2}, two workers: all up [${elapsed()}]`);
  const retried = apps.map((p) => `${p.name} ${(p.output.match(/\[startup\] another process was creating the job queues/g) ?? []).length}`).join(", ");
  console.log(`job queue set-up retried after a lost race: ${retried}`);

  const sql = new pg.Pool({ connectionString: directUrl, max: 2 });
  const one = async (text, params) => (await sql.query(text, params)).rows[0];

  await check("migrations: applied once each by four processes starting together through PgBouncer", async () => {
    const expected = readdirSync("prisma/migrations", { withFileTypes: true })
      .filter((e) => e.isDirectory() && /^\d+_/.test(e.name))
      .map((e) => e.name)
      .sort();
    const byProcess = Object.fromEntries(apps.map((p) => [p.name, [...p.output.matchAll(/\[migrate\] applied (\S+)/g)].map((m) => m[1])]));
    const appliedLines = Object.values(byProcess).flat().sort();
    const rows = (await sql.query(`SELECT migration_name, count(*)::int AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL GROUP BY 1 ORDER BY 1`))
      .rows;
    const pass = JSON.stringify(appliedLines) === JSON.stringify(expected) && rows.length === expected.length && rows.every((r) => r.n === 1);
    const split = Object.entries(byProcess)
      .map(([name, list]) => `${name} ${list.length}`)
      .join(", ");
    return { pass, detail: `${expected.length} migrations; applied by ${split}; ${rows.length} recorded; up to ${lockWaiters} waited for the lock at once` };
  });

  // The demo accounts and the three events, straight to the database.
  const setup = spawnSync(tsx, ["scripts/multi-instance/setup.ts"], { env: { ...process.env, ...shared, DATABASE_URL: directUrl }, encoding: "utf8" });
  if (setup.status !== 0) throw new Error(`setup failed:\n${setup.stdout}\n${setup.stderr}`);
  console.log(`demo accounts and events in place [${elapsed()}]`);

  // Two producers, as two other processes would be: pg-boss through PgBouncer too.
  const producers = [
    new PgBoss({ connectionString: bouncer.url, schema: "pgboss", max: 2, supervise: false, schedule: false, migrate: false }),
    new PgBoss({ connectionString: bouncer.url, schema: "pgboss", max: 2, supervise: false, schedule: false, migrate: false }),
  ];
  for (const boss of producers) {
    boss.on("error", (error) => console.error("[producer]", error.message));
    await boss.start();
  }
  // A minutely schedule of a queue without handlers: the workers' clocks send its jobs.
  const PROBE = "multi.cron-probe";
  await producers[0].createQueue(PROBE, { name: PROBE, retryLimit: 0 });
  await producers[0].schedule(PROBE, "* * * * *", {}, { tz: "UTC" });
  const probeScheduledAt = Date.now();

  await check(`registrations: ${REQUESTS} at once, alternating between both instances, never overbook 10 seats + 5 reserve`, async () => {
    const responses = await Promise.all(Array.from({ length: REQUESTS }, (_, i) => register(i % 2 ? base2 : base1, "multi-seats", i, "seat")));
    const outcomes = {};
    for (const r of responses) outcomes[r.outcome] = (outcomes[r.outcome] ?? 0) + 1;
    const perInstance = [0, 1].map((k) => responses.filter((r, i) => i % 2 === k && r.status === 201).length);
    const rows = await one(
      `SELECT count(*) FILTER (WHERE r.status = 'REGISTERED')::int AS registered, count(*) FILTER (WHERE r.status = 'RESERVE')::int AS reserve,
              count(*)::int AS total, max(e."registeredCount") AS "registeredCount", max(e."reserveCount") AS "reserveCount"
         FROM "Event" e LEFT JOIN "Registration" r ON r."eventId" = e.id WHERE e.slug = 'multi-seats'`,
    );
    const pass =
      outcomes.REGISTERED === 10 &&
      outcomes.RESERVE === 5 &&
      outcomes["events.errors.full"] === REQUESTS - 15 &&
      rows.registered === 10 &&
      rows.reserve === 5 &&
      rows.total === 15 &&
      rows.registeredCount === 10 &&
      rows.reserveCount === 5;
    const list = Object.entries(outcomes)
      .map(([k, n]) => `${k}×${n}`)
      .join(", ");
    return {
      pass,
      detail: `answers: ${list}; seats taken through instance 1: ${perInstance[0]}, instance 2: ${perInstance[1]}; stored ${rows.registered} registered + ${rows.reserve} reserve`,
    };
  });

  const browser = await chromium.launch({
    executablePath: existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  try {
    await check("sessions: signed in on instance 1, /admin on instance 2 accepts the cookie", async () => {
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        await page.goto(`${base1}/login`);
        await page.getByLabel("E-mail").fill("admin@portico.test");
        await page.getByLabel("Password").fill(DEMO_PASSWORD);
        await page.getByRole("button", { name: "Sign in" }).click();
        await page.waitForURL(`${base1}/admin`, { timeout: 20_000 });
        // Cookies are per host, not per port: the browser sends the same session to instance 2.
        const response = await page.goto(`${base2}/admin`);
        const heading = await page.getByRole("heading", { name: "Dashboard" }).isVisible();
        // Without the cookie, instance 2 sends the visitor to sign in: the check above means something.
        const anonymous = await fetch(`${base2}/admin`, { redirect: "manual" });
        const pass = response?.status() === 200 && page.url() === `${base2}/admin` && heading && anonymous.status >= 300 && anonymous.status < 400;
        return {
          pass,
          detail: `instance 2 answered ${response?.status()} at ${new URL(page.url()).pathname}, dashboard ${heading ? "shown" : "missing"}; without the cookie ${anonymous.status} to ${anonymous.headers.get("location")}`,
        };
      } finally {
        await context.close();
      }
    });

    await check("forms: the sign-up page of instance 1 posts its server action to instance 2", async () => {
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        const routed = [];
        // The load balancer: this form's action goes to the other instance, with the public host as X-Forwarded-Host.
        await page.route(`${base1}/e/**`, async (route) => {
          const request = route.request();
          if (request.method() !== "POST" || !(await request.headerValue("next-action"))) return route.continue();
          const url = request.url().replace(base1, base2);
          const response = await route.fetch({ url, headers: { ...request.headers(), "x-forwarded-host": `127.0.0.1:${port1}` } });
          routed.push(`${response.status()} from ${new URL(url).host}`);
          await route.fulfill({ response });
        });
        await page.goto(`${base1}/e/multi-form`);
        await page.getByLabel("Full name").fill("Form Crosser");
        await page.getByLabel("E-mail").fill("crosser@multi.test");
        await page.getByRole("button", { name: "Register" }).click();
        await page.waitForURL(/\/e\/multi-form\/r\/[^/?]+\?new=1$/, { timeout: 20_000 });
        const confirmed = await page.getByText("You are registered").isVisible();
        const row = await one(
          `SELECT r.status FROM "Registration" r JOIN "Event" e ON e.id = r."eventId" WHERE e.slug = 'multi-form' AND r.email = 'crosser@multi.test'`,
        );
        const pass = routed.length === 1 && routed[0].startsWith("200") && row?.status === "REGISTERED" && confirmed;
        return {
          pass,
          detail: `action answered ${routed.join(", ") || "never routed"}; registration ${row?.status ?? "missing"}; confirmation page on instance 1 ${confirmed ? "shown" : "missing"}`,
        };
      } finally {
        await context.close();
      }
    });
  } finally {
    await browser.close();
  }

  await check(
    "scheduled jobs: events.reminders sent twice at once from two processes, and run on both instances at once, e-mails each reminder once",
    async () => {
      for (let i = 0; i < 5; i++) {
        const r = await register(i % 2 ? base2 : base1, "multi-reminders", i, "remind");
        if (r.outcome !== "REGISTERED") throw new Error(`registration ${i} for the reminders: ${r.outcome}`);
      }
      const [jobA, jobB, runA, runB] = await Promise.all([
        producers[0].send("events.reminders", {}),
        producers[1].send("events.reminders", {}),
        fetch(`${base1}/api/test/jobs/reminders`, { method: "POST" }).then((r) => r.json()),
        fetch(`${base2}/api/test/jobs/reminders`, { method: "POST" }).then((r) => r.json()),
      ]);
      const jobs = [jobA, jobB].filter(Boolean);
      await until(
        async () => {
          const states = await Promise.all(jobs.map((id) => producers[0].getJobById("events.reminders", id)));
          return states.every((job) => job && ["completed", "failed"].includes(job.state)) && states;
        },
        30_000,
        "the workers to finish the events.reminders jobs",
      );
      const states = await Promise.all(jobs.map((id) => producers[0].getJobById("events.reminders", id)));
      const rows = await one(
        `SELECT count(*)::int AS emails, count(DISTINCT m."to")::int AS recipients FROM "EmailMessage" m WHERE m.template = 'eventReminder'`,
      );
      const claimed = await one(
        `SELECT count(*)::int AS n FROM "EventReminder" x JOIN "Registration" r ON r.id = x."registrationId" JOIN "Event" e ON e.id = r."eventId" WHERE e.slug = 'multi-reminders'`,
      );
      const pass = jobs.length >= 1 && states.every((j) => j.state === "completed") && rows.emails === 5 && rows.recipients === 5 && claimed.n === 5;
      return {
        pass,
        detail: `${jobs.length} pg-boss jobs (${states.map((j) => j.state).join(", ")}); HTTP runs queued ${runA.reminders} + ${runB.reminders}; ${rows.emails} reminder e-mails to ${rows.recipients} addresses`,
      };
    },
  );

  await check("e-mails: everything both instances wrote is delivered by the workers once", async () => {
    const pending = async () => await one(`SELECT count(*) FILTER (WHERE status <> 'SENT')::int AS n, count(*)::int AS total FROM "EmailMessage"`);
    await until(async () => (await pending()).n === 0, 60_000, "every e-mail to be SENT").catch(() => null);
    const { n, total } = await pending();
    const messages = (await sql.query(`SELECT id, status, attempts, "providerId" FROM "EmailMessage"`)).rows;
    const providerIds = new Set(messages.map((m) => m.providerId));
    // The log transport prints one line per hand-over: count them across both workers.
    const handedOver = [worker1, worker2].flatMap((w) => [...w.output.matchAll(/\[email:log\] .*? id=([0-9a-f-]{36})/g)].map((m) => m[1]));
    const perId = new Map();
    for (const id of handedOver) perId.set(id, (perId.get(id) ?? 0) + 1);
    const byWorker = [worker1, worker2].map((w) => (w.output.match(/\[email:log\]/g) ?? []).length);
    const pass =
      total > 0 &&
      n === 0 &&
      messages.every((m) => m.attempts === 1 && m.providerId) &&
      providerIds.size === messages.length &&
      messages.every((m) => perId.get(m.id) === 1) &&
      handedOver.length === messages.length;
    return {
      pass,
      detail: `${total} e-mails, ${n} not SENT; handed to the transport ${handedOver.length} times (worker 1: ${byWorker[0]}, worker 2: ${byWorker[1]}); attempts ${[...new Set(messages.map((m) => m.attempts))].join("/")}`,
    };
  });

  await check("cron: a minutely pg-boss schedule fires once per tick with two workers", async () => {
    const probes = async () =>
      (await sql.query(`SELECT created_on FROM pgboss.job WHERE name = $1 ORDER BY created_on`, [PROBE])).rows.map((r) => r.created_on.getTime());
    // The workers' clocks look every 30 s and send a tick's job within the minute after it.
    const first = await until(async () => (await probes())[0], Math.max(5_000, 100_000 - (Date.now() - probeScheduledAt)), "the first scheduled job");
    await sleep(Math.max(0, first + 20_000 - Date.now())); // room for a duplicate of that tick to appear
    const times = await probes();
    const gaps = times.slice(1).map((t, i) => (t - times[i]) / 1000);
    const pass = times.length >= 1 && gaps.every((g) => g >= 20);
    return {
      pass,
      detail: `${times.length} job(s) in ${((Date.now() - probeScheduledAt) / 1000).toFixed(0)} s${gaps.length ? `, ${gaps.map((g) => g.toFixed(0)).join(", ")} s apart` : ""}`,
    };
  });

  for (const boss of producers) await boss.stop({ graceful: false, wait: true, timeout: 5_000 }).catch(() => {});
  const pools = await (async () => {
    const client = new pg.Client({ connectionString: bouncer.url.replace(`/${dbName}`, "/pgbouncer") });
    await client.connect();
    try {
      const rows = (await client.query("SHOW STATS")).rows.filter((r) => r.database === dbName);
      return rows.map((r) => `${r.total_xact_count} transactions, ${r.total_query_count} queries`).join("; ");
    } finally {
      await client.end();
    }
  })().catch((error) => `stats unavailable: ${error.message}`);
  console.log(`PgBouncer carried ${pools} for ${dbName}`);
  await sql.end();

  await check("workers: SIGTERM stops both with exit code 0", async () => {
    const exits = await Promise.all([worker1, worker2].map((w) => stop(w)));
    const pass = exits.every((e) => e.code === 0) && [worker1, worker2].every((w) => w.output.includes("[worker] stopped"));
    return { pass, detail: exits.map((e) => (e.forced ? "killed after 15 s" : `exit ${e.code ?? e.signal}`)).join(", ") };
  });
  for (const p of [web1, web2]) if (p.exit && p.exit.code !== 0) console.error(`${p.name} ended early:\n${tail(p)}`);
} catch (error) {
  report("the run itself", false, error instanceof Error ? error.message : String(error));
  for (const p of children) if (p.output) console.error(tail(p));
}
await finish();
