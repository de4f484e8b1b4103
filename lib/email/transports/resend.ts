// Resend's HTTP API with plain fetch: the SDK hides the response headers, and
// retry-after is what tells us how long to back off when the API says 429.
// Resend limits requests per team (5/s by default), so every request from this
// process goes through one pacer per API key, and a 429 pauses that pacer for
// everyone rather than letting each in-flight send discover the limit alone.
import type { EmailTransport, OutgoingEmail } from "../transport";

export interface ResendTransportOptions {
  /** Another API base URL (tests, a proxy). Default https://api.resend.com. */
  baseUrl?: string;
  /** Abort a request that takes longer than this (default 30 s). */
  timeoutMs?: number;
  /** Requests (single or batch) per second from this process (default 5, Resend's default limit). */
  ratePerSecond?: number;
  /**
   * Requests in flight at once (default: the rate per second, from 1 to 10).
   * Each one is a claimed batch waiting its turn at the pacer, so more than a
   * second's worth only makes a message someone waits for queue behind them.
   */
  concurrency?: number;
  /** How many times one request answered 429 is sent again before giving up (default 3). */
  maxRateLimitRetries?: number;
}

/** An error answer from the API: its status and Resend's error name (validation_error...). */
export class ResendApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code?: string,
  ) {
    super(message);
    this.name = "ResendApiError";
  }
}

const DEFAULT_BASE_URL = "https://api.resend.com";
/** The batch endpoint's limit. */
const MAX_BATCH = 100;
/** Without a retry-after header, a 429 pauses this long. */
const DEFAULT_RATE_LIMIT_PAUSE_MS = 1000;
/** A 429 that asks for a longer wait (a daily quota) fails now: the sender retries later. */
const MAX_RATE_LIMIT_PAUSE_MS = 60_000;

interface ResendEmailBody {
  from: string;
  to: string[];
  subject: string;
  html: string;
  text: string;
  attachments?: { filename: string; content: string; content_type: string }[];
}

/** Sends through Resend; the message id is the idempotency key, so a re-send is deduplicated. */
export function resendTransport(apiKey: string, from: string, options: ResendTransportOptions = {}): EmailTransport {
  const baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, "");
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxRetries = options.maxRateLimitRetries ?? 3;
  const pacer = sharedPacer(`${baseUrl}\n${apiKey}`, options.ratePerSecond ?? 5);

  const body = (message: OutgoingEmail): ResendEmailBody => ({
    from,
    to: [message.to],
    subject: message.subject,
    html: message.html,
    text: message.text,
    ...(message.attachments?.length
      ? {
          attachments: message.attachments.map((a) => ({
            filename: a.fileName,
            content: Buffer.from(a.content.buffer, a.content.byteOffset, a.content.byteLength).toString("base64"),
            content_type: a.contentType,
          })),
        }
      : {}),
  });

  async function post(path: string, payload: unknown, idempotencyKey: string): Promise<unknown> {
    const json = JSON.stringify(payload);
    for (let retry = 0; ; retry++) {
      await pacer.take(retry > 0);
      let status: number;
      let headers: Headers;
      let text: string;
      try {
        const response = await fetch(`${baseUrl}${path}`, {
          method: "POST",
          headers: { Authorization: `Bearer ${apiKey}`, "Content-Type": "application/json", "Idempotency-Key": idempotencyKey },
          body: json,
          signal: AbortSignal.timeout(timeoutMs),
        });
        ({ status, headers } = response);
        text = await response.text();
      } catch (error) {
        throw new Error(`Resend: ${networkFailure(error, timeoutMs)}`, { cause: error });
      }
      const answer = parseJson(text);
      if (status === 429) {
        const pauseMs = rateLimitPauseMs(headers);
        pacer.pause(Math.min(pauseMs, MAX_RATE_LIMIT_PAUSE_MS));
        // Same request, same idempotency key: Resend has not processed it.
        if (retry < maxRetries && pauseMs <= MAX_RATE_LIMIT_PAUSE_MS) continue;
      }
      if (status < 200 || status >= 300) throw apiError(status, answer, text);
      return answer;
    }
  }

  return {
    name: "resend",
    concurrency: options.concurrency ?? Math.min(10, Math.max(1, Math.ceil(options.ratePerSecond ?? 5))),
    maxBatch: MAX_BATCH,
    async send(message) {
      const answer = await post("/emails", body(message), message.id);
      const id = isRecord(answer) ? answer.id : undefined;
      if (typeof id !== "string" || !id) throw new Error("Resend: the response carried no e-mail id");
      return { providerId: id };
    },
    async sendBatch(messages, key) {
      if (messages.length === 0) return [];
      if (messages.length > MAX_BATCH) throw new Error(`Resend: a batch takes at most ${MAX_BATCH} messages; got ${messages.length}`);
      const withFiles = messages.find((m) => m.attachments?.length);
      if (withFiles) throw new Error(`Resend: the batch endpoint takes no attachments (message ${withFiles.id} has some)`);
      const answer = await post("/emails/batch", messages.map(body), key);
      const data = isRecord(answer) && Array.isArray(answer.data) ? answer.data : [];
      const ids = data.map((entry: unknown) => (isRecord(entry) && typeof entry.id === "string" ? entry.id : ""));
      if (ids.length !== messages.length || ids.some((id) => !id)) {
        throw new Error(`Resend: the batch response carried ${ids.filter(Boolean).length} e-mail ids for ${messages.length} messages`);
      }
      return ids.map((providerId) => ({ providerId }));
    },
  };
}

/**
 * Releases requests one at a time, evenly spaced: one every (1000 + slack) / rate
 * ms. Evenly rather than a burst of `rate` then a pause, because a burst plus
 * the next second's first requests can land in one sliding second on the
 * server's clock; the slack absorbs network jitter, so no 1-second window on the
 * server sees more than `rate` requests.
 */
class Pacer {
  private waiting: (() => void)[] = [];
  private lastRelease = -Infinity;
  private pausedUntil = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(private intervalMs: number) {}

  /** Several transports for one key share a pacer: the strictest rate wins. */
  slowTo(intervalMs: number) {
    this.intervalMs = Math.max(this.intervalMs, intervalMs);
  }

  /**
   * Resolves when the caller may send its request. A retry goes to the front:
   * it has waited longest, and the sender is holding its claim meanwhile.
   */
  take(retry = false): Promise<void> {
    return new Promise((resolve) => {
      if (retry) this.waiting.unshift(resolve);
      else this.waiting.push(resolve);
      this.release();
    });
  }

  /** Nobody sends for `ms` (the API answered 429). */
  pause(ms: number) {
    this.pausedUntil = Math.max(this.pausedUntil, Date.now() + ms);
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.release();
  }

  private release() {
    if (this.timer) return;
    while (this.waiting.length) {
      const now = Date.now();
      const at = Math.max(this.lastRelease + this.intervalMs, this.pausedUntil);
      if (at > now) {
        this.timer = setTimeout(() => {
          this.timer = undefined;
          this.release();
        }, at - now);
        return;
      }
      this.lastRelease = now;
      this.waiting.shift()!();
    }
  }
}

const WINDOW_SLACK_MS = 50;
const pacers = new Map<string, Pacer>();

function sharedPacer(key: string, ratePerSecond: number): Pacer {
  if (!Number.isFinite(ratePerSecond) || ratePerSecond <= 0) throw new Error(`Resend ratePerSecond must be a positive number; got ${ratePerSecond}`);
  const intervalMs = (1000 + WINDOW_SLACK_MS) / ratePerSecond;
  const existing = pacers.get(key);
  if (existing) {
    existing.slowTo(intervalMs);
    return existing;
  }
  const pacer = new Pacer(intervalMs);
  pacers.set(key, pacer);
  return pacer;
}

/** retry-after (seconds or an HTTP date), else ratelimit-reset (seconds), else a second. */
function rateLimitPauseMs(headers: Headers): number {
  const retryAfter = headers.get("retry-after")?.trim();
  if (retryAfter) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, date - Date.now());
  }
  const reset = Number(headers.get("ratelimit-reset"));
  if (headers.has("ratelimit-reset") && Number.isFinite(reset) && reset >= 0) return reset * 1000;
  return DEFAULT_RATE_LIMIT_PAUSE_MS;
}

function apiError(status: number, answer: unknown, text: string): ResendApiError {
  const message = isRecord(answer) && typeof answer.message === "string" ? answer.message : text.trim().slice(0, 200) || "no error message";
  const code = isRecord(answer) && typeof answer.name === "string" ? answer.name : undefined;
  return new ResendApiError(`Resend: ${message} (${status}${code ? ` ${code}` : ""})`, status, code);
}

function networkFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && error.name === "TimeoutError") return `no answer within ${timeoutMs} ms`;
  const cause = error instanceof Error ? error.cause : undefined;
  const detail = cause instanceof Error ? ((cause as NodeJS.ErrnoException).code ?? cause.message) : undefined;
  return `request failed: ${error instanceof Error ? error.message : String(error)}${detail ? ` (${detail})` : ""}`;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}
