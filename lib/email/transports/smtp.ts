// SMTP through nodemailer's connection pool. The pool keeps a few connections
// open so a burst of messages does not pay a TCP + TLS + AUTH handshake each;
// its size is also the transport's concurrency, so the sender never queues
// more in nodemailer than the pool can work on.
import type { ConnectionOptions } from "node:tls";
import nodemailer, { type NodemailerError, type SMTPPoolOptions } from "nodemailer";
import addressparser from "nodemailer/lib/addressparser";
import { parseConnectionUrl } from "nodemailer/lib/shared";
import type { EmailTransport, OutgoingEmail } from "../transport";

export interface SmtpTransportOptions {
  /** Pool size; beats the URL's `maxConnections=`. Default 5. */
  maxConnections?: number;
  /** Messages per second over the whole pool (EMAIL_SEND_RATE); unlimited when unset. */
  ratePerSecond?: number;
  /** TLS settings merged over the URL's `tls.*=` ones (tests: a self-signed certificate). */
  tls?: ConnectionOptions;
}

/** A failed send, with the SMTP server's reply when there was one. */
export class SmtpSendError extends Error {
  /** The reply's code (550, 451, 535...), when the server answered. */
  readonly responseCode?: number;
  /** nodemailer's verdict: a 5xx reply, so the same message will not be accepted later either. */
  readonly permanent?: boolean;
  /** nodemailer's error code: EAUTH, EENVELOPE, ECONNECTION, ETIMEDOUT... */
  readonly code?: string;

  constructor(error: NodemailerError) {
    // nodemailer usually quotes the reply in its message, but not always (a
    // rejected DATA, for one): the reply is what an operator needs to see.
    const reply = error.response?.trim();
    super(`SMTP: ${error.message}${reply && !error.message.includes(reply) ? ` (${reply})` : ""}`, { cause: error });
    this.name = "SmtpSendError";
    this.responseCode = error.responseCode;
    this.permanent = error.permanent;
    this.code = error.code;
  }
}

const DEFAULT_MAX_CONNECTIONS = 5;

/**
 * SMTP from a URL: `smtp://user:pass@host:587` (STARTTLS when the server offers
 * it; `?requireTLS=true` refuses to go on without), `smtps://...:465` (TLS from
 * the first byte). Query parameters are nodemailer's options, as its URL parser
 * reads them: `maxConnections=10`, `tls.rejectUnauthorized=false`...
 */
export function smtpTransport(url: string, from: string, options: SmtpTransportOptions = {}): EmailTransport {
  if (!/^smtps?:\/\//i.test(url)) throw new Error("SMTP_URL must start with smtp:// or smtps://");
  const fromUrl = parseConnectionUrl(url);
  if (!fromUrl.host) throw new Error("SMTP_URL names no host");
  // The rate limit and the bounded concurrency both rely on the pool.
  if (fromUrl.pool === false) throw new Error("SMTP_URL: pool=false is not supported (maxConnections=1 gives a single connection)");

  const maxConnections = options.maxConnections ?? (fromUrl.maxConnections === undefined ? DEFAULT_MAX_CONNECTIONS : Number(fromUrl.maxConnections));
  if (!Number.isInteger(maxConnections) || maxConnections < 1)
    throw new Error(`SMTP maxConnections must be a positive integer; got ${String(fromUrl.maxConnections ?? options.maxConnections)}`);
  const domain = senderDomain(from);

  const poolOptions: SMTPPoolOptions & { pool: true } = {
    ...(fromUrl as SMTPPoolOptions),
    pool: true,
    maxConnections,
    tls: { ...fromUrl.tls, ...options.tls },
    // The messages are built here from buffers: nodemailer must never read a
    // file or fetch a URL on behalf of an attachment.
    disableFileAccess: true,
    disableUrlAccess: true,
    ...rateLimit(options.ratePerSecond),
  };
  const transporter = nodemailer.createTransport(poolOptions);

  return {
    name: "smtp",
    concurrency: maxConnections,
    async send(message) {
      // The outbox row's id, so a message re-sent after a crash carries the same
      // Message-ID and the recipient's server (or reader) can tell it is the same.
      const messageId = `<${message.id}@${domain}>`;
      try {
        const info = await transporter.sendMail({
          from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
          messageId,
          attachments: attachmentsOf(message),
        });
        return { providerId: queueId(info.response) ?? info.messageId ?? messageId };
      } catch (error) {
        throw error instanceof Error ? new SmtpSendError(error as NodemailerError) : error;
      }
    },
    async close() {
      transporter.close();
    },
  };
}

/** The domain of the From address: the right-hand side of every Message-ID. */
function senderDomain(from: string): string {
  const address = addressparser(from, { flatten: true })[0]?.address ?? "";
  const at = address.lastIndexOf("@");
  if (at < 1 || at === address.length - 1) throw new Error(`EMAIL_FROM has no e-mail address with a domain: "${from}"`);
  return address.slice(at + 1);
}

/**
 * nodemailer's pool counts messages in windows of rateDelta ms; a fractional
 * rate becomes a whole number of messages over a longer window (2.5/s -> 3 per 1.2 s).
 */
function rateLimit(ratePerSecond: number | undefined): Pick<SMTPPoolOptions, "rateLimit" | "rateDelta"> {
  if (ratePerSecond === undefined) return {};
  if (!Number.isFinite(ratePerSecond) || ratePerSecond <= 0) throw new Error(`SMTP ratePerSecond must be a positive number; got ${ratePerSecond}`);
  const perWindow = Math.max(1, Math.round(ratePerSecond));
  return { rateLimit: perWindow, rateDelta: Math.round((1000 * perWindow) / ratePerSecond) };
}

function attachmentsOf(message: OutgoingEmail) {
  return message.attachments?.map((a) => ({
    filename: a.fileName,
    contentType: a.contentType,
    // A view over the same bytes: attachments can be large, no need to copy.
    content: Buffer.from(a.content.buffer, a.content.byteOffset, a.content.byteLength),
  }));
}

/**
 * The id the server gave the message in its final reply, which is what its logs
 * are searched by: Postfix and most others answer "250 2.0.0 Ok: queued as
 * 4ZxY12", Exim "250 OK id=1tFoo-0001bZ-2A".
 */
function queueId(response: string | undefined): string | undefined {
  if (!response) return undefined;
  return /\bqueued as\s+<?([\w.@-]+)>?/i.exec(response)?.[1] ?? /\bid=<?([\w.@-]+)>?/i.exec(response)?.[1];
}
