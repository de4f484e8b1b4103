// How a rendered e-mail leaves Portico. The contract every transport keeps, and
// getTransport(), which picks one from the environment:
//   SMTP_URL        -> SMTP through nodemailer (pooled connections)
//   RESEND_API_KEY  -> Resend's HTTP API (rate-limited, batch endpoint)
//   neither         -> the log transport (default: sends nothing, marks delivered)
// The sender (sender.ts) claims rows, renders them and hands them over; a
// transport only talks to the outside world. Tests pass their own transports.
import { createLogTransport, DEFAULT_EMAIL_FROM } from "./transports/log";
import { resendTransport } from "./transports/resend";
import { smtpTransport } from "./transports/smtp";

export interface OutgoingEmail {
  /** The EmailMessage id: Resend's idempotency key, and SMTP's Message-ID. */
  id: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Files sent with the message (certificates, calendar files). */
  attachments?: OutgoingAttachment[];
}

export interface OutgoingAttachment {
  fileName: string;
  contentType: string;
  content: Uint8Array;
}

export interface EmailTransport {
  name: string;
  /**
   * How many messages (or batch requests) this process may have in flight at
   * once through this transport: the sender never exceeds it.
   */
  concurrency: number;
  /** Hands one message over; resolves with the provider's id. Throws on failure. */
  send(message: OutgoingEmail): Promise<{ providerId: string }>;
  /**
   * Optional: several messages without attachments in one request (Resend's
   * batch endpoint). `key` identifies the request (its idempotency key): the
   * sender re-sends a crashed claim with the same messages and the same key.
   * Resolves with one provider id per message, in order; throws if none was sent.
   */
  sendBatch?(messages: OutgoingEmail[], key: string): Promise<{ providerId: string }[]>;
  /** The largest sendBatch accepts. */
  maxBatch?: number;
  /** Closes pooled connections (worker shutdown, tests). */
  close?(): Promise<void>;
}

export { createLogTransport, logTransport } from "./transports/log";
export { resendTransport } from "./transports/resend";
type Env = Record<string, string | undefined>;

/** The transport the environment configures (see the table at the top). */
export function getTransport(env: Env = process.env): EmailTransport {
  const smtpUrl = env.SMTP_URL?.trim();
  const apiKey = env.RESEND_API_KEY?.trim();
  const from = env.EMAIL_FROM?.trim();
  if (smtpUrl && apiKey) throw new Error("Set SMTP_URL or RESEND_API_KEY, not both");
  if (smtpUrl || apiKey) {
    if (!from) throw new Error(`EMAIL_FROM must be set when ${smtpUrl ? "SMTP_URL" : "RESEND_API_KEY"} is set`);
    const rate = sendRate(env.EMAIL_SEND_RATE);
    if (smtpUrl) return smtpTransport(smtpUrl, from, { ratePerSecond: rate });
    return resendTransport(apiKey!, from, { ratePerSecond: rate ?? 5, baseUrl: env.RESEND_BASE_URL?.trim() || undefined });
  }
  return createLogTransport(from || DEFAULT_EMAIL_FROM);
}

/** EMAIL_SEND_RATE: requests per second, a positive number; unset means the transport's default. */
function sendRate(value: string | undefined): number | undefined {
  if (!value?.trim()) return undefined;
  const rate = Number(value);
  if (!Number.isFinite(rate) || rate <= 0) throw new Error(`EMAIL_SEND_RATE must be a positive number of requests per second; got "${value}"`);
  return rate;
}
