// npm run bench:email
// Queues 10,000 real status e-mails for one event through the staff's domain
// call (the action's body: sendStatusEmails with a staff actor), then lets the
// real worker process (`tsx lib/jobs/worker-main.ts`) deliver them through
// each transport in turn: log, SMTP to a local receiver, and a local Resend
// stand-in limited to EMAIL_SEND_RATE requests/s. While each backlog drains a
// password reset is requested; the script prints how long it waited, the
// delivery rate, and the most jobs pg-boss held at once. Loopback only,
// bounded in count and time.
//   BENCH_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/portico_bench_email; recreated)
//   BENCH_EMAILS (10000), BENCH_RESEND_RATE (5), BENCH_TRANSPORTS (log,smtp,resend)
import { spawn, type ChildProcess } from "node:child_process";
import { loadActor } from "@/lib/auth/actor";
import { requestPasswordReset } from "@/lib/auth/password-reset";
import { closeDatabase, openDatabase } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { sendStatusEmails } from "@/lib/events/status-emails";
import { QUEUES } from "@/lib/jobs/queues";
import { startJobs, stopJobs } from "@/lib/jobs/worker";
import { startResendStandIn } from "@/tests/helpers/resend-standin";
import { startSmtpReceiver } from "@/tests/helpers/smtp-receiver";
import { recreateDatabase } from "../lib/fresh-database.mjs";

const url = new URL(process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/portico_bench_email");
const total = Number(process.env.BENCH_EMAILS ?? 10_000);
const resendRate = Number(process.env.BENCH_RESEND_RATE ?? 5);
const transports = (process.env.BENCH_TRANSPORTS ?? "log,smtp,resend").split(",").map((s) => s.trim());
const TIME_LIMIT_MS = 10 * 60_000;

await recreateDatabase(url);

const database = openDatabase({ kind: "postgres", url: url.toString() });
await migrate(database.sql);
const { prisma, sql } = database;

// One event with `total` participants in three languages, and a staff member responsible for it.
const staff = await prisma.user.create({ data: { email: "staff@bench.test", name: "Bench Staff", passwordHash: "x", role: "STAFF" } });
await prisma.user.create({ data: { email: "reset@bench.test", name: "Waiting Person", passwordHash: "x", role: "CLIENT" } });
const type = await prisma.eventType.create({ data: { name: "Benchmark", isPublic: true } });
const startsAt = new Date(Date.now() + 7 * 24 * 3600_000);
const event = await prisma.event.create({
  data: {
    slug: "bench-email",
    name: "Annual meeting",
    startsAt,
    endsAt: new Date(startsAt.getTime() + 3 * 3600_000),
    timeZone: "America/Sao_Paulo",
    typeId: type.id,
    seats: total,
    responsibleId: staff.id,
    status: "CONFIRMED",
    onlineUrl: "https://meet.example/annual",
  },
});
await sql.query(
  `INSERT INTO "Registration" (id, "eventId", name, email, locale, status, source, "updatedAt")
   SELECT gen_random_uuid(), $1::uuid, 'Participant ' || i, 'p' || i || '@bench.test',
          (ARRAY['en','pt-BR','fi'])[1 + i % 3], 'REGISTERED', 'PUBLIC', now()
   FROM generate_series(1, $2::int) AS i`,
  [event.id, total],
);
await prisma.event.update({ where: { id: event.id }, data: { registeredCount: total } });
const actor = (await loadActor(prisma, staff.id))!;
// This process plays the web instance: it queues work, the worker process sends.
const producer = await startJobs(database, { work: false });

interface Result {
  transport: string;
  queueSeconds: number;
  perSecond: number;
  resetWaitSeconds: number;
  peakJobs: number;
  failed: number;
}
const results: Result[] = [];

for (const name of transports) {
  await sql.query(`DELETE FROM "EmailMessage"`);
  const { env, close, describe } = await transportEnv(name);

  const queued = performance.now();
  const { count } = await sendStatusEmails(prisma, actor, event.id);
  const queueSeconds = (performance.now() - queued) / 1000;
  if (count !== total) throw new Error(`queued ${count}, expected ${total}`);

  let peakJobs = 0;
  const sampleJobs = setInterval(() => {
    sql
      .query<{ n: number }>(`SELECT count(*)::int AS n FROM pgboss.job WHERE state IN ('created', 'retry', 'active')`)
      .then(([row]) => (peakJobs = Math.max(peakJobs, row.n)))
      .catch(() => {});
  }, 100);

  const worker = startWorker(env);
  try {
    // The password reset arrives once the backlog is draining.
    await until(async () => (await sentCount()) >= Math.min(1000, total / 5), "the backlog to start draining");
    const resetAsked = performance.now();
    const resetId = await requestPasswordReset(prisma, "reset@bench.test", (token) => `http://127.0.0.1/reset-password/${token}`);
    // Wake the worker as a web instance would (the one bounded wake-up job).
    await producer.boss.send(QUEUES.emailWake, {});
    await until(
      async () => (await sql.query<{ status: string }>(`SELECT status FROM "EmailMessage" WHERE id = $1`, [resetId]))[0]?.status === "SENT",
      "the password reset to be sent",
    );
    const resetWaitSeconds = (performance.now() - resetAsked) / 1000;

    await until(async () => (await settledCount()) >= total + 1, "the backlog to drain");
    const [span] = await sql.query<{ first: Date; last: Date; failed: number }>(
      `SELECT min("sentAt") AS first, max("sentAt") AS last, count(*) FILTER (WHERE status = 'FAILED')::int AS failed FROM "EmailMessage" WHERE template = 'eventStatus'`,
    );
    const perSecond = total / Math.max((span.last.getTime() - span.first.getTime()) / 1000, 0.001);
    results.push({ transport: describe, queueSeconds, perSecond, resetWaitSeconds, peakJobs, failed: span.failed });
    console.log(
      `${describe}: queued in ${queueSeconds.toFixed(2)} s, ${perSecond.toFixed(0)} e-mails/s, reset waited ${resetWaitSeconds.toFixed(2)} s, peak jobs ${peakJobs}`,
    );
  } finally {
    clearInterval(sampleJobs);
    await stopWorker(worker);
    await close();
  }
}

console.log(`\nStatus e-mail to ${total} participants, worker process on PostgreSQL (${process.env.BENCH_LABEL ?? "this machine"}):`);
console.log("| transport | queue (s) | delivered/s | password reset waited (s) | peak pg-boss jobs | failed |");
console.log("|---|---|---|---|---|---|");
for (const r of results) {
  console.log(`| ${r.transport} | ${r.queueSeconds.toFixed(2)} | ${r.perSecond.toFixed(0)} | ${r.resetWaitSeconds.toFixed(2)} | ${r.peakJobs} | ${r.failed} |`);
}
await stopJobs(producer);
await closeDatabase(database);

async function transportEnv(name: string): Promise<{ env: Record<string, string>; close: () => Promise<void>; describe: string }> {
  if (name === "log") return { env: {}, close: async () => {}, describe: "log" };
  if (name === "smtp") {
    const receiver = await startSmtpReceiver({ parse: false });
    return {
      env: { SMTP_URL: receiver.url(), EMAIL_FROM: "Portico <no-reply@bench.test>" },
      close: () => receiver.close(),
      describe: "SMTP (local receiver, 5 connections)",
    };
  }
  if (name === "resend") {
    const standIn = await startResendStandIn({ ratePerSecond: resendRate });
    return {
      env: { RESEND_API_KEY: "re_bench", RESEND_BASE_URL: standIn.baseUrl, EMAIL_FROM: "Portico <no-reply@bench.test>", EMAIL_SEND_RATE: String(resendRate) },
      close: async () => {
        console.log(
          `  Resend stand-in: ${standIn.requests.length} requests, ${standIn.rateLimited} answered 429; limit allows ${resendRate * 100} e-mails/s with 100 per batch`,
        );
        await standIn.close();
      },
      describe: `Resend stand-in (${resendRate} requests/s)`,
    };
  }
  throw new Error(`Unknown transport "${name}" (log, smtp, resend)`);
}

function startWorker(env: Record<string, string>): ChildProcess {
  return spawn("npx", ["--no-install", "tsx", "lib/jobs/worker-main.ts"], {
    env: { ...process.env, DATABASE_URL: url.toString(), AUTH_SECRET: "bench-only", PORTICO_SEED_DEMO: "0", ...env },
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
  });
}

async function stopWorker(child: ChildProcess) {
  const exited = new Promise((resolve) => child.once("exit", resolve));
  try {
    process.kill(-child.pid!, "SIGTERM");
  } catch {
    return;
  }
  await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
  try {
    process.kill(-child.pid!, "SIGKILL");
  } catch {
    // stopped cleanly
  }
}

async function sentCount() {
  return (await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "EmailMessage" WHERE status = 'SENT'`))[0].n;
}
async function settledCount() {
  return (await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "EmailMessage" WHERE status IN ('SENT', 'FAILED')`))[0].n;
}

async function until(condition: () => Promise<boolean>, what: string) {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > TIME_LIMIT_MS) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
