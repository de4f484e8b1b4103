// The worker's sender on real pg-boss: queued mail is sent once, a transport
// failure is retried after its delay, a web process without a sender wakes the
// worker through one bounded job, and the health report (database + queue).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueueEmail, type EmailTransport } from "@/lib/email";
import { healthReport } from "@/lib/health";
import { notifyOutbox } from "@/lib/jobs/notify";
import { QUEUES } from "@/lib/jobs/queues";
import { processJobs, startJobs, stopJobs, type Jobs } from "@/lib/jobs/worker";
import { withTestDatabase } from "../helpers/db-test";

const t = withTestDatabase();
let worker: Jobs;
let calls: string[] = [];
let failuresLeft = 0;

const flaky: EmailTransport = {
  name: "flaky",
  concurrency: 4,
  async send(message) {
    calls.push(message.id);
    if (failuresLeft > 0) {
      failuresLeft--;
      throw new Error("SMTP relay unavailable");
    }
    return { providerId: `ok-${message.id}` };
  },
};

async function waitFor<T>(read: () => Promise<T>, done: (v: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() - started > timeoutMs) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

const props = { name: "Ana", resetUrl: "http://portico.test/reset-password/x", minutes: 60 };
const message = (id: string) => t.prisma.emailMessage.findUniqueOrThrow({ where: { id } });

beforeAll(async () => {
  // A long poll: in these tests mail leaves because something woke the sender.
  worker = await startJobs(t, { work: true, transport: flaky, sender: { pollMs: 60_000, retryDelayMs: () => 500 } });
});
afterAll(async () => {
  await stopJobs(worker);
});

describe("the worker's sender", () => {
  it("sends queued mail when woken, and retries a failure after its delay, once", async () => {
    calls = [];
    failuresLeft = 1;
    const id = await enqueueEmail(t.prisma, { to: "ana@portico.test", locale: "en", template: "passwordReset", props });
    worker.sender!.wake();
    const first = await waitFor(
      () => message(id),
      (m) => m.attempts >= 1 && m.status !== "SENDING",
    );
    expect(first).toMatchObject({ status: "QUEUED", attempts: 1, lastError: "[flaky] SMTP relay unavailable" });
    // Nothing wakes it now: the retry is found by the sender's own schedule.
    worker.sender!.wake();
    const sent = await waitFor(
      () => message(id),
      (m) => m.status === "SENT",
    );
    expect(sent).toMatchObject({ status: "SENT", attempts: 2, providerId: `ok-${id}`, lastError: null });
    expect(calls).toEqual([id, id]);
  });

  it("a process without a sender wakes the worker through at most one queued job, whatever the backlog", async () => {
    calls = [];
    failuresLeft = 0;
    const web = await startJobs(t, { work: false });
    try {
      const ids: string[] = [];
      for (let i = 0; i < 300; i++) ids.push(await enqueueEmail(t.prisma, { to: `web${i}@portico.test`, locale: "en", template: "passwordReset", props }));
      let peak = 0;
      for (let i = 0; i < 50; i++) {
        await web.boss.send(QUEUES.emailWake, {});
        peak = Math.max(peak, await web.boss.getQueueSize(QUEUES.emailWake));
      }
      expect(peak).toBeLessThanOrEqual(1);
      await waitFor(
        () => t.prisma.emailMessage.count({ where: { id: { in: ids }, status: "SENT" } }),
        (n) => n === 300,
      );
      expect(await t.prisma.emailMessage.count({ where: { id: { in: ids }, status: "SENT", attempts: 1 } })).toBe(300);
      expect(new Set(calls).size).toBe(300);
      expect(calls).toHaveLength(300);
    } finally {
      await stopJobs(web);
    }
  });
});

describe("health report", () => {
  it("is ok with the database and the queue up", async () => {
    const report = await healthReport(t, Promise.resolve(worker));
    expect(report).toMatchObject({ ok: true, database: { ok: true }, queue: { ok: true, worker: true } });
  });

  it("is not ok when the queue has not started", async () => {
    const report = await healthReport(t, undefined);
    expect(report).toMatchObject({ ok: false, database: { ok: true }, queue: { ok: false } });
  });

  it("is not ok when the database does not answer", async () => {
    const broken = { ...t, sql: { ...t.sql, query: () => Promise.reject(new Error("connection refused")) } };
    const report = await healthReport(broken, Promise.resolve(worker));
    expect(report).toMatchObject({ ok: false, database: { ok: false, detail: "connection refused" } });
  });
});

// Last: it makes the worker this process's global jobs (the health report's default).
describe("notifyOutbox", () => {
  it("notifyOutbox wakes this process's own sender directly", async () => {
    calls = [];
    const globalJobs = processJobs(async () => worker);
    expect(await globalJobs).toBe(worker);
    const id = await enqueueEmail(t.prisma, { to: "self@portico.test", locale: "en", template: "passwordReset", props });
    await notifyOutbox([id]);
    expect(
      (
        await waitFor(
          () => message(id),
          (m) => m.status === "SENT",
          5_000,
        )
      ).status,
    ).toBe("SENT");
  });
});

describe("upgrading from one job per message", () => {
  it("deletes the old queues, their schedule and their jobs at start-up", async () => {
    const old = await startJobs(t, { work: false });
    try {
      for (const name of ["email.deliver", "email.sweep"]) await old.boss.createQueue(name, { name });
      await old.boss.schedule("email.sweep", "* * * * *", {});
      for (let i = 0; i < 20; i++) await old.boss.send("email.deliver", { id: `old-${i}` });
      await old.boss.send("email.sweep", {});
    } finally {
      await stopJobs(old);
    }
    const upgraded = await startJobs(t, { work: false });
    try {
      expect(await upgraded.boss.getQueue("email.deliver")).toBeNull();
      expect(await upgraded.boss.getQueue("email.sweep")).toBeNull();
      const [left] = await t.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM pgboss.job WHERE name IN ('email.deliver', 'email.sweep')`);
      expect(left.n).toBe(0);
    } finally {
      await stopJobs(upgraded);
    }
  });
});
