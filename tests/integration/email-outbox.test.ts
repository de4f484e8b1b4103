// The e-mail outbox on a real database (PGlite, or PostgreSQL with TEST_DATABASE_URL):
// enqueue in the caller's transaction, at-most-once delivery, retries and admin reads.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  deliverEmail,
  dueEmailIds,
  enqueueEmail,
  getEmail,
  listOutbox,
  resendTransport,
  retryEmail,
  type EmailTransport,
  type OutgoingEmail,
} from "@/lib/email";
import type { DbOrTx } from "@/lib/db";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-db";
import { startFakeResend } from "./email-fake-resend";

let database: TestDatabase;
let prisma: TestDatabase["prisma"];

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = database.prisma;
});
afterAll(async () => {
  await database?.destroy();
});

const resetProps = { name: "Ana", resetUrl: "https://portico.example/reset-password/abc123", minutes: 30 };

function enqueueReset(db: DbOrTx, to = "ana@example.com") {
  return enqueueEmail(db, { to, locale: "en", template: "passwordReset", props: resetProps });
}

/** A transport whose behaviour per call is scripted; records what it was given. */
function scriptedTransport(script: (call: number, message: OutgoingEmail) => Promise<void> | void = () => {}) {
  const calls: OutgoingEmail[] = [];
  const transport: EmailTransport = {
    name: "test",
    async send(message) {
      calls.push(message);
      await script(calls.length, message);
      return { providerId: `test-${message.id}` };
    },
  };
  return { transport, calls };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe("enqueueEmail", () => {
  it("stores the rendered e-mail as QUEUED and returns its id", async () => {
    const id = await enqueueReset(prisma);
    const row = await getEmail(prisma, id);
    expect(row).toMatchObject({
      id,
      to: "ana@example.com",
      locale: "en",
      template: "passwordReset",
      subject: "Reset your Portico password",
      status: "QUEUED",
      attempts: 0,
      lastError: null,
      providerId: null,
      sentAt: null,
    });
    expect(row!.html).toContain(resetProps.resetUrl);
    expect(row!.text).toContain(resetProps.resetUrl);
  });

  it("rejects a recipient that is not an e-mail address", async () => {
    await expect(enqueueReset(prisma, "not-an-address")).rejects.toThrow(/Not an e-mail address/);
  });

  it("leaves no e-mail when the caller's transaction rolls back", async () => {
    const to = `rollback-${randomUUID()}@example.com`;
    let enqueued: string | undefined;
    await expect(
      prisma.$transaction(async (tx) => {
        enqueued = await enqueueReset(tx, to);
        throw new Error("business rule failed");
      }),
    ).rejects.toThrow("business rule failed");
    expect(enqueued).toBeDefined();
    expect(await prisma.emailMessage.count({ where: { to } })).toBe(0);
    expect(await getEmail(prisma, enqueued!)).toBeNull();
  });

  it("keeps the e-mail when the caller's transaction commits", async () => {
    const to = `commit-${randomUUID()}@example.com`;
    const id = await prisma.$transaction((tx) => enqueueReset(tx, to));
    expect(await prisma.emailMessage.count({ where: { to } })).toBe(1);
    expect((await getEmail(prisma, id))!.status).toBe("QUEUED");
  });
});

describe("deliverEmail", () => {
  it("fails once, then sends, then does nothing", async () => {
    const id = await enqueueReset(prisma);
    const { transport, calls } = scriptedTransport((n) => {
      if (n === 1) throw new Error("provider unavailable");
    });

    await expect(deliverEmail(prisma, id, transport)).rejects.toThrow("provider unavailable");
    let row = await getEmail(prisma, id);
    expect(row).toMatchObject({ status: "QUEUED", attempts: 1, providerId: null, sentAt: null });
    expect(row!.lastError).toContain("provider unavailable");

    await expect(deliverEmail(prisma, id, transport)).resolves.toEqual({
      id,
      outcome: "sent",
      providerId: `test-${id}`,
      attempts: 2,
    });
    row = await getEmail(prisma, id);
    expect(row).toMatchObject({ status: "SENT", attempts: 2, providerId: `test-${id}`, lastError: null });
    expect(row!.sentAt).toBeInstanceOf(Date);

    await expect(deliverEmail(prisma, id, transport)).resolves.toEqual({ id, outcome: "skipped", reason: "sent" });
    expect(calls).toHaveLength(2);
    expect(calls[1]).toMatchObject({ id, to: "ana@example.com", subject: "Reset your Portico password" });
    expect(calls[1].html).toContain(resetProps.resetUrl);
    expect(calls[1].text).toContain(resetProps.resetUrl);
    expect((await getEmail(prisma, id))!.attempts).toBe(2);
  });

  it("marks the message FAILED when attempts reach maxAttempts, and stops", async () => {
    const id = await enqueueReset(prisma);
    const { transport, calls } = scriptedTransport(() => {
      throw new Error("mailbox rejected");
    });
    await expect(deliverEmail(prisma, id, transport, { maxAttempts: 2 })).rejects.toThrow("mailbox rejected");
    expect(await getEmail(prisma, id)).toMatchObject({ status: "QUEUED", attempts: 1 });
    await expect(deliverEmail(prisma, id, transport, { maxAttempts: 2 })).rejects.toThrow("mailbox rejected");
    const row = await getEmail(prisma, id);
    expect(row).toMatchObject({ status: "FAILED", attempts: 2 });
    expect(row!.lastError).toContain("mailbox rejected");

    await expect(deliverEmail(prisma, id, transport, { maxAttempts: 2 })).resolves.toEqual({
      id,
      outcome: "skipped",
      reason: "failed",
    });
    expect(calls).toHaveLength(2);
  });

  it("uses 5 attempts by default", async () => {
    const id = await enqueueReset(prisma);
    const { transport } = scriptedTransport(() => {
      throw new Error("down");
    });
    for (let i = 1; i <= 4; i++) {
      await expect(deliverEmail(prisma, id, transport)).rejects.toThrow("down");
      expect(await getEmail(prisma, id)).toMatchObject({ status: "QUEUED", attempts: i });
    }
    await expect(deliverEmail(prisma, id, transport)).rejects.toThrow("down");
    expect(await getEmail(prisma, id)).toMatchObject({ status: "FAILED", attempts: 5 });
  });

  it("skips a missing message without sending", async () => {
    const { transport, calls } = scriptedTransport();
    await expect(deliverEmail(prisma, randomUUID(), transport)).resolves.toMatchObject({ outcome: "skipped", reason: "missing" });
    await expect(deliverEmail(prisma, "not-a-uuid", transport)).resolves.toMatchObject({ outcome: "skipped", reason: "missing" });
    expect(calls).toHaveLength(0);
  });

  it("sends at most once when two deliveries of the same message race", async () => {
    for (const delay of [0, 25]) {
      const ids = await Promise.all([1, 2, 3].map(() => enqueueReset(prisma)));
      const { transport, calls } = scriptedTransport(() => sleep(delay));
      const results = await Promise.all(ids.flatMap((id) => [deliverEmail(prisma, id, transport), deliverEmail(prisma, id, transport)]));
      for (const id of ids) {
        expect(calls.filter((c) => c.id === id)).toHaveLength(1);
        const mine = results.filter((r) => r.id === id).map((r) => r.outcome).sort();
        expect(mine).toEqual(["sent", "skipped"]);
        expect(await getEmail(prisma, id)).toMatchObject({ status: "SENT", attempts: 1 });
      }
    }
  });

  it("leaves a message another sender is sending right now alone", async () => {
    const id = await enqueueReset(prisma);
    await prisma.emailMessage.update({ where: { id }, data: { status: "SENDING", attempts: 1 } });
    const { transport, calls } = scriptedTransport();
    await expect(deliverEmail(prisma, id, transport)).resolves.toEqual({ id, outcome: "skipped", reason: "in-flight" });
    expect(calls).toHaveLength(0);
    expect(await getEmail(prisma, id)).toMatchObject({ status: "SENDING", attempts: 1 });
  });

  it("re-sends a message whose sender died mid-send, with the message id as idempotency key", async () => {
    const id = await enqueueReset(prisma);
    // The state a crash leaves: claimed (SENDING, attempts 1) long ago, never finished.
    const longAgo = new Date(Date.now() - 60 * 60_000);
    await prisma.emailMessage.update({ where: { id }, data: { status: "SENDING", attempts: 1, updatedAt: longAgo } });
    expect((await getEmail(prisma, id))!.updatedAt.getTime()).toBe(longAgo.getTime());
    expect(await dueEmailIds(prisma, { limit: 1000 })).toContain(id);

    const server = await startFakeResend(() => ({ status: 200, body: { id: "re-123" } }));
    try {
      const transport = resendTransport("re_test_key", "Portico <no-reply@portico.example>", { baseUrl: server.baseUrl });
      await expect(deliverEmail(prisma, id, transport)).resolves.toEqual({ id, outcome: "sent", providerId: "re-123", attempts: 2 });
      expect(server.requests).toHaveLength(1);
      expect(server.requests[0].headers["idempotency-key"]).toBe(id);
      expect(server.requests[0].body).toMatchObject({ to: "ana@example.com", subject: "Reset your Portico password" });
    } finally {
      await server.close();
    }
    expect(await getEmail(prisma, id)).toMatchObject({ status: "SENT", attempts: 2, providerId: "re-123" });
  });

  it("records the provider's error message and rethrows it", async () => {
    const id = await enqueueReset(prisma);
    const server = await startFakeResend(() => ({
      status: 429,
      body: { statusCode: 429, name: "rate_limit_exceeded", message: "Too many requests." },
    }));
    try {
      const transport = resendTransport("re_test_key", "Portico <no-reply@portico.example>", { baseUrl: server.baseUrl });
      await expect(deliverEmail(prisma, id, transport)).rejects.toThrow("Too many requests.");
      expect(server.requests[0].headers["idempotency-key"]).toBe(id);
    } finally {
      await server.close();
    }
    const row = await getEmail(prisma, id);
    expect(row).toMatchObject({ status: "QUEUED", attempts: 1 });
    expect(row!.lastError).toContain("Too many requests.");
  });

  it("uses the log transport by default (no RESEND_API_KEY)", async () => {
    vi.stubEnv("RESEND_API_KEY", "");
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    try {
      const id = await enqueueReset(prisma);
      await expect(deliverEmail(prisma, id)).resolves.toMatchObject({ outcome: "sent", providerId: `log-${id}` });
      expect(log).toHaveBeenCalledTimes(1);
    } finally {
      log.mockRestore();
      vi.unstubAllEnvs();
    }
  });
});

describe("retryEmail", () => {
  it("puts only a FAILED message back in the queue, keeping attempts and lastError", async () => {
    const id = await enqueueReset(prisma);
    expect(await retryEmail(prisma, id)).toBe(false); // QUEUED
    const failing = scriptedTransport(() => {
      throw new Error("hard bounce");
    });
    await expect(deliverEmail(prisma, id, failing.transport, { maxAttempts: 1 })).rejects.toThrow("hard bounce");
    expect(await getEmail(prisma, id)).toMatchObject({ status: "FAILED", attempts: 1 });

    expect(await retryEmail(prisma, id)).toBe(true);
    const row = await getEmail(prisma, id);
    expect(row).toMatchObject({ status: "QUEUED", attempts: 1 });
    expect(row!.lastError).toContain("hard bounce");
    expect(await retryEmail(prisma, id)).toBe(false); // already QUEUED

    const ok = scriptedTransport();
    await expect(deliverEmail(prisma, id, ok.transport, { maxAttempts: 1 })).resolves.toMatchObject({ outcome: "sent", attempts: 2 });
    expect(await retryEmail(prisma, id)).toBe(false); // SENT
    expect(await getEmail(prisma, id)).toMatchObject({ status: "SENT", attempts: 2, lastError: null });
  });

  it("is false for a missing or malformed id", async () => {
    expect(await retryEmail(prisma, randomUUID())).toBe(false);
    expect(await retryEmail(prisma, "nope")).toBe(false);
  });
});

describe("admin reads", () => {
  it("lists newest first, filters by status, searches recipient and subject, paginates", async () => {
    const tag = randomUUID().slice(0, 8);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push(await enqueueReset(prisma, `List.${tag}.${i}@Example.com`));
      await sleep(5); // distinct createdAt
    }
    const { transport } = scriptedTransport();
    await deliverEmail(prisma, ids[1], transport);

    const all = await listOutbox(prisma, { q: `list.${tag}`, page: 1, pageSize: 2 });
    expect(all).toMatchObject({ total: 5, page: 1, pageSize: 2, pageCount: 3 });
    expect(all.items.map((m) => m.id)).toEqual([ids[4], ids[3]]);
    expect(all.items[0]).not.toHaveProperty("html");
    expect(all.items[0]).not.toHaveProperty("text");
    const last = await listOutbox(prisma, { q: `LIST.${tag}`, page: 3, pageSize: 2 });
    expect(last.items.map((m) => m.id)).toEqual([ids[0]]);

    const sent = await listOutbox(prisma, { q: tag, status: "SENT", page: 1, pageSize: 10 });
    expect(sent.items.map((m) => m.id)).toEqual([ids[1]]);
    const queued = await listOutbox(prisma, { q: tag, status: "QUEUED", page: 1, pageSize: 10 });
    expect(queued.total).toBe(4);

    const bySubject = await listOutbox(prisma, { q: "reset your portico", page: 1, pageSize: 100 });
    expect(bySubject.items.map((m) => m.id)).toEqual(expect.arrayContaining(ids));
    const none = await listOutbox(prisma, { q: `nothing-${tag}`, page: 1, pageSize: 10 });
    expect(none).toMatchObject({ total: 0, items: [], pageCount: 1 });
  });

  it("searches for % and _ literally", async () => {
    const tag = randomUUID().slice(0, 8);
    const id = await enqueueReset(prisma, `under_score.${tag}@example.com`);
    await enqueueReset(prisma, `underxscore.${tag}@example.com`);
    expect((await listOutbox(prisma, { q: `under_score.${tag}` })).items.map((m) => m.id)).toEqual([id]);
    expect((await listOutbox(prisma, { q: `%.${tag}` })).total).toBe(0);
  });

  it("clamps page and pageSize", async () => {
    const page = await listOutbox(prisma, { page: 0, pageSize: 10_000 });
    expect(page.page).toBe(1);
    expect(page.pageSize).toBe(100);
  });

  it("getEmail returns the whole message, or null", async () => {
    const id = await enqueueReset(prisma);
    const row = await getEmail(prisma, id);
    expect(row!.html).toContain("<html");
    expect(await getEmail(prisma, randomUUID())).toBeNull();
    expect(await getEmail(prisma, "nope")).toBeNull();
  });
});

describe("dueEmailIds", () => {
  it("returns queued and stale sending messages, not live, sent or failed ones", async () => {
    const [queued, live, stale, sent, failed] = await Promise.all([1, 2, 3, 4, 5].map(() => enqueueReset(prisma)));
    await prisma.emailMessage.update({ where: { id: live }, data: { status: "SENDING" } });
    await prisma.emailMessage.update({ where: { id: stale }, data: { status: "SENDING", updatedAt: new Date(Date.now() - 3_600_000) } });
    await prisma.emailMessage.update({ where: { id: sent }, data: { status: "SENT" } });
    await prisma.emailMessage.update({ where: { id: failed }, data: { status: "FAILED" } });
    const due = await dueEmailIds(prisma, { limit: 10_000 });
    expect(due).toEqual(expect.arrayContaining([queued, stale]));
    for (const id of [live, sent, failed]) expect(due).not.toContain(id);
    expect(await dueEmailIds(prisma, { minAgeMs: 3_600_000, limit: 10_000 })).not.toContain(queued);
  });
});
