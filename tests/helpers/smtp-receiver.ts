// A real SMTP server for tests (smtp-server on 127.0.0.1, a free port): AUTH
// PLAIN/LOGIN, optional STARTTLS or implicit TLS with a certificate made for the
// run, a per-message delay for slow-server tests, recipients refused with 550,
// and every accepted message recorded (parsed by mailparser, or only counted
// and its Message-ID read from the headers with `parse: false`, for benchmarks).
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { simpleParser, type AddressObject } from "mailparser";
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from "smtp-server";

export interface SmtpReceiverOptions {
  /** Credentials AUTH must present; without them, AUTH is not offered and not needed. */
  auth?: { user: string; pass: string };
  /**
   * "starttls": plain connection that offers STARTTLS; "implicit": TLS from the
   * first byte (smtps://). Either way with a self-signed certificate for localhost,
   * so clients need tls.rejectUnauthorized=false. Default: no TLS at all.
   */
  tls?: "starttls" | "implicit";
  /**
   * Wait this long before answering each message's DATA (a slow server). The
   * message is recorded before the wait, as a real server has it by then: a
   * client that gives up meanwhile has still delivered it.
   */
  delayMs?: number;
  /** Recipients answered "550 5.1.1 mailbox unavailable". */
  rejectRecipient?: (address: string) => boolean;
  /** false: count messages and read their Message-ID only, without parsing (fast). Default true. */
  parse?: boolean;
}

interface ReceivedAttachment {
  filename?: string;
  contentType: string;
  content: Buffer;
}

interface ReceivedMessage {
  /** The id this server gave the message in its "250 OK: queued as <id>" reply. */
  queueId: string;
  envelope: { from: string; to: string[] };
  /** The authenticated user, if any. */
  user?: string;
  /** Whether the connection was encrypted (STARTTLS or implicit TLS). */
  secure: boolean;
  size: number;
  /** The Message-ID header, with its angle brackets (read even with parse: false). */
  messageId?: string;
  // The rest only when parsed.
  from?: string;
  to?: string[];
  subject?: string;
  text?: string;
  html?: string;
  attachments?: ReceivedAttachment[];
}

export interface SmtpReceiver {
  port: number;
  /** smtp:// (or smtps:// for implicit TLS) URL; user and password default to the configured ones. */
  url(user?: string, pass?: string, query?: Record<string, string>): string;
  messages: ReceivedMessage[];
  /** Connections open now, the most ever open at once, and how many were opened in all. */
  connections: { readonly open: number; readonly maxOpen: number; readonly total: number };
  /** Resolves once `count` messages have been received (rejects after timeoutMs). */
  waitFor(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startSmtpReceiver(options: SmtpReceiverOptions = {}): Promise<SmtpReceiver> {
  const messages: ReceivedMessage[] = [];
  const waiters = new Set<() => void>();
  let open = 0;
  let maxOpen = 0;
  let total = 0;
  let sequence = 0;
  const certificate = options.tls ? await selfSignedCertificate() : undefined;
  const parse = options.parse ?? true;

  const server = new SMTPServer({
    secure: options.tls === "implicit",
    ...certificate,
    logger: false,
    disabledCommands: [...(options.tls ? [] : ["STARTTLS"]), ...(options.auth ? [] : ["AUTH"])],
    authMethods: ["PLAIN", "LOGIN"],
    authOptional: !options.auth,
    // Without TLS, AUTH over plain text: a test server on loopback.
    allowInsecureAuth: !options.tls,
    disableReverseLookup: true,
    // close() ends idle pooled connections instead of waiting for their clients.
    closeTimeout: 100,
    onConnect(_session, callback) {
      open++;
      total++;
      maxOpen = Math.max(maxOpen, open);
      callback();
    },
    onClose() {
      open--;
    },
    onAuth(auth, _session, callback) {
      if (options.auth && auth.username === options.auth.user && auth.password === options.auth.pass) return callback(null, { user: auth.username });
      callback(Object.assign(new Error("5.7.8 Authentication credentials invalid"), { responseCode: 535 }));
    },
    onRcptTo(address, _session, callback) {
      if (options.rejectRecipient?.(address.address)) {
        return callback(Object.assign(new Error(`5.1.1 <${address.address}>: mailbox unavailable`), { responseCode: 550 }));
      }
      callback();
    },
    onData(stream, session, callback) {
      receive(stream, session, parse)
        .then(async (received) => {
          const queueId = `Q${(++sequence).toString(16).padStart(8, "0")}`;
          messages.push({ ...received, queueId });
          for (const wake of waiters) wake();
          if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
          callback(null, `2.0.0 OK: queued as ${queueId}`);
        })
        .catch((error: Error) => callback(Object.assign(error, { responseCode: 451 })));
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  // A sender killed mid-session (the crash tests) resets its connections: the
  // server reports that as an error event, which must not crash the test run.
  server.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "ECONNRESET" && error.code !== "EPIPE") console.error("[smtp-receiver]", error);
  });
  const { port } = server.server.address() as AddressInfo;

  return {
    port,
    url(user = options.auth?.user, pass = options.auth?.pass, query = {}) {
      const credentials = user === undefined ? "" : `${encodeURIComponent(user)}:${encodeURIComponent(pass ?? "")}@`;
      const search = new URLSearchParams(query).toString();
      return `${options.tls === "implicit" ? "smtps" : "smtp"}://${credentials}127.0.0.1:${port}${search ? `?${search}` : ""}`;
    },
    messages,
    connections: {
      get open() {
        return open;
      },
      get maxOpen() {
        return maxOpen;
      },
      get total() {
        return total;
      },
    },
    waitFor(count, timeoutMs = 10_000) {
      return new Promise<void>((resolve, reject) => {
        const check = () => {
          if (messages.length < count) return;
          cleanup();
          resolve();
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`SMTP receiver: ${messages.length} of ${count} messages after ${timeoutMs} ms`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

type Received = Omit<ReceivedMessage, "queueId">;

async function receive(stream: SMTPServerDataStream, session: SMTPServerSession, parse: boolean): Promise<Received> {
  const envelope = {
    from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
    to: session.envelope.rcptTo.map((r) => r.address),
  };
  const base = { envelope, user: typeof session.user === "string" ? session.user : undefined, secure: session.secure };
  if (!parse) {
    // Only the header block is kept, to read the Message-ID; the body is drained.
    let head = "";
    let size = 0;
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (head.length < 64 * 1024 && !head.includes("\r\n\r\n")) head += chunk.toString("latin1");
    }
    const headers = head.split("\r\n\r\n")[0].replace(/\r\n[ \t]+/g, " ");
    return { ...base, size, messageId: /^message-id:\s*(\S+)/im.exec(headers)?.[1] };
  }
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  const raw = Buffer.concat(chunks);
  const mail = await simpleParser(raw);
  return {
    ...base,
    size: raw.length,
    messageId: mail.messageId,
    from: mail.from?.text,
    to: addresses(mail.to),
    subject: mail.subject,
    text: mail.text,
    html: typeof mail.html === "string" ? mail.html : undefined,
    attachments: mail.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
  };
}

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  return [field ?? []].flat().flatMap((group) => group.value.map((a) => a.address ?? ""));
}

const run = promisify(execFile);
let certificatePromise: Promise<{ key: Buffer; cert: Buffer }> | undefined;

/** A throwaway self-signed certificate for localhost, made once per test process with openssl. */
function selfSignedCertificate() {
  certificatePromise ??= (async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "smtp-receiver-"));
    try {
      const key = path.join(dir, "key.pem");
      const cert = path.join(dir, "cert.pem");
      await run("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost", "-days", "1", "-keyout", key, "-out", cert]);
      return { key: await readFile(key), cert: await readFile(cert) };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  })();
  return certificatePromise;
}
