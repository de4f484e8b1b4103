// How a rendered e-mail leaves Portico: the log transport (default, sends nothing)
// or Resend. getTransport() chooses from the environment; tests pass their own.
import { Resend } from "resend";

export interface OutgoingEmail {
  /** The EmailMessage id; providers use it as the idempotency key. */
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
  send(message: OutgoingEmail): Promise<{ providerId: string }>;
}

export const DEFAULT_EMAIL_FROM = "Portico <no-reply@localhost>";

/** Marks messages delivered without sending: one line on stdout per message. */
export function createLogTransport(from = DEFAULT_EMAIL_FROM): EmailTransport {
  return {
    name: "log",
    async send(message) {
      console.log(
        `[email:log] not sent (log transport) id=${message.id} from=${JSON.stringify(from)} to=${JSON.stringify(message.to)} subject=${JSON.stringify(message.subject)} attachments=${message.attachments?.length ?? 0}`,
      );
      return { providerId: `log-${message.id}` };
    },
  };
}

export const logTransport = createLogTransport();

export interface ResendTransportOptions {
  /** Abort a send that takes longer than this (default 30 s). */
  timeoutMs?: number;
  /** Another API base URL (tests; also read by Resend from RESEND_BASE_URL). */
  baseUrl?: string;
}

/** Sends through Resend; the message id is the idempotency key, so a re-send is deduplicated. */
export function resendTransport(apiKey: string, from: string, options: ResendTransportOptions = {}): EmailTransport {
  const client = new Resend(apiKey, options.baseUrl ? { baseUrl: options.baseUrl } : undefined);
  const timeoutMs = options.timeoutMs ?? 30_000;
  return {
    name: "resend",
    async send(message) {
      const { data, error } = await client.emails.send(
        {
          from,
          to: message.to,
          subject: message.subject,
          html: message.html,
          text: message.text,
          ...(message.attachments?.length
            ? { attachments: message.attachments.map((a) => ({ filename: a.fileName, contentType: a.contentType, content: Buffer.from(a.content).toString("base64") })) }
            : {}),
        },
        { idempotencyKey: message.id, signal: AbortSignal.timeout(timeoutMs) },
      );
      if (error) throw new Error(`Resend: ${error.message}${error.statusCode ? ` (${error.statusCode} ${error.name})` : ""}`);
      if (!data?.id) throw new Error("Resend: the response carried no e-mail id");
      return { providerId: data.id };
    },
  };
}

/** Resend when RESEND_API_KEY is set (EMAIL_FROM is then required), else the log transport. */
export function getTransport(env: Record<string, string | undefined> = process.env): EmailTransport {
  const apiKey = env.RESEND_API_KEY?.trim();
  const from = env.EMAIL_FROM?.trim();
  if (apiKey) {
    if (!from) throw new Error("EMAIL_FROM must be set when RESEND_API_KEY is set");
    return resendTransport(apiKey, from);
  }
  return createLogTransport(from || DEFAULT_EMAIL_FROM);
}
