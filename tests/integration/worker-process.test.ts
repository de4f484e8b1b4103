// The standalone worker as deployments run it (`npm run worker`: node --import
// tsx lib/jobs/worker-main.ts, plain Node, no Next.js), against a fresh
// PostgreSQL database (the embedded one belongs to a single process):
//  - it starts (migrating the empty database) and says so;
//  - an e-mail queued by another process (here the test, as a web instance with
//    PORTICO_WORKER=off does) is delivered (log transport) within 30 s, and the
//    wake-up that process sends through the job queue is taken by the worker;
//  - SIGTERM stops it gracefully with exit code 0.
// It is started as `npm run worker` starts it, without npm: npm runs scripts
// under `sh -c`, which dies of the signal itself, so npm's exit status would be
// the signal's and not the worker's.
import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueueEmail } from "@/lib/email/outbox";
import { notifyOutbox } from "@/lib/jobs/notify";
import { QUEUES } from "@/lib/jobs/queues";
import { currentJobs, processJobs, startJobs, stopJobs } from "@/lib/jobs/worker";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-db";

const postgres = Boolean(process.env.TEST_DATABASE_URL);
const skipNote = postgres ? "" : " (skipped: PostgreSQL only, the embedded database cannot be shared with another process; set TEST_DATABASE_URL)";

let t: TestDatabase;
let worker: ChildProcess | undefined;
let output = "";
let exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

beforeAll(async () => {
  if (!postgres) return;
  t = await createTestDatabase({ migrate: false }); // the worker migrates it
  worker = spawn(process.execPath, ["--import", "tsx", "lib/jobs/worker-main.ts"], {
    env: { ...process.env, DATABASE_URL: t.url!, AUTH_SECRET: "test", PORTICO_SEED_DEMO: "0", RESEND_API_KEY: "", SMTP_URL: "" },
    detached: true, // its own process group, killed whole in afterAll
    stdio: ["ignore", "pipe", "pipe"],
  });
  worker.stdout!.on("data", (chunk) => (output += chunk));
  worker.stderr!.on("data", (chunk) => (output += chunk));
  exited = new Promise((resolve) => worker!.once("exit", (code, signal) => resolve({ code, signal })));
});

afterAll(async () => {
  try {
    if (worker?.pid && worker.exitCode === null && worker.signalCode === null) process.kill(-worker.pid, "SIGKILL");
  } catch {
    // already gone
  }
  const jobs = await currentJobs()?.catch(() => undefined);
  if (jobs) await stopJobs(jobs);
  await t?.destroy();
});

async function until<T>(probe: () => T | Promise<T>, timeoutMs: number, what: string): Promise<NonNullable<T>> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value;
    const gone = worker?.exitCode !== null || worker?.signalCode !== null;
    if (gone || Date.now() - started > timeoutMs) {
      // The output goes to the log, not into the error: it may hold source maps that confuse the reporter.
      console.error(`worker output:\n${output.replace(/^.*sourceMappingURL.*$/gm, "")}`);
      throw new Error(
        gone
          ? `the worker exited (${worker?.exitCode ?? worker?.signalCode}) while waiting for ${what}`
          : `timed out after ${timeoutMs} ms waiting for ${what}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.skipIf(!postgres)(`the standalone worker process${skipNote}`, () => {
  it("starts on a fresh database and logs it", async () => {
    await until(() => /\[worker\] running/.test(output), 60_000, "the start-up line");
    expect(output).toMatch(/\[migrate\] \d+ migration\(s\) applied/);
    expect(output).toMatch(/\[startup\] database: postgres; job worker: in this process/);
    expect(output).not.toMatch(/server-only|Client Component/);
  }, 90_000);

  it("delivers an e-mail another process queued, once woken through the job queue", async () => {
    const id = await enqueueEmail(t.prisma, {
      to: "ana@portico.test",
      locale: "en",
      template: "passwordReset",
      props: { name: "Ana", resetUrl: "http://x.test/reset-password/abc", minutes: 60 },
    });
    // As a web instance with PORTICO_WORKER=off: pg-boss as a producer only.
    await processJobs(() => startJobs(t, { work: false }));
    await notifyOutbox([id]);

    const started = Date.now();
    const sent = await until(
      async () => {
        const row = await t.prisma.emailMessage.findUnique({ where: { id }, select: { status: true, attempts: true, providerId: true } });
        return row?.status === "SENT" ? row : null;
      },
      30_000,
      "the e-mail to be SENT",
    );
    expect(sent).toMatchObject({ status: "SENT", attempts: 1 });
    expect(sent.providerId).toBeTruthy();
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(output).toContain(`id=${id}`); // the log transport's line, printed by the worker

    // The wake-up crossed processes: the worker's pg-boss handler completed it.
    await until(
      async () =>
        (await t.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND state = 'completed'`, [QUEUES.emailWake]))[0].n > 0,
      10_000,
      "the worker to take the wake-up job",
    );
  }, 45_000);

  it("stops cleanly on SIGTERM with exit code 0", async () => {
    process.kill(worker!.pid!, "SIGTERM");
    const exit = await Promise.race([exited, new Promise<never>((_, reject) => setTimeout(() => reject(new Error("no exit within 20 s")), 20_000))]);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(output).toMatch(/\[worker\] SIGTERM received; stopping/);
    expect(output).toMatch(/\[worker\] stopped/);
  }, 30_000);
});
