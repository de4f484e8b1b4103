// The SMTP and Resend transports against real servers on loopback: smtp-server
// (tests/helpers/smtp-receiver.ts) and a Resend stand-in that enforces a rate
// limit and idempotency keys (tests/helpers/resend-standin.ts). No database.
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import type { EmailTransport, OutgoingEmail } from "@/lib/email/transport";
import { ResendApiError, resendTransport } from "@/lib/email/transports/resend";
import { SmtpSendError, smtpTransport } from "@/lib/email/transports/smtp";
import { startResendStandIn, type ResendStandIn, type StandInRequest } from "../helpers/resend-standin";
import { startSmtpReceiver, type SmtpReceiver } from "../helpers/smtp-receiver";

const FROM = "Portico <no-reply@portico.example>";
const AUTH = { user: "mailer", pass: "s3cret:/@pass" };

function message(overrides: Partial<OutgoingEmail> = {}): OutgoingEmail {
  return { id: randomUUID(), to: "ana@example.com", subject: "Your ticket", html: "<p>Hello <b>Ana</b></p>", text: "Hello Ana", ...overrides };
}

// Every byte value, so an encoding slip (base64, 8bit, line endings) shows.
const bytes = Uint8Array.from({ length: 1024 }, (_, i) => i % 256);

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function receiver(options: Parameters<typeof startSmtpReceiver>[0]): Promise<SmtpReceiver> {
  const r = await startSmtpReceiver(options);
  cleanup.push(() => r.close());
  return r;
}

function track<T extends EmailTransport>(transport: T): T {
  cleanup.push(async () => transport.close?.());
  return transport;
}

async function standIn(options: Parameters<typeof startResendStandIn>[0]): Promise<ResendStandIn> {
  const s = await startResendStandIn(options);
  cleanup.push(() => s.close());
  return s;
}

describe("SMTP transport", () => {
  it("delivers subject, both parts and an attachment, with Message-ID <id@from-domain>", async () => {
    const smtp = await receiver({ auth: AUTH });
    const transport = track(smtpTransport(smtp.url(), FROM));
    const sent = message({ attachments: [{ fileName: "data.bin", contentType: "application/octet-stream", content: bytes }] });

    const { providerId } = await transport.send(sent);

    expect(smtp.messages).toHaveLength(1);
    const [received] = smtp.messages;
    expect(received).toMatchObject({
      user: AUTH.user,
      envelope: { from: "no-reply@portico.example", to: ["ana@example.com"] },
      messageId: `<${sent.id}@portico.example>`,
      from: FROM.replace("Portico", '"Portico"'),
      to: ["ana@example.com"],
      subject: "Your ticket",
      text: "Hello Ana",
    });
    expect(received.html).toContain("<p>Hello <b>Ana</b></p>");
    expect(received.attachments).toHaveLength(1);
    expect(received.attachments![0]).toMatchObject({ filename: "data.bin", contentType: "application/octet-stream" });
    expect(received.attachments![0].content.equals(Buffer.from(bytes))).toBe(true);
    // The server's queue id, which is what its logs are searched by.
    expect(providerId).toBe(received.queueId);
    expect(transport.concurrency).toBe(5);
  });

  it("sends a message again with the same Message-ID", async () => {
    const smtp = await receiver({});
    const transport = track(smtpTransport(smtp.url(), FROM));
    const sent = message();
    await transport.send(sent);
    await transport.send(sent);
    expect(smtp.messages.map((m) => m.messageId)).toEqual([`<${sent.id}@portico.example>`, `<${sent.id}@portico.example>`]);
  });

  it("upgrades with STARTTLS when the URL requires TLS", async () => {
    const smtp = await receiver({ auth: AUTH, tls: "starttls" });
    const transport = track(smtpTransport(smtp.url(undefined, undefined, { requireTLS: "true", "tls.rejectUnauthorized": "false" }), FROM));
    await transport.send(message());
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0].secure).toBe(true);
  });

  it("checks the certificate unless told not to", async () => {
    const smtp = await receiver({ auth: AUTH, tls: "starttls" });
    const transport = track(smtpTransport(smtp.url(undefined, undefined, { requireTLS: "true" }), FROM));
    await expect(transport.send(message())).rejects.toThrow(/self[- ]signed certificate/i);
    expect(smtp.messages).toHaveLength(0);
  });

  it("refuses to send in clear text when TLS is required and not offered", async () => {
    const smtp = await receiver({ auth: AUTH });
    const transport = track(smtpTransport(smtp.url(undefined, undefined, { requireTLS: "true" }), FROM));
    await expect(transport.send(message())).rejects.toThrow(SmtpSendError);
    expect(smtp.messages).toHaveLength(0);
  });

  it("speaks TLS from the first byte with smtps://", async () => {
    const smtp = await receiver({ auth: AUTH, tls: "implicit" });
    expect(smtp.url()).toMatch(/^smtps:\/\//);
    const transport = track(smtpTransport(smtp.url(), FROM, { tls: { rejectUnauthorized: false } }));
    await transport.send(message());
    expect(smtp.messages[0].secure).toBe(true);
  });

  it("fails with the server's reply on a wrong password", async () => {
    const smtp = await receiver({ auth: AUTH });
    const transport = track(smtpTransport(smtp.url(AUTH.user, "wrong"), FROM));
    const error = await transport.send(message()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SmtpSendError);
    expect((error as SmtpSendError).message).toContain("535 5.7.8 Authentication credentials invalid");
    expect((error as SmtpSendError).code).toBe("EAUTH");
    expect(smtp.messages).toHaveLength(0);
  });

  it("fails with the 550 reply when the server refuses the recipient", async () => {
    const smtp = await receiver({ rejectRecipient: (address) => address.startsWith("gone@") });
    const transport = track(smtpTransport(smtp.url(), FROM));
    const error = await transport.send(message({ to: "gone@example.com" })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SmtpSendError);
    expect((error as SmtpSendError).message).toContain("550 5.1.1 <gone@example.com>: mailbox unavailable");
    expect((error as SmtpSendError).responseCode).toBe(550);
    expect((error as SmtpSendError).permanent).toBe(true);
    // The pool is still usable for the next message.
    await transport.send(message());
    expect(smtp.messages).toHaveLength(1);
  });

  it("sends 50 messages at once through at most maxConnections connections", async () => {
    const smtp = await receiver({ auth: AUTH, delayMs: 5 });
    const transport = track(smtpTransport(smtp.url(undefined, undefined, { maxConnections: "3" }), FROM));
    expect(transport.concurrency).toBe(3);
    const sent = Array.from({ length: 50 }, () => message());

    const results = await Promise.all(sent.map((m) => transport.send(m)));

    expect(smtp.messages).toHaveLength(50);
    expect(new Set(smtp.messages.map((m) => m.messageId))).toEqual(new Set(sent.map((m) => `<${m.id}@portico.example>`)));
    expect(new Set(results.map((r) => r.providerId)).size).toBe(50);
    expect(smtp.connections.maxOpen).toBeGreaterThan(1);
    expect(smtp.connections.maxOpen).toBeLessThanOrEqual(3);
    // Pooled: the connections were reused, not opened per message.
    expect(smtp.connections.total).toBeLessThanOrEqual(3);
  });

  it("keeps to ratePerSecond", async () => {
    const smtp = await receiver({ parse: false });
    const transport = track(smtpTransport(smtp.url(), FROM, { ratePerSecond: 10 }));
    const started = Date.now();
    await Promise.all(Array.from({ length: 12 }, () => transport.send(message())));
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(smtp.messages).toHaveLength(12);
    expect(smtp.messages[0].messageId).toMatch(/^<[0-9a-f-]{36}@portico\.example>$/);
  });

  it("rejects a configuration it cannot use", () => {
    expect(() => smtpTransport("http://127.0.0.1:25", FROM)).toThrow(/smtp:\/\/ or smtps:\/\//);
    expect(() => smtpTransport("smtp://127.0.0.1:25?pool=false", FROM)).toThrow(/pool=false/);
    expect(() => smtpTransport("smtp://127.0.0.1:25?maxConnections=0", FROM)).toThrow(/maxConnections/);
    expect(() => smtpTransport("smtp://127.0.0.1:25", "Portico")).toThrow(/EMAIL_FROM/);
  });
});

describe("Resend transport", () => {
  const KEY = "re_test_key";

  it("posts one message with the id as idempotency key", async () => {
    const api = await standIn({ apiKey: KEY });
    const transport = resendTransport(KEY, FROM, { baseUrl: api.baseUrl });
    const sent = message({ attachments: [{ fileName: "data.bin", contentType: "application/octet-stream", content: bytes }] });

    const { providerId } = await transport.send(sent);

    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]).toMatchObject({ method: "POST", path: "/emails", idempotencyKey: sent.id, authorization: `Bearer ${KEY}` });
    expect(api.requests[0].body).toMatchObject({ from: FROM, to: ["ana@example.com"], subject: "Your ticket", html: sent.html, text: sent.text });
    expect(api.emails).toHaveLength(1);
    expect(providerId).toBe(api.emails[0].id);
    const [attachment] = api.emails[0].attachments!;
    expect(attachment).toMatchObject({ filename: "data.bin", content_type: "application/octet-stream" });
    expect(Buffer.from(attachment.content, "base64").equals(Buffer.from(bytes))).toBe(true);
  });

  it("sends the same message once however often it is handed over (idempotency key)", async () => {
    const api = await standIn({});
    const transport = resendTransport(KEY, FROM, { baseUrl: api.baseUrl });
    const sent = message();
    const first = await transport.send(sent);
    const second = await transport.send(sent);
    expect(second).toEqual(first);
    expect(api.requests).toHaveLength(2);
    expect(api.emails).toHaveLength(1);
    // Same key, another body: Resend's 409 is an error, not a success.
    await expect(transport.send({ ...sent, subject: "Changed" })).rejects.toThrow(/\(409 invalid_idempotent_request\)/);
  });

  it("sends up to 100 messages in one batch request and returns their ids in order", async () => {
    const api = await standIn({});
    const transport = resendTransport(KEY, FROM, { baseUrl: api.baseUrl });
    expect(transport.maxBatch).toBe(100);
    const sent = Array.from({ length: 100 }, (_, i) => message({ to: `guest${i}@example.com` }));
    const key = randomUUID();

    const results = await transport.sendBatch!(sent, key);

    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]).toMatchObject({ path: "/emails/batch", idempotencyKey: key });
    expect(api.emails.map((e) => e.to[0])).toEqual(sent.map((m) => m.to));
    expect(results.map((r) => r.providerId)).toEqual(api.emails.map((e) => e.id));
  });

  it("refuses a batch it cannot send, without a request", async () => {
    const api = await standIn({});
    const transport = resendTransport(KEY, FROM, { baseUrl: api.baseUrl });
    const tooMany = Array.from({ length: 101 }, () => message());
    await expect(transport.sendBatch!(tooMany, randomUUID())).rejects.toThrow(/at most 100/);
    const withFile = [message(), message({ attachments: [{ fileName: "a.txt", contentType: "text/plain", content: bytes }] })];
    await expect(transport.sendBatch!(withFile, randomUUID())).rejects.toThrow(/no attachments/);
    expect(api.requests).toHaveLength(0);
  });

  it("paces 30 requests at 5 per second: no 429, each message delivered once", async () => {
    const api = await standIn({ ratePerSecond: 5 });
    const transport = resendTransport(KEY, FROM, { baseUrl: api.baseUrl, ratePerSecond: 5 });
    const singles = Array.from({ length: 20 }, () => message());
    const batches = Array.from({ length: 10 }, () => Array.from({ length: 3 }, () => message()));
    const started = Date.now();

    await Promise.all([...singles.map((m) => transport.send(m)), ...batches.map((b) => transport.sendBatch!(b, randomUUID()))]);

    // 30 requests, 5 per second: the 30th cannot start before 29/5 s.
    expect(Date.now() - started).toBeGreaterThanOrEqual(5_000);
    expect(api.requests).toHaveLength(30);
    expect(api.rateLimited).toBe(0);
    expect(maxInOneSecond(api.requests)).toBeLessThanOrEqual(5);
    expect(api.emails).toHaveLength(50);
    expect(new Set(api.emails.map((e) => e.idempotencyKey)).size).toBe(30);
  }, 20_000);

  it("recovers from 429s when the API's limit is lower than ours: each message delivered once", async () => {
    const api = await standIn({ ratePerSecond: 3 });
    const transport = resendTransport(KEY, FROM, { baseUrl: api.baseUrl, ratePerSecond: 20 });
    const sent = Array.from({ length: 8 }, () => message());

    await Promise.all(sent.map((m) => transport.send(m)));

    expect(api.rateLimited).toBeGreaterThan(0);
    expect(api.emails.map((e) => e.idempotencyKey).sort()).toEqual(sent.map((m) => m.id).sort());
  }, 20_000);

  it("on 429 waits retry-after and sends the same request with the same key", async () => {
    const api = await standIn({
      intercept: (request) =>
        request.n <= 2
          ? { status: 429, headers: { "retry-after": "1" }, body: { statusCode: 429, name: "rate_limit_exceeded", message: "Too many requests." } }
          : undefined,
    });
    const transport = resendTransport(KEY, FROM, { baseUrl: api.baseUrl });
    const sent = message();
    const started = Date.now();

    const { providerId } = await transport.send(sent);

    expect(providerId).toBe(api.emails[0].id);

    expect(Date.now() - started).toBeGreaterThanOrEqual(1_900);
    expect(api.requests.map((r) => [r.idempotencyKey, r.status])).toEqual([
      [sent.id, 429],
      [sent.id, 429],
      [sent.id, 200],
    ]);
    expect(api.requests[2].body).toEqual(api.requests[0].body);
    expect(api.emails).toHaveLength(1);
  });

  it("gives up after maxRateLimitRetries with the API's message", async () => {
    const api = await standIn({
      intercept: () => ({
        status: 429,
        headers: { "retry-after": "0" },
        body: { statusCode: 429, name: "rate_limit_exceeded", message: "Too many requests." },
      }),
    });
    const transport = resendTransport(KEY, FROM, { baseUrl: api.baseUrl, maxRateLimitRetries: 2, ratePerSecond: 50 });
    await expect(transport.send(message())).rejects.toThrow("Resend: Too many requests. (429 rate_limit_exceeded)");
    expect(api.requests).toHaveLength(3);
  });

  it("throws Resend's message and status on a 422", async () => {
    const api = await standIn({});
    const transport = resendTransport(KEY, FROM, { baseUrl: api.baseUrl });
    const error = await transport.send(message({ to: "not-an-address" })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResendApiError);
    expect((error as ResendApiError).message).toMatch(/^Resend: Invalid `to` field\..* \(422 validation_error\)$/);
    expect((error as ResendApiError).status).toBe(422);
    expect(api.requests).toHaveLength(1);
    expect(api.emails).toHaveLength(0);
  });

  it("throws when the API cannot be reached or does not answer in time", async () => {
    const unreachable = resendTransport(KEY, FROM, { baseUrl: "http://127.0.0.1:9", timeoutMs: 2000 });
    await expect(unreachable.send(message())).rejects.toThrow(/^Resend: request failed/);
    const api = await standIn({ delayMs: 2_000 });
    const slow = resendTransport(KEY, FROM, { baseUrl: api.baseUrl, timeoutMs: 200 });
    await expect(slow.send(message())).rejects.toThrow("Resend: no answer within 200 ms");
  });
});

/** The most requests that arrived within any 1-second window. */
function maxInOneSecond(requests: StandInRequest[]): number {
  const times = requests.map((r) => r.at).sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i] - times[j] >= 1000) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}
