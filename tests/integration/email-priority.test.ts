// Under a 10,000-message bulk backlog, a message a person is waiting for (a
// password reset) is handed to the transport within seconds: senders claim
// URGENT rows before BULK ones, whatever the queue holds.
import { describe, expect, it } from "vitest";
import { enqueueBulkEmails, enqueueEmail, SenderLoop, type EmailTransport } from "@/lib/email";
import { withTestDatabase } from "@/tests/helpers/db-test";

const t = withTestDatabase();

const BACKLOG = 10_000;
const event = {
  eventName: "Annual meeting",
  eventNumber: 1,
  startsAt: new Date("2099-05-01T12:00:00Z"),
  endsAt: new Date("2099-05-01T15:00:00Z"),
  timeZone: "UTC",
  place: null,
  onlineUrl: null,
  privateUrl: null,
  joinUrl: null,
  publicPageUrl: null,
  status: "CONFIRMED" as const,
};

describe("priorities", () => {
  it("a password reset queued behind 10,000 bulk messages is handed over within 5 seconds", async () => {
    await enqueueBulkEmails(
      t.prisma,
      { template: "eventStatus" },
      Array.from({ length: BACKLOG }, (_, i) => ({
        to: `p${i}@bulk.test`,
        locale: ["en", "fi", "pt-BR"][i % 3],
        props: { ...event, name: `Participant ${i}` },
      })),
    );
    const handedOver = new Map<string, number>();
    // A transport of 5 ms per message, 8 at once: the backlog takes several seconds.
    const transport: EmailTransport = {
      name: "slow",
      concurrency: 8,
      async send(message) {
        await new Promise((r) => setTimeout(r, 5));
        handedOver.set(message.id, Date.now());
        return { providerId: `slow-${message.id}` };
      },
    };
    const loop = new SenderLoop(t.sql, transport, { pollMs: 200 });
    loop.start();
    try {
      while (handedOver.size < 500) await new Promise((r) => setTimeout(r, 20));
      const queuedAt = Date.now();
      const reset = await enqueueEmail(t.prisma, {
        to: "waiting@portico.test",
        locale: "en",
        template: "passwordReset",
        props: { name: "Ana", resetUrl: "https://portico.example/reset-password/t", minutes: 30 },
      });
      loop.wake();
      while (!handedOver.has(reset) && Date.now() - queuedAt < 30_000) await new Promise((r) => setTimeout(r, 10));
      const waited = (handedOver.get(reset) ?? Infinity) - queuedAt;
      const bulkStillQueued = await t.prisma.emailMessage.count({ where: { template: "eventStatus", status: "QUEUED" } });
      expect(waited).toBeLessThan(5_000);
      // It really was behind a backlog: most bulk mail was still waiting.
      expect(bulkStillQueued).toBeGreaterThan(BACKLOG / 2);
    } finally {
      await loop.stop();
    }
  }, 120_000);
});
