// The e-mail outbox and its sender on a real database (PGlite, or PostgreSQL
// with TEST_DATABASE_URL): enqueue in the caller's transaction, claims in
// batches, at most once per claim, priorities, lapsed claims, retries, the
// copy kept of what was sent, and the admin reads.
import { randomUUID } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  drainOutbox,
  EmailSender,
  enqueueBulkEmails,
  enqueueEmail,
  getEmail,
  listOutbox,
  renderEmail,
  retryEmail,
  SenderLoop,
  type EmailTransport,
  type OutgoingEmail,
  type SenderOptions,
} from "@/lib/email";
import type { DbOrTx } from "@/lib/db";
import { withTestDatabase, type TestDatabase } from "@/tests/helpers/db-test";

const database = withTestDatabase();
let prisma: TestDatabase["prisma"];

beforeAll(async () => {
  prisma = database.prisma;
});

const resetProps = { name: "Ana", resetUrl: "https://portico.example/reset-password/abc123", minutes: 30 };

function enqueueReset(db: DbOrTx, to = "ana@example.com") {
  return enqueueEmail(db, { to, locale: "en", template: "passwordReset", props: resetProps });
}

/** A transport whose behaviour per call is scripted; records what it was given. */
function scriptedTransport(script: (call: number, message: OutgoingEmail) => Promise<void> | void = () => {}, concurrency = 8) {
  const calls: OutgoingEmail[] = [];
  const transport: EmailTransport = {
    name: "test",
    concurrency,
    async send(message) {
      calls.push(message);
      await script(calls.length, message);
      return { providerId: `test-${message.id}` };
    },
  };
  return { transport, calls };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const now: SenderOptions = { retryDelayMs: () => 0 };
const drain = (transport: EmailTransport, options: SenderOptions = now) => drainOutbox(database.sql, transport, options);

describe("enqueueEmail", () => {
  it("stores the template, its props and the subject as QUEUED; the body is rendered when read or sent", async () => {
    const id = await enqueueReset(prisma);
    const stored = await prisma.emailMessage.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({ html: null, text: null, priority: "URGENT", props: resetProps, subject: "Reset your Portico password" });
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

describe("the sender", () => {
  beforeEach(async () => {
    await prisma.emailMessage.deleteMany();
  });

  it("sends each due message once and keeps the exact copy it sent", async () => {
    const ids = await Promise.all(Array.from({ length: 30 }, (_, i) => enqueueReset(prisma, `once${i}@example.com`)));
    const { transport, calls } = scriptedTransport();
    expect(await drain(transport)).toEqual({ claimed: 30, sent: 30, failed: 0 });
    expect(calls.map((c) => c.id).sort()).toEqual([...ids].sort());
    const rows = await prisma.emailMessage.findMany({ where: { id: { in: ids } } });
    for (const row of rows) {
      const handed = calls.find((c) => c.id === row.id)!;
      expect(row).toMatchObject({ status: "SENT", attempts: 1, providerId: `test-${row.id}`, lastError: null, leaseExpiresAt: null });
      expect(row.html).toBe(handed.html);
      expect(row.text).toBe(handed.text);
      expect(handed.html).toContain(resetProps.resetUrl);
    }
    expect(await drain(transport)).toEqual({ claimed: 0, sent: 0, failed: 0 });
    expect(calls).toHaveLength(30);
  });

  it("a failure goes back to the queue with the error and a delay; the next attempt sends", async () => {
    const id = await enqueueReset(prisma);
    const { transport, calls } = scriptedTransport((call) => {
      if (call === 1) throw new Error("provider unavailable");
    });
    expect(await drain(transport, { retryDelayMs: () => 60_000 })).toMatchObject({ claimed: 1, failed: 1 });
    const failed = await prisma.emailMessage.findUniqueOrThrow({ where: { id } });
    expect(failed).toMatchObject({ status: "QUEUED", attempts: 1, lastError: "[test] provider unavailable" });
    expect(failed.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 50_000);
    // Not due yet: nothing is claimed.
    expect(await drain(transport)).toMatchObject({ claimed: 0 });
    await prisma.emailMessage.update({ where: { id }, data: { nextAttemptAt: new Date() } });
    expect(await drain(transport)).toMatchObject({ claimed: 1, sent: 1 });
    expect(await prisma.emailMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "SENT", attempts: 2, lastError: null });
    expect(calls.map((c) => c.id)).toEqual([id, id]);
  });

  it("gives up after maxAttempts: FAILED, and sent no more", async () => {
    const id = await enqueueReset(prisma);
    const { transport, calls } = scriptedTransport(() => {
      throw new Error("mailbox rejected");
    });
    await drain(transport, { maxAttempts: 3, retryDelayMs: () => 0 });
    expect(await prisma.emailMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "FAILED",
      attempts: 3,
      lastError: "[test] mailbox rejected",
    });
    expect(calls).toHaveLength(3);
  });

  it("two senders draining together send every message exactly once", async () => {
    const ids = await Promise.all(Array.from({ length: 200 }, (_, i) => enqueueReset(prisma, `race${i}@example.com`)));
    const { transport, calls } = scriptedTransport(() => sleep(1));
    const options = { ...now, claimSize: 20 };
    await Promise.all([drain(transport, options), drain(transport, options), drain(transport, options)]);
    expect(calls).toHaveLength(200);
    expect(new Set(calls.map((c) => c.id)).size).toBe(200);
    expect(await prisma.emailMessage.count({ where: { id: { in: ids }, status: "SENT", attempts: 1 } })).toBe(200);
  });

  it("hands over a message a person is waiting for before a bulk backlog", async () => {
    const event = {
      eventName: "Big day",
      eventNumber: 7,
      startsAt: new Date("2099-01-01T10:00:00Z"),
      endsAt: new Date("2099-01-01T12:00:00Z"),
      timeZone: "UTC",
      place: null,
      onlineUrl: null,
      privateUrl: null,
      joinUrl: null,
      publicPageUrl: null,
      status: "CONFIRMED" as const,
    };
    await enqueueBulkEmails(
      prisma,
      { template: "eventStatus" },
      Array.from({ length: 120 }, (_, i) => ({ to: `p${i}@example.com`, locale: "en", props: { ...event, name: `P${i}` } })),
    );
    const reset = await enqueueReset(prisma, "waiting@example.com");
    const { transport, calls } = scriptedTransport();
    const sender = new EmailSender(database.sql, transport, { claimSize: 10 });
    // The first claim of 10 takes the reset, queued last, ahead of 120 older bulk messages.
    expect(await sender.sendOneClaim()).toMatchObject({ claimed: 10, sent: 10 });
    expect(calls.map((c) => c.id)).toContain(reset);
    expect(await prisma.emailMessage.findUniqueOrThrow({ where: { id: reset } })).toMatchObject({ status: "SENT", priority: "URGENT" });
    expect(await prisma.emailMessage.count({ where: { template: "eventStatus", priority: "BULK", status: "QUEUED" } })).toBe(111);
  });

  /** What a sender killed mid-claim leaves behind: its rows SENDING under one claim key. */
  async function crashedClaim(ids: string[], leaseEndsInMs: number) {
    const claimKey = randomUUID();
    await prisma.emailMessage.updateMany({
      where: { id: { in: ids } },
      data: { status: "SENDING", attempts: 1, claimKey, leaseExpiresAt: new Date(Date.now() + leaseEndsInMs) },
    });
    return claimKey;
  }

  it("a claim whose sender died is taken over whole after its lease, with the same claim key", async () => {
    const ids = await Promise.all(Array.from({ length: 5 }, (_, i) => enqueueReset(prisma, `crash${i}@example.com`)));
    const claimKey = await crashedClaim(ids, 1_500);
    // While the lease runs, nobody touches them.
    const other = scriptedTransport();
    expect(await drain(other.transport)).toMatchObject({ claimed: 0 });
    await sleep(1_600);
    expect(await drain(other.transport)).toMatchObject({ claimed: 5, sent: 5 });
    const after = await prisma.emailMessage.findMany({ where: { id: { in: ids } } });
    expect(after.every((m) => m.status === "SENT" && m.attempts === 2 && m.claimKey === claimKey)).toBe(true);
    expect(other.calls.map((c) => c.id).sort()).toEqual([...ids].sort());
  });

  it("a live sender keeps its lease however slow the transport is", async () => {
    const ids = await Promise.all(Array.from({ length: 3 }, (_, i) => enqueueReset(prisma, `slow${i}@example.com`)));
    let finish!: () => void;
    const gate = new Promise<void>((resolve) => (finish = resolve));
    const slow = scriptedTransport(() => gate);
    // Renewed every third of a lease: generous margins, so a busy machine cannot miss one.
    const sending = new EmailSender(database.sql, slow.transport, { leaseMs: 900 }).sendOneClaim();
    await sleep(2_500); // more than two leases
    const other = scriptedTransport();
    expect(await drain(other.transport)).toMatchObject({ claimed: 0 });
    finish();
    expect(await sending).toMatchObject({ claimed: 3, sent: 3 });
    expect(other.calls).toHaveLength(0);
    expect(await prisma.emailMessage.count({ where: { id: { in: ids }, status: "SENT", attempts: 1 } })).toBe(3);
  });

  it("a batch transport gets a re-sent claim as one request keyed by the claim", async () => {
    const ids = await Promise.all(Array.from({ length: 4 }, (_, i) => enqueueReset(prisma, `batch${i}@example.com`)));
    const claimKey = await crashedClaim(ids, -1);
    const requests: { key: string; ids: string[] }[] = [];
    const transport: EmailTransport = {
      name: "batch",
      concurrency: 2,
      maxBatch: 100,
      send: () => Promise.reject(new Error("single sends are not expected")),
      async sendBatch(messages, key) {
        requests.push({ key, ids: messages.map((m) => m.id) });
        return messages.map((m) => ({ providerId: `b-${m.id}` }));
      },
    };
    expect(await drain(transport)).toMatchObject({ claimed: 4, sent: 4 });
    expect(requests).toEqual([{ key: claimKey, ids: [...ids].sort() }]);
    expect(await prisma.emailMessage.count({ where: { id: { in: ids }, status: "SENT", providerId: { startsWith: "b-" } } })).toBe(4);
  });

  it("a message whose claims keep lapsing is given up, not sent forever", async () => {
    const id = await enqueueReset(prisma);
    await prisma.emailMessage.update({
      where: { id },
      data: { status: "SENDING", attempts: 5, leaseExpiresAt: new Date(Date.now() - 1000), claimKey: randomUUID() },
    });
    const { transport, calls } = scriptedTransport();
    await drain(transport, { maxAttempts: 5 });
    expect(calls).toHaveLength(0);
    expect(await prisma.emailMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "FAILED", lastError: expect.stringContaining("stopped") });
  });

  it("renders a bulk send once per language and fills in each person exactly as a single render would", async () => {
    const event = {
      eventName: "Évent & <Co>",
      eventNumber: 9,
      startsAt: new Date("2099-03-01T13:00:00Z"),
      endsAt: new Date("2099-03-01T15:00:00Z"),
      timeZone: "America/Sao_Paulo",
      place: "Sala 1",
      onlineUrl: null,
      privateUrl: null,
      joinUrl: "https://portico.example/portal/events/9/join",
      publicPageUrl: null,
      status: "CONFIRMED" as const,
    };
    const people = [
      { to: "a@example.com", locale: "pt-BR", name: 'Ana <b>&amp; "Bê"' },
      { to: "b@example.com", locale: "fi", name: "Björk O'Neil" },
      { to: "c@example.com", locale: "en", name: "Carl" },
    ];
    const { batchId, emailIds } = await enqueueBulkEmails(
      prisma,
      { template: "eventStatus" },
      people.map((p) => ({ to: p.to, locale: p.locale, timeZone: event.timeZone, props: { ...event, name: p.name } })),
    );
    expect(batchId).toBeTruthy();
    const { transport, calls } = scriptedTransport();
    await drain(transport);
    for (const [i, person] of people.entries()) {
      const direct = await renderEmail("eventStatus", person.locale, { ...event, name: person.name }, { timeZone: event.timeZone });
      const handed = calls.find((c) => c.id === emailIds[i])!;
      expect(handed.html).toBe(direct.html);
      expect(handed.subject).toBe(direct.subject);
      expect(handed.text).toContain(person.name);
    }
  });
});

describe("an idle sender", () => {
  it("polls at its interval, not in a busy loop, when nothing is queued", async () => {
    await prisma.emailMessage.deleteMany();
    let queries = 0;
    const counting = {
      query: ((...args: Parameters<typeof database.sql.query>) => (queries++, database.sql.query(...args))) as typeof database.sql.query,
      exec: database.sql.exec,
    };
    const loop = new SenderLoop(counting, scriptedTransport().transport, { pollMs: 500 });
    loop.start();
    await sleep(1_600);
    await loop.stop();
    // A claim pass is about three statements plus one for the next due time: about 4 per poll.
    expect(queries).toBeLessThan(40);
  });
});

describe("retryEmail", () => {
  it("puts only a FAILED message back in the queue, keeping attempts and lastError", async () => {
    const id = await enqueueReset(prisma);
    expect(await retryEmail(prisma, id)).toBe(false); // QUEUED
    const failing = scriptedTransport(() => {
      throw new Error("hard bounce");
    });
    await drain(failing.transport, { maxAttempts: 1 });
    expect(await getEmail(prisma, id)).toMatchObject({ status: "FAILED", attempts: 1 });

    expect(await retryEmail(prisma, id)).toBe(true);
    const row = await getEmail(prisma, id);
    expect(row).toMatchObject({ status: "QUEUED", attempts: 1 });
    expect(row!.lastError).toContain("hard bounce");
    expect(await retryEmail(prisma, id)).toBe(false); // already QUEUED

    const ok = scriptedTransport();
    expect(await drain(ok.transport, { maxAttempts: 1 })).toMatchObject({ claimed: 1, sent: 1 });
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
    await prisma.emailMessage.update({ where: { id: ids[1] }, data: { status: "SENT" } });

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

  it("getEmail returns the whole message, rendered if not sent yet, or null", async () => {
    const id = await enqueueReset(prisma);
    const row = await getEmail(prisma, id);
    expect(row!.html).toContain("<html");
    expect(await getEmail(prisma, randomUUID())).toBeNull();
    expect(await getEmail(prisma, "nope")).toBeNull();
  });
});
