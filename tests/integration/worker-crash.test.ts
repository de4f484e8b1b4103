// Crash safety of the real worker process (PostgreSQL only: the embedded
// database belongs to one process). The worker is killed with SIGKILL in the
// middle of a batch to a slow receiver and started again: every message is
// delivered, none lost, and only messages in flight at the kill are handed
// over twice — through Resend with the same idempotency key, so none arrives twice.
import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { enqueueBulkEmails } from "@/lib/email/outbox";
import { startResendStandIn } from "@/tests/helpers/resend-standin";
import { startSmtpReceiver } from "@/tests/helpers/smtp-receiver";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-db";

const postgres = Boolean(process.env.TEST_DATABASE_URL);
const LEASE_SECONDS = 3;
const COUNT = 300;

let t: TestDatabase;
const children: ChildProcess[] = [];

beforeAll(async () => {
  if (postgres) t = await createTestDatabase();
});
afterEach(() => children.splice(0).forEach(kill));
afterAll(async () => {
  await t?.destroy();
});

function startWorker(env: Record<string, string>): ChildProcess {
  const child = spawn("npx", ["--no-install", "tsx", "lib/jobs/worker-main.ts"], {
    env: {
      ...process.env,
      DATABASE_URL: t.url!,
      AUTH_SECRET: "crash-test",
      PORTICO_SEED_DEMO: "0",
      EMAIL_CLAIM_LEASE_SECONDS: String(LEASE_SECONDS),
      EMAIL_FROM: "Portico <no-reply@portico.test>",
      ...env,
    },
    detached: true, // its own process group: npx, node and tsx die together
    stdio: ["ignore", "ignore", "inherit"],
  });
  children.push(child);
  return child;
}

function kill(child: ChildProcess) {
  try {
    process.kill(-child.pid!, "SIGKILL");
  } catch {
    // already gone
  }
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string) {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function queueBacklog(tag: string): Promise<string[]> {
  const props = { name: "Ana", resetUrl: "https://portico.example/reset-password/x", minutes: 30 };
  const { emailIds } = await t.prisma.$transaction((tx) =>
    enqueueBulkEmails(
      tx,
      { template: "passwordReset" },
      Array.from({ length: COUNT }, (_, i) => ({ to: `${tag}${i}@portico.test`, locale: "en", props })),
    ),
  );
  return emailIds;
}

const sentIds = async (ids: string[]) =>
  new Set((await t.prisma.emailMessage.findMany({ where: { id: { in: ids }, status: "SENT" }, select: { id: true } })).map((m) => m.id));

function counts(values: string[]) {
  const byValue = new Map<string, number>();
  for (const v of values) byValue.set(v, (byValue.get(v) ?? 0) + 1);
  return byValue;
}

describe.skipIf(!postgres)("the worker killed mid-batch (PostgreSQL)", () => {
  it("SMTP: all delivered after a restart; only messages in flight at the kill twice, with the same Message-ID", async () => {
    const receiver = await startSmtpReceiver({ delayMs: 40, parse: false });
    try {
      const ids = await queueBacklog("smtp");
      const idOf = (messageId: string | undefined) => messageId?.replace(/^<|@.*$/g, "") ?? "";
      const first = startWorker({ SMTP_URL: receiver.url() });
      await until(() => receiver.messages.length >= 100, 60_000, "100 messages at the receiver");
      kill(first);
      await new Promise((r) => first.once("exit", r));
      const receivedBeforeKill = new Set(receiver.messages.map((m) => idOf(m.messageId)));
      const recordedBeforeKill = await sentIds(ids);
      const inFlight = [...receivedBeforeKill].filter((id) => !recordedBeforeKill.has(id));
      expect(receivedBeforeKill.size).toBeLessThan(COUNT); // the kill really was mid-backlog
      expect(await t.prisma.emailMessage.count({ where: { id: { in: ids }, status: "SENDING" } })).toBeGreaterThan(0);

      const restarted = Date.now();
      startWorker({ SMTP_URL: receiver.url() });
      await until(async () => (await sentIds(ids)).size === COUNT, 60_000, "every message SENT");
      const recoverySeconds = (Date.now() - restarted) / 1000;

      const deliveries = counts(receiver.messages.map((m) => idOf(m.messageId)));
      for (const id of ids) expect(deliveries.get(id), `message ${id} delivered`).toBeGreaterThanOrEqual(1);
      const twice = [...deliveries].filter(([, n]) => n > 1).map(([id]) => id);
      for (const id of twice) expect(inFlight, `${id} was delivered twice but was not in flight at the kill`).toContain(id);
      expect(Math.max(...deliveries.values())).toBeLessThanOrEqual(2);
      expect(twice.length).toBeLessThanOrEqual(inFlight.length);
      // Recovery waits for the lease, not for a ten-minute staleness rule.
      expect(recoverySeconds).toBeLessThan(LEASE_SECONDS + 30);
    } finally {
      await receiver.close();
    }
  }, 150_000);

  it("Resend: a re-sent claim repeats its idempotency key, so nothing arrives twice", async () => {
    const standIn = await startResendStandIn({ ratePerSecond: 50, delayMs: 300 });
    try {
      const ids = await queueBacklog("resend");
      const env = { RESEND_API_KEY: "re_crash_test", RESEND_BASE_URL: standIn.baseUrl, EMAIL_SEND_RATE: "50" };
      const first = startWorker(env);
      await until(() => standIn.requests.length >= 2, 60_000, "two batch requests");
      kill(first);
      await new Promise((r) => first.once("exit", r));
      const keysBeforeKill = new Set(standIn.requests.map((r) => r.idempotencyKey));

      startWorker(env);
      await until(async () => (await sentIds(ids)).size === COUNT, 60_000, "every message SENT");

      // Each message reached Resend's mailbox once, whatever was re-sent.
      const delivered = counts(standIn.emails.map((e) => e.to.join(",")));
      expect(delivered.size).toBe(COUNT);
      expect(Math.max(...delivered.values())).toBe(1);
      // Every message was only ever requested under one key: a claim re-sent
      // after the kill repeated the key of its first request.
      const keysOf = new Map<string, Set<string | undefined>>();
      for (const request of standIn.requests) {
        const body = Array.isArray(request.body) ? request.body : [request.body];
        for (const email of body as { to: string[] }[])
          keysOf.set(email.to.join(","), (keysOf.get(email.to.join(",")) ?? new Set()).add(request.idempotencyKey));
      }
      expect(keysOf.size).toBe(COUNT);
      expect([...keysOf.values()].every((keys) => keys.size === 1)).toBe(true);
      const resent = standIn.requests.slice(keysBeforeKill.size).filter((r) => keysBeforeKill.has(r.idempotencyKey));
      expect(resent.length).toBeGreaterThan(0); // the kill really caught a request in flight
      // Provider ids recorded for the batch-sent rows come from the stand-in.
      const rows = await t.prisma.emailMessage.findMany({ where: { id: { in: ids } }, select: { providerId: true } });
      expect(new Set(rows.map((r) => r.providerId)).size).toBe(COUNT);
    } finally {
      await standIn.close();
    }
  }, 150_000);
});
