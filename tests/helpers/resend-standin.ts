// A local stand-in for Resend's HTTP API (POST /emails and /emails/batch) that
// behaves like the service where it matters to a sender: it enforces a rate
// limit (N requests in any sliding second, else 429 with retry-after), it
// honours idempotency keys (the same key and body answer the first response
// again and send nothing; the same key with another body is a 409), and it
// validates addresses. It records what it delivered and how often it said 429.
// For canned answers (errors, scripted 429s) pass `intercept`.
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface ResendStandInOptions {
  /** Requests accepted in any sliding 1-second window (default 5, Resend's default). */
  ratePerSecond?: number;
  /** Wait this long before answering an accepted request (a slow API). */
  delayMs?: number;
  /** The only API key accepted; any key when unset. */
  apiKey?: string;
  /** Runs first for every request: an answer is sent as is; undefined goes on as Resend would. */
  intercept?: (request: StandInRequest) => StandInAnswer | undefined;
}

interface StandInAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface StandInRequest {
  /** 1 for the first request the stand-in received. */
  n: number;
  method: string;
  path: string;
  authorization?: string;
  idempotencyKey?: string;
  body: unknown;
  /** When it arrived (Date.now()). */
  at: number;
  /** What the stand-in answered (set once it has). */
  status?: number;
}

interface DeliveredEmail {
  /** The id the stand-in answered with. */
  id: string;
  idempotencyKey?: string;
  /** Whether it came through /emails/batch. */
  batch: boolean;
  from: string;
  to: string[];
  subject: string;
  html?: string;
  text?: string;
  attachments?: { filename: string; content: string; content_type?: string }[];
}

export interface ResendStandIn {
  baseUrl: string;
  requests: StandInRequest[];
  emails: DeliveredEmail[];
  /** How many requests were answered 429 by the rate limit (intercepted ones not included). */
  readonly rateLimited: number;
  close(): Promise<void>;
}

const MAX_BATCH = 100;
const ADDRESS = /^(?:[^<>]*<)?[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>?$/;

interface StoredAnswer {
  fingerprint: string;
  /** Undefined while the first request with this key is still being processed. */
  answer?: StandInAnswer;
}

export async function startResendStandIn(options: ResendStandInOptions = {}): Promise<ResendStandIn> {
  const ratePerSecond = options.ratePerSecond ?? 5;
  const requests: StandInRequest[] = [];
  const emails: DeliveredEmail[] = [];
  const idempotency = new Map<string, StoredAnswer>();
  let accepted: number[] = [];
  let rateLimited = 0;

  /** The sliding window: a 429 with how long until the oldest request in it leaves, or undefined. */
  function rateLimit(now: number): StandInAnswer | undefined {
    accepted = accepted.filter((t) => t > now - 1000);
    if (accepted.length < ratePerSecond) {
      accepted.push(now);
      return undefined;
    }
    rateLimited++;
    const resetSeconds = Math.max(1, Math.ceil((accepted[0] + 1000 - now) / 1000));
    return {
      status: 429,
      body: {
        statusCode: 429,
        name: "rate_limit_exceeded",
        message: "Too many requests. You can only make 5 requests per second. See rate limit response headers for more information.",
      },
      headers: {
        "retry-after": String(resetSeconds),
        "ratelimit-limit": String(ratePerSecond),
        "ratelimit-remaining": "0",
        "ratelimit-reset": String(resetSeconds),
      },
    };
  }

  async function handle(request: StandInRequest, raw: string): Promise<StandInAnswer> {
    const intercepted = options.intercept?.(request);
    if (intercepted) return intercepted;
    if (!request.authorization?.startsWith("Bearer ")) return error(401, "missing_api_key", "Missing API key in the authorization header.");
    if (options.apiKey && request.authorization !== `Bearer ${options.apiKey}`) return error(403, "invalid_api_key", "API key is invalid.");
    if (request.method !== "POST" || (request.path !== "/emails" && request.path !== "/emails/batch"))
      return error(404, "not_found", "The requested endpoint does not exist.");
    const limited = rateLimit(request.at);
    if (limited) return limited;

    const key = request.idempotencyKey;
    const fingerprint = `${request.path}\n${raw}`;
    if (key) {
      const stored = idempotency.get(key);
      if (stored && stored.fingerprint !== fingerprint)
        return error(409, "invalid_idempotent_request", "Same idempotency key used with a different request payload. Change your idempotency key or payload.");
      if (stored && !stored.answer)
        return error(
          409,
          "concurrent_idempotent_requests",
          "Same idempotency key used while the original request is still in progress. Try the request again later.",
        );
      if (stored?.answer) return stored.answer;
    }

    const batch = request.path === "/emails/batch";
    const invalid = batch ? validateBatch(request.body) : validateEmail(request.body, false);
    if (invalid) return invalid;
    if (key) idempotency.set(key, { fingerprint });
    if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));

    const delivered = (batch ? (request.body as EmailBody[]) : [request.body as EmailBody]).map((email) => {
      const record: DeliveredEmail = { ...email, id: randomUUID(), idempotencyKey: key, batch, to: [email.to].flat() };
      emails.push(record);
      return record;
    });
    const answer: StandInAnswer = { status: 200, body: batch ? { data: delivered.map(({ id }) => ({ id })) } : { id: delivered[0].id } };
    if (key) idempotency.set(key, { fingerprint, answer });
    return answer;
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const request: StandInRequest = {
        n: requests.length + 1,
        method: req.method ?? "",
        path: req.url ?? "",
        authorization: req.headers.authorization,
        idempotencyKey: header(req.headers["idempotency-key"]),
        body: parseJson(raw),
        at: Date.now(),
      };
      requests.push(request);
      const answer = request.body === undefined && raw ? Promise.resolve(error(422, "validation_error", "Invalid JSON body.")) : handle(request, raw);
      void answer.then((a) => {
        request.status = a.status;
        res.writeHead(a.status, { "content-type": "application/json", ...a.headers });
        res.end(JSON.stringify(a.body));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    emails,
    get rateLimited() {
      return rateLimited;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // fetch keeps connections alive; they would hold close() open.
        server.closeAllConnections();
      }),
  };
}

interface EmailBody {
  from: string;
  to: string | string[];
  subject: string;
  html?: string;
  text?: string;
  attachments?: { filename: string; content: string; content_type?: string }[];
}

function validateBatch(body: unknown): StandInAnswer | undefined {
  if (!Array.isArray(body) || body.length === 0) return error(422, "validation_error", "The batch must be a non-empty array of e-mails.");
  if (body.length > MAX_BATCH) return error(422, "validation_error", `Too many e-mails in the batch: the limit is ${MAX_BATCH}.`);
  for (const email of body) {
    const invalid = validateEmail(email, true);
    if (invalid) return invalid;
  }
  return undefined;
}

function validateEmail(body: unknown, inBatch: boolean): StandInAnswer | undefined {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return error(422, "validation_error", "The body must be an e-mail object.");
  const email = body as Partial<EmailBody>;
  if (typeof email.from !== "string" || !ADDRESS.test(email.from))
    return error(
      422,
      "validation_error",
      "Invalid `from` field. The email address needs to follow the `email@example.com` or `Name <email@example.com>` format.",
    );
  const to = [email.to ?? []].flat();
  if (to.length === 0 || to.some((address) => typeof address !== "string" || !ADDRESS.test(address))) {
    return error(
      422,
      "validation_error",
      "Invalid `to` field. The email address needs to follow the `email@example.com` or `Name <email@example.com>` format.",
    );
  }
  if (typeof email.subject !== "string" || !email.subject) return error(422, "validation_error", "Missing `subject` field.");
  if (inBatch && email.attachments !== undefined) return error(422, "validation_error", "Attachments are not supported with the batch endpoint.");
  return undefined;
}

function error(status: number, name: string, message: string): StandInAnswer {
  return { status, body: { statusCode: status, name, message } };
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function parseJson(raw: string): unknown {
  if (!raw) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}
