// Bulk sends on a real database (PGlite, or PostgreSQL with TEST_DATABASE_URL):
// a status e-mail to every participant is one EmailBatch; its progress follows
// the real sender as messages are sent or fail; "retry failed" of one send
// touches only that send; the outbox lists one template or one send; progress
// for many sends costs the same statements as for one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { queryCount } from "@/lib/db/query-stats";
import {
  bulkSendProgress,
  drainOutbox,
  enqueueEmail,
  listBulkSends,
  listOutbox,
  retryFailedEmails,
  type EmailTransport,
  type OutgoingEmail,
} from "@/lib/email";
import { createEvent } from "@/lib/events/event-save";
import { eventSchema } from "@/lib/events/schemas";
import { sendStatusEmails } from "@/lib/events/status-emails";
import { Role } from "@/lib/generated/prisma/enums";
import { createActor, eventFormInput, uniqueTag } from "../helpers/factories";
import { withTestDatabase } from "../helpers/db-test";

// Counts the statements the Prisma client sends (read with queryCount()).
process.env.PORTICO_QUERY_STATS = "1";
const t = withTestDatabase();
let admin: Actor;
let typeId: string;

beforeAll(async () => {
  admin = (await createActor(t.prisma, Role.ADMIN, { name: "Ada Admin" })).actor;
  typeId = (await t.prisma.eventType.create({ data: { name: uniqueTag("Type ") } })).id;
});
afterAll(async () => {
  delete process.env.PORTICO_QUERY_STATS;
});

async function eventWith(participants: string[]) {
  const name = `Bulk ${uniqueTag()}`;
  const input = eventSchema.parse(eventFormInput(typeId, { name, seats: 50, status: "CONFIRMED" }));
  const event = await createEvent(t.prisma, admin, input);
  await t.prisma.registration.createMany({
    data: participants.map((email) => ({ eventId: event.id, name: "Ana", email, status: "REGISTERED" as const, source: "STAFF" as const })),
  });
  return { ...event, name };
}

/** Addresses of `good` recipients that arrive and `bad` ones the transport refuses. */
function addresses(good: number, bad: number) {
  const tag = uniqueTag();
  return [...Array.from({ length: good }, (_, i) => `ok${i}-${tag}@example.test`), ...Array.from({ length: bad }, (_, i) => `refuse${i}-${tag}@example.test`)];
}

/** Refuses every address that starts with "refuse"; `gate` holds every send until it resolves. */
function transport(gate: Promise<void> = Promise.resolve()) {
  const calls: OutgoingEmail[] = [];
  const value: EmailTransport = {
    name: "test",
    concurrency: 4,
    async send(message) {
      calls.push(message);
      await gate;
      if (message.to.startsWith("refuse")) throw new Error("550 mailbox unavailable");
      return { providerId: `test-${message.id}` };
    },
  };
  return { transport: value, calls };
}

const drain = (tr: EmailTransport) => drainOutbox(t.sql, tr, { retryDelayMs: () => 0, maxAttempts: 1 });

async function until(condition: () => boolean, ms = 10_000) {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("a status e-mail as a bulk send", () => {
  it("is one batch with total = participants, whose counts follow the sender", async () => {
    const event = await eventWith(addresses(5, 2));
    const result = await sendStatusEmails(t.prisma, admin, event.id);
    expect(result.count).toBe(7);
    const batches = await t.prisma.emailBatch.findMany({ where: { eventId: event.id } });
    expect(batches).toHaveLength(1);
    expect(batches[0]).toMatchObject({ id: result.batchId, template: "eventStatus", total: 7, createdById: admin.userId });
    expect(await t.prisma.emailMessage.count({ where: { batchId: result.batchId } })).toBe(7);

    const [queued] = await bulkSendProgress(t.prisma, [result.batchId!]);
    expect(queued).toMatchObject({
      id: result.batchId,
      template: "eventStatus",
      total: 7,
      createdByName: "Ada Admin",
      event: { id: event.id, number: event.number, name: event.name },
      queued: 7,
      sent: 0,
      failed: 0,
    });

    // While the transport holds them, claimed (SENDING) messages still count as waiting.
    let open!: () => void;
    const held = transport(new Promise<void>((resolve) => (open = resolve)));
    const draining = drain(held.transport);
    await until(() => held.calls.length > 0);
    expect(await t.prisma.emailMessage.count({ where: { batchId: result.batchId, status: "SENDING" } })).toBeGreaterThan(0);
    expect((await bulkSendProgress(t.prisma, [result.batchId!]))[0]).toMatchObject({ queued: 7, sent: 0, failed: 0 });
    open();
    expect(await draining).toMatchObject({ sent: 5, failed: 2 });
    expect((await bulkSendProgress(t.prisma, [result.batchId!]))[0]).toMatchObject({ total: 7, queued: 0, sent: 5, failed: 2 });
  });

  it("retrying the failed of one send queues only that send's failed messages", async () => {
    const first = await eventWith(addresses(2, 2));
    const second = await eventWith(addresses(1, 1));
    const a = (await sendStatusEmails(t.prisma, admin, first.id)).batchId!;
    const b = (await sendStatusEmails(t.prisma, admin, second.id)).batchId!;
    await drain(transport().transport);
    expect(await bulkSendProgress(t.prisma, [a, b])).toMatchObject([
      { id: a, sent: 2, failed: 2, queued: 0 },
      { id: b, sent: 1, failed: 1, queued: 0 },
    ]);

    expect(await retryFailedEmails(t.prisma, { batchId: a })).toBe(2);
    expect(await bulkSendProgress(t.prisma, [b, a])).toMatchObject([
      { id: b, sent: 1, failed: 1, queued: 0 },
      { id: a, sent: 2, failed: 0, queued: 2 },
    ]);
    const back = await t.prisma.emailMessage.findMany({ where: { batchId: a, status: "QUEUED" } });
    expect(back.map((m) => m.to).every((to) => to.startsWith("refuse"))).toBe(true);
    expect(await retryFailedEmails(t.prisma, { batchId: "not-a-uuid" })).toBe(0);

    // Retried, they fail again (the transport still refuses them) and only this send's count moves.
    const again = transport();
    await drain(again.transport);
    expect(again.calls.map((c) => c.to).sort()).toEqual(back.map((m) => m.to).sort());
    expect((await bulkSendProgress(t.prisma, [a]))[0]).toMatchObject({ sent: 2, failed: 2, queued: 0 });
  });
});

describe("listing", () => {
  it("lists an event's sends newest first, one page at a time", async () => {
    const event = await eventWith(addresses(1, 0));
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await sendStatusEmails(t.prisma, admin, event.id)).batchId!);
    // Apart by a minute each (several sends can share a millisecond), the last the newest of all.
    for (const [i, id] of ids.entries()) await t.prisma.emailBatch.update({ where: { id }, data: { createdAt: new Date(Date.now() + (i + 1) * 60_000) } });
    const page1 = await listBulkSends(t.prisma, { eventId: event.id, page: 1, pageSize: 2 });
    expect(page1).toMatchObject({ total: 3, page: 1, pageCount: 2 });
    expect(page1.rows.map((r) => r.id)).toEqual([ids[2], ids[1]]);
    expect(page1.rows[0]).toMatchObject({ total: 1, queued: 1, sent: 0, failed: 0, event: { id: event.id } });
    const page2 = await listBulkSends(t.prisma, { eventId: event.id, page: 2, pageSize: 2 });
    expect(page2.rows.map((r) => r.id)).toEqual([ids[0]]);
    // Every event's sends, newest first; a malformed event id matches nothing.
    expect((await listBulkSends(t.prisma, { pageSize: 1 })).rows[0].id).toBe(ids[2]);
    expect(await listBulkSends(t.prisma, { eventId: "42" })).toMatchObject({ rows: [], total: 0 });
    await drain(transport().transport);
  });

  it("filters the outbox by template and by bulk send", async () => {
    const event = await eventWith(addresses(2, 1));
    const batchId = (await sendStatusEmails(t.prisma, admin, event.id)).batchId!;
    const other = (await sendStatusEmails(t.prisma, admin, event.id)).batchId!;
    const resetTo = `reset-${uniqueTag()}@example.test`;
    await enqueueEmail(t.prisma, {
      to: resetTo,
      locale: "en",
      template: "passwordReset",
      props: { name: "Ana", resetUrl: "https://portico.example/r/x", minutes: 30 },
    });
    await drain(transport().transport);

    const ofBatch = await listOutbox(t.prisma, { batchId });
    expect(ofBatch.total).toBe(3);
    expect(ofBatch.items.every((m) => m.template === "eventStatus")).toBe(true);
    const ids = new Set((await t.prisma.emailMessage.findMany({ where: { batchId }, select: { id: true } })).map((m) => m.id));
    expect(ofBatch.items.every((m) => ids.has(m.id))).toBe(true);
    expect((await listOutbox(t.prisma, { batchId: other })).total).toBe(3);
    expect(await listOutbox(t.prisma, { batchId, status: "FAILED" })).toMatchObject({ total: 1, items: [{ status: "FAILED" }] });
    expect((await listOutbox(t.prisma, { batchId: "nope" })).total).toBe(0);

    const resets = await listOutbox(t.prisma, { template: "passwordReset" });
    expect(resets.items.map((m) => m.to)).toEqual([resetTo]);
    expect((await listOutbox(t.prisma, { template: "passwordReset", batchId })).total).toBe(0);
    const statusMails = await listOutbox(t.prisma, { template: "eventStatus", pageSize: 100 });
    expect(statusMails.total).toBe(await t.prisma.emailMessage.count({ where: { template: "eventStatus" } }));
    expect(statusMails.items.every((m) => m.template === "eventStatus")).toBe(true);

    // "Retry all failed" of one template leaves other templates' failures alone.
    const failedReset = await enqueueEmail(t.prisma, {
      to: `refuse-${uniqueTag()}@example.test`,
      locale: "en",
      template: "passwordReset",
      props: { name: "Ana", resetUrl: "https://portico.example/r/y", minutes: 30 },
    });
    await drain(transport().transport);
    const failedStatus = await t.prisma.emailMessage.count({ where: { template: "eventStatus", status: "FAILED" } });
    expect(failedStatus).toBeGreaterThan(0);
    expect(await retryFailedEmails(t.prisma, { template: "passwordReset" })).toBe(1);
    expect((await t.prisma.emailMessage.findUniqueOrThrow({ where: { id: failedReset } })).status).toBe("QUEUED");
    expect(await t.prisma.emailMessage.count({ where: { template: "eventStatus", status: "FAILED" } })).toBe(failedStatus);
    await drain(transport().transport);
  });
});

describe("cost", () => {
  it("reads progress for many sends with the same statements as for one", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const event = await eventWith(addresses(2, 1));
      ids.push((await sendStatusEmails(t.prisma, admin, event.id)).batchId!);
    }
    await drain(transport().transport);
    const statements = async (run: () => Promise<unknown>) => {
      const before = queryCount();
      await run();
      return queryCount() - before;
    };
    const one = await statements(() => bulkSendProgress(t.prisma, ids.slice(0, 1)));
    const four = await statements(() => bulkSendProgress(t.prisma, ids));
    // The sends with their event and author in one statement, the counts of all of them in one grouped statement.
    expect(one).toBe(2);
    expect(four).toBe(one);
    const progress = await bulkSendProgress(t.prisma, ids);
    expect(progress.map((p) => p.id)).toEqual(ids);
    expect(progress.every((p) => p.sent === 2 && p.failed === 1 && p.queued === 0)).toBe(true);
    // The page of sends and the page of one send's messages: fixed statement counts too.
    expect(await statements(() => listBulkSends(t.prisma, { pageSize: 4 }))).toBe(one + 1);
    expect(await statements(() => listOutbox(t.prisma, { batchId: ids[0], template: "eventStatus" }))).toBe(2);
  });
});
