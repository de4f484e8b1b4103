// The e-mail job on real pg-boss: a transport failure is retried with backoff
// until the message is sent, once; the sweep delivers what was never queued.
// Also the health report (database + queue) that /api/health serves.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueueEmail, type EmailTransport } from "@/lib/email";
import { healthReport } from "@/lib/health";
import { startJobs, stopJobs, type Jobs } from "@/lib/jobs/worker";
import { sweepOutbox } from "@/lib/jobs/outbox-sweep";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

let t: TestDatabase;
let jobs: Jobs;
let calls: string[] = [];
let failuresLeft = 1;

const flaky: EmailTransport = {
  name: "flaky",
  async send(message) {
    calls.push(message.id);
    if (failuresLeft > 0) {
      failuresLeft--;
      throw new Error("SMTP relay unavailable");
    }
    return { providerId: `ok-${message.id}` };
  },
};

async function waitFor<T>(read: () => Promise<T>, done: (v: T) => boolean, timeoutMs = 45_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() - started > timeoutMs) return value;
    await new Promise((r) => setTimeout(r, 250));
  }
}

const props = { name: "Ana", resetUrl: "http://portico.test/reset-password/x", minutes: 60 };

beforeAll(async () => {
  t = await createTestDatabase();
  jobs = await startJobs(t, { work: true, transport: flaky, pollingIntervalSeconds: 0.5 });
});
afterAll(async () => {
  await stopJobs(jobs);
  await t.destroy();
});

describe("e-mail job", () => {
  it("retries after a transport failure and sends exactly once", async () => {
    calls = [];
    failuresLeft = 1;
    const id = await enqueueEmail(t.prisma, { to: "ana@portico.test", locale: "en", template: "passwordReset", props });
    await jobs.boss.send("email.deliver", { id });
    const first = await waitFor(() => t.prisma.emailMessage.findUniqueOrThrow({ where: { id } }), (m) => m.attempts >= 1 && m.status !== "SENDING");
    expect(first).toMatchObject({ status: "QUEUED", attempts: 1, lastError: "[flaky] SMTP relay unavailable" });
    const sent = await waitFor(() => t.prisma.emailMessage.findUniqueOrThrow({ where: { id } }), (m) => m.status === "SENT");
    expect(sent).toMatchObject({ status: "SENT", attempts: 2, providerId: `ok-${id}`, lastError: null });
    expect(calls).toEqual([id, id]);
  }, 60_000);

  it("the sweep queues a message whose job was never sent", async () => {
    calls = [];
    failuresLeft = 0;
    const id = await enqueueEmail(t.prisma, { to: "bo@portico.test", locale: "fi", template: "passwordReset", props });
    expect(await sweepOutbox(t.prisma, jobs.boss, 0)).toBe(1);
    const sent = await waitFor(() => t.prisma.emailMessage.findUniqueOrThrow({ where: { id } }), (m) => m.status === "SENT");
    expect(sent.status).toBe("SENT");
    expect(calls).toEqual([id]);
  }, 60_000);
});

describe("health report", () => {
  it("is ok with the database and the queue up", async () => {
    const report = await healthReport(t, Promise.resolve(jobs));
    expect(report).toMatchObject({ ok: true, database: { ok: true }, queue: { ok: true, worker: true } });
  });

  it("is not ok when the queue has not started", async () => {
    const report = await healthReport(t, undefined);
    expect(report).toMatchObject({ ok: false, database: { ok: true }, queue: { ok: false } });
  });

  it("is not ok when the database does not answer", async () => {
    const broken = { ...t, sql: { ...t.sql, query: () => Promise.reject(new Error("connection refused")) } };
    const report = await healthReport(broken, Promise.resolve(jobs));
    expect(report).toMatchObject({ ok: false, database: { ok: false, detail: "connection refused" } });
  });
});
