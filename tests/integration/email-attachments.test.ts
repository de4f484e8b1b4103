// E-mail attachments (certificates, calendar files): stored with their message in the
// caller's transaction, handed to the transport byte for byte, sent by Resend as
// base64; the registration confirmation carries the event's .ics.
import { describe, expect, it } from "vitest";
import { drainOutbox, enqueueEmail, getEmailAttachment, listEmailAttachments, resendTransport, type EmailTransport, type OutgoingEmail } from "@/lib/email";
import { registerForEvent } from "@/lib/events/registration";
import { withTestDatabase } from "@/tests/helpers/db-test";
import { uniqueTag } from "../helpers/factories";
import { startResendStandIn } from "@/tests/helpers/resend-standin";

const t = withTestDatabase();

const bytes = new Uint8Array(Array.from({ length: 3000 }, (_, i) => (i * 7) % 256));
const props = { name: "Ana", resetUrl: "https://portico.example/reset-password/abc", minutes: 30 };
const attachment = { fileName: "data.bin", contentType: "application/octet-stream", content: bytes };

function recordingTransport() {
  const sent: OutgoingEmail[] = [];
  const transport: EmailTransport = { name: "test", concurrency: 4, send: async (m) => (sent.push(m), { providerId: `p-${m.id}` }) };
  return { sent, transport };
}

describe("attachments", () => {
  it("a rolled-back transaction leaves neither the message nor its attachment", async () => {
    const to = `${uniqueTag()}@x.test`;
    await expect(
      t.prisma.$transaction(async (tx) => {
        await enqueueEmail(tx, { to, locale: "en", template: "passwordReset", props, attachments: [attachment] });
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    expect(await t.prisma.emailMessage.count({ where: { to } })).toBe(0);
    expect(await t.prisma.emailAttachment.count({ where: { emailMessage: { to } } })).toBe(0);
  });

  it("delivery hands the transport the same bytes", async () => {
    const id = await enqueueEmail(t.prisma, { to: "ana@x.test", locale: "en", template: "passwordReset", props, attachments: [attachment] });
    const { sent, transport } = recordingTransport();
    await drainOutbox(t.sql, transport);
    expect(sent).toHaveLength(1);
    expect(sent[0].attachments).toHaveLength(1);
    expect(sent[0].attachments![0]).toMatchObject({ fileName: "data.bin", contentType: "application/octet-stream" });
    expect(Buffer.from(sent[0].attachments![0].content).equals(Buffer.from(bytes))).toBe(true);
    // What the admin outbox page lists and downloads.
    const [listed] = await listEmailAttachments(t.prisma, id);
    expect(listed).toMatchObject({ fileName: "data.bin", size: 3000 });
    expect(Buffer.from((await getEmailAttachment(t.prisma, id, listed.id))!.content).equals(Buffer.from(bytes))).toBe(true);
    expect(await getEmailAttachment(t.prisma, crypto.randomUUID(), listed.id)).toBeNull();
  });

  it("a message without attachments is sent without any", async () => {
    const id = await enqueueEmail(t.prisma, { to: "bo@x.test", locale: "en", template: "passwordReset", props });
    const { sent, transport } = recordingTransport();
    await drainOutbox(t.sql, transport);
    expect(sent.map((m) => m.id)).toEqual([id]);
    expect(sent[0].attachments).toBeUndefined();
  });

  it("Resend receives them as base64 with the file name", async () => {
    const standIn = await startResendStandIn({ ratePerSecond: 100 });
    try {
      const id = await enqueueEmail(t.prisma, { to: "cy@x.test", locale: "en", template: "passwordReset", props, attachments: [attachment] });
      await drainOutbox(t.sql, resendTransport("re_test", "Portico <no-reply@x.test>", { baseUrl: standIn.baseUrl }));
      expect(standIn.requests[0].idempotencyKey).toBe(id);
      const [sentAttachment] = (standIn.requests[0].body as { attachments: { filename: string; content: string }[] }).attachments;
      expect(sentAttachment.filename).toBe("data.bin");
      expect(Buffer.from(sentAttachment.content, "base64").equals(Buffer.from(bytes))).toBe(true);
    } finally {
      await standIn.close();
    }
  });
});

describe("registration confirmation", () => {
  it("carries the event's .ics", async () => {
    const { id: typeId } = await t.prisma.eventType.create({ data: { name: "Public", isPublic: true } });
    const tag = uniqueTag("ev");
    const event = await t.prisma.event.create({
      data: {
        name: "Onboarding",
        slug: tag,
        startsAt: new Date("2099-06-01T12:00:00Z"),
        endsAt: new Date("2099-06-01T15:00:00Z"),
        timeZone: "America/Sao_Paulo",
        typeId,
        seats: 5,
        publicRegistration: true,
      },
    });
    const result = await registerForEvent(t.prisma, event.id, { source: "PUBLIC", name: "Ana", email: "ana.ics@x.test", locale: "en" });
    const files = await t.prisma.emailAttachment.findMany({ where: { emailMessageId: result.emailIds.at(-1) } });
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({ fileName: `event-${event.number}.ics`, contentType: "text/calendar; charset=utf-8" });
    const ics = Buffer.from(files[0].content).toString("utf8");
    expect(ics).toContain(`UID:event-${event.id}@`);
    expect(ics).toContain("DTSTART:20990601T120000Z");
    expect(ics).toContain("X-WR-TIMEZONE:America/Sao_Paulo");
  });
});
