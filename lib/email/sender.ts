// The delivery engine. Senders claim batches of due outbox rows in the
// database (FOR UPDATE SKIP LOCKED, so any number of worker processes share the
// work without taking the same row), render them, hand them to the transport
// concurrently within its limits and record each result. The job queue only
// wakes senders; it never holds a job per message.
//
// A claim is a lease: the rows are SENDING until `leaseExpiresAt`. A sender
// that dies leaves them there; when the lease lapses, another sender takes the
// whole claim again (same claim key, so Resend's batch idempotency key and the
// SMTP Message-ID repeat) — the only way a message is handed over twice.
import { randomUUID } from "node:crypto";
import type { SqlSession } from "@/lib/db/sql-driver";
import { completeAtSend, renderStoredMessage } from "./stored-render";
import type { EmailTransport, OutgoingAttachment, OutgoingEmail } from "./transport";

const DEFAULT_MAX_ATTEMPTS = 5;
const DEFAULT_LEASE_MS = 2 * 60_000;
const MAX_ERROR_LENGTH = 2000;

export interface SenderOptions {
  /** After this many attempts a failure is final: FAILED. */
  maxAttempts?: number;
  /** How long a claim is held before another sender may take it over. */
  leaseMs?: number;
  /** Rows per claim; defaults from the transport (its batch size, or 4× its concurrency). */
  claimSize?: number;
  /** Wait before the next attempt after `attempts` failed ones. */
  retryDelayMs?: (attempts: number) => number;
}

/** 5 s, 10 s, 20 s, 40 s… capped at 10 minutes. */
const defaultRetryDelayMs = (attempts: number) => Math.min(5_000 * 2 ** Math.max(attempts - 1, 0), 10 * 60_000);

interface ClaimedRow {
  id: string;
  to: string;
  locale: string;
  template: string;
  props: unknown;
  timeZone: string | null;
  subject: string;
  html: string | null;
  text: string | null;
  attempts: number;
  claimKey: string | null;
  hasAttachments: boolean;
}

const RETURNING = `m.id, m."to", m.locale, m.template, m.props, m."timeZone", m.subject, m.html, m.text, m.attempts, m."claimKey",
  EXISTS (SELECT 1 FROM "EmailAttachment" a WHERE a."emailMessageId" = m.id) AS "hasAttachments"`;

/** Claims that outlived their lease too often are given up: a message that kills its sender must not loop. */
async function failExhaustedClaims(sql: SqlSession, maxAttempts: number): Promise<void> {
  await sql.query(
    `UPDATE "EmailMessage" SET status = 'FAILED', "leaseExpiresAt" = NULL, "updatedAt" = now(),
       "lastError" = '[sender] the sending process stopped during every attempt'
     WHERE status = 'SENDING' AND "leaseExpiresAt" < now() AND attempts >= $1`,
    [maxAttempts],
  );
}

// Taking over a lapsed claim locks all of its rows; two senders doing it at
// once could each hold a row the other needs. One at a time, then: senders
// that do not get this transaction-scoped lock move on to due rows.
const LAPSED_CLAIM_LOCK = 72_015_001;

/** A crashed claim, whole: every row of it comes back with its claim key. */
async function claimLapsed(sql: SqlSession, leaseMs: number): Promise<ClaimedRow[]> {
  return sql.query<ClaimedRow>(
    `WITH gate AS (SELECT pg_try_advisory_xact_lock($2) AS ok),
     lapsed AS (
       SELECT id, "claimKey" FROM "EmailMessage"
       WHERE (SELECT ok FROM gate) AND status = 'SENDING' AND "leaseExpiresAt" < now()
       ORDER BY "leaseExpiresAt" LIMIT 1
       FOR UPDATE SKIP LOCKED)
     UPDATE "EmailMessage" m
     SET attempts = m.attempts + 1, "leaseExpiresAt" = now() + $1 * interval '1 millisecond', "updatedAt" = now()
     FROM lapsed
     WHERE m.status = 'SENDING' AND m."leaseExpiresAt" < now()
       AND (m."claimKey" = lapsed."claimKey" OR m.id = lapsed.id)
     RETURNING ${RETURNING}`,
    [leaseMs, LAPSED_CLAIM_LOCK],
  );
}

/** A claim still being sent keeps its lease, however slow the transport. */
function keepLease(sql: SqlSession, claimKey: string | null, leaseMs: number): () => void {
  if (!claimKey) return () => {};
  const timer = setInterval(() => {
    sql
      .query(
        `UPDATE "EmailMessage" SET "leaseExpiresAt" = now() + $2 * interval '1 millisecond'
         WHERE "claimKey" = $1::uuid AND status = 'SENDING'`,
        [claimKey, leaseMs],
      )
      .catch((error) => console.error("[email] could not extend a claim's lease", error));
  }, leaseMs / 3);
  timer.unref();
  return () => clearInterval(timer);
}

/** Due rows, people-waiting-for-them first. */
async function claimDue(sql: SqlSession, limit: number, leaseMs: number): Promise<ClaimedRow[]> {
  return sql.query<ClaimedRow>(
    `WITH due AS (
       SELECT id FROM "EmailMessage"
       WHERE status = 'QUEUED' AND "nextAttemptAt" <= now()
       ORDER BY priority, "nextAttemptAt", id
       LIMIT $1
       FOR UPDATE SKIP LOCKED)
     UPDATE "EmailMessage" m
     SET status = 'SENDING', attempts = m.attempts + 1, "claimKey" = $2::uuid,
         "leaseExpiresAt" = now() + $3 * interval '1 millisecond', "updatedAt" = now()
     FROM due WHERE m.id = due.id
     RETURNING ${RETURNING}`,
    [limit, randomUUID(), leaseMs],
  );
}

async function attachmentsOf(sql: SqlSession, ids: string[]): Promise<Map<string, OutgoingAttachment[]>> {
  const byMessage = new Map<string, OutgoingAttachment[]>();
  if (!ids.length) return byMessage;
  const rows = await sql.query<{ emailMessageId: string; fileName: string; contentType: string; content: Uint8Array }>(
    `SELECT "emailMessageId", "fileName", "contentType", content FROM "EmailAttachment"
     WHERE "emailMessageId" = ANY($1::uuid[]) ORDER BY "fileName", id`,
    [ids],
  );
  for (const { emailMessageId, ...file } of rows) byMessage.set(emailMessageId, [...(byMessage.get(emailMessageId) ?? []), file]);
  return byMessage;
}

interface Sent {
  id: string;
  attempts: number;
  providerId: string;
  html: string;
  text: string;
}
interface Failed {
  id: string;
  attempts: number;
  error: string;
}

/**
 * Writes results as they come, several per statement under load: a result
 * waits at most for the statement before it, so what was handed over is
 * recorded within moments (the window in which a crash means a re-send).
 * Only the claim that sent a row may record it (status and attempts match).
 */
class ResultWriter {
  private sent: Sent[] = [];
  private failed: Failed[] = [];
  private waiting: (() => void)[] = [];
  private running: Promise<void> | null = null;

  constructor(
    private readonly sql: SqlSession,
    private readonly maxAttempts: number,
    private readonly retryDelayMs: (attempts: number) => number,
  ) {}

  record(result: { sent: Sent } | { failed: Failed }): Promise<void> {
    if ("sent" in result) this.sent.push(result.sent);
    else this.failed.push(result.failed);
    const written = new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running ??= this.drain().finally(() => (this.running = null));
    return written;
  }

  private async drain() {
    while (this.sent.length || this.failed.length) {
      const [sent, failed, waiting] = [this.sent, this.failed, this.waiting];
      [this.sent, this.failed, this.waiting] = [[], [], []];
      try {
        if (sent.length) await retryOnDeadlock(() => this.writeSent(sent));
        if (failed.length) await retryOnDeadlock(() => this.writeFailed(failed));
      } catch (error) {
        // The rows stay SENDING; the lease lapses and they are sent again.
        console.error("[email] could not record delivery results", error);
      }
      waiting.forEach((resolve) => resolve());
    }
  }

  private writeSent(rows: Sent[]) {
    return this.sql.query(
      `UPDATE "EmailMessage" m
       SET status = 'SENT', "providerId" = v.provider_id, "sentAt" = now(), "lastError" = NULL, "leaseExpiresAt" = NULL,
           html = COALESCE(m.html, v.html), text = COALESCE(m.text, v.text), "updatedAt" = now()
       FROM unnest($1::uuid[], $2::int[], $3::text[], $4::text[], $5::text[]) AS v(id, attempts, provider_id, html, text)
       WHERE m.id = v.id AND m.status = 'SENDING' AND m.attempts = v.attempts`,
      [rows.map((r) => r.id), rows.map((r) => r.attempts), rows.map((r) => r.providerId), rows.map((r) => r.html), rows.map((r) => r.text)],
    );
  }

  private writeFailed(rows: Failed[]) {
    return this.sql.query(
      `UPDATE "EmailMessage" m
       SET status = CASE WHEN m.attempts >= $4 THEN 'FAILED'::"EmailStatus" ELSE 'QUEUED'::"EmailStatus" END,
           "lastError" = v.error, "leaseExpiresAt" = NULL,
           "nextAttemptAt" = now() + v.delay_ms * interval '1 millisecond', "updatedAt" = now()
       FROM unnest($1::uuid[], $2::int[], $3::text[], $5::float8[]) AS v(id, attempts, error, delay_ms)
       WHERE m.id = v.id AND m.status = 'SENDING' AND m.attempts = v.attempts`,
      [rows.map((r) => r.id), rows.map((r) => r.attempts), rows.map((r) => r.error), this.maxAttempts, rows.map((r) => this.retryDelayMs(r.attempts))],
    );
  }
}

/**
 * PostgreSQL breaks a deadlock by failing one of the statements: a result
 * write can meet the lease extension of the same claim, locking the same rows
 * in another order. Writing again is safe (it only touches rows this claim
 * still holds) and must happen: an unrecorded result means a second send.
 */
export async function retryOnDeadlock<T>(write: () => Promise<T>, tries = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      if ((code !== "40P01" && code !== "40001") || attempt >= tries) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt));
    }
  }
}

/** Limits how many sends are in flight in this process, across all claims. */
class Gate {
  private active = 0;
  private queue: (() => void)[] = [];
  constructor(private readonly limit: number) {}
  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.queue.push(resolve));
    this.active++;
    try {
      return await fn();
    } finally {
      this.active--;
      this.queue.shift()?.();
    }
  }
}

function describe(error: unknown, transportName: string) {
  const message = error instanceof Error ? error.message : String(error);
  return `[${transportName}] ${message}`.slice(0, MAX_ERROR_LENGTH);
}

export interface ClaimResult {
  claimed: number;
  sent: number;
  failed: number;
}

/** What one sender (one process) uses for every claim. */
export class EmailSender {
  readonly claimSize: number;
  private readonly leaseMs: number;
  private readonly maxAttempts: number;
  private readonly writer: ResultWriter;
  private readonly gate: Gate;

  constructor(
    private readonly sql: SqlSession,
    private readonly transport: EmailTransport,
    options: SenderOptions = {},
  ) {
    this.maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
    const batch = transport.sendBatch ? (transport.maxBatch ?? 100) : 0;
    this.claimSize = options.claimSize ?? (batch || Math.min(Math.max(transport.concurrency * 4, 20), 200));
    this.writer = new ResultWriter(sql, this.maxAttempts, options.retryDelayMs ?? defaultRetryDelayMs);
    this.gate = new Gate(Math.max(1, transport.concurrency));
  }

  /** Claims one batch (a lapsed claim first), sends it and records every result. */
  async sendOneClaim(): Promise<ClaimResult> {
    await failExhaustedClaims(this.sql, this.maxAttempts);
    let rows = await claimLapsed(this.sql, this.leaseMs);
    if (!rows.length) rows = await claimDue(this.sql, this.claimSize, this.leaseMs);
    if (!rows.length) return { claimed: 0, sent: 0, failed: 0 };
    // A stable order: a re-sent claim forms the same batch request as before.
    rows.sort((a, b) => (a.id < b.id ? -1 : 1));
    const release = keepLease(this.sql, rows[0].claimKey, this.leaseMs);
    try {
      return await this.sendClaim(rows);
    } finally {
      release();
    }
  }

  private async sendClaim(rows: ClaimedRow[]): Promise<ClaimResult> {
    const files = await attachmentsOf(
      this.sql,
      rows.filter((r) => r.hasAttachments).map((r) => r.id),
    );
    const prepared = await Promise.all(rows.map((row) => this.prepare(row, files.get(row.id))));
    const ready = prepared.filter((p): p is Prepared => "message" in p);
    const outcome = { claimed: rows.length, sent: 0, failed: prepared.length - ready.length };
    const writes: Promise<void>[] = prepared.filter((p) => "failed" in p).map((p) => this.writer.record(p as { failed: Failed }));

    const batchable = this.transport.sendBatch ? ready.filter((p) => !p.message.attachments?.length) : [];
    const singles = ready.filter((p) => !batchable.includes(p));
    const sends: Promise<void>[] = [];
    if (batchable.length) {
      const key = rows[0].claimKey ?? randomUUID();
      sends.push(
        this.gate.run(async () => {
          try {
            const ids = await this.transport.sendBatch!(
              batchable.map((p) => p.message),
              key,
            );
            batchable.forEach((p, i) => writes.push(this.writer.record({ sent: { ...p.sent, providerId: ids[i]?.providerId ?? "" } })));
            outcome.sent += batchable.length;
          } catch (error) {
            const text = describe(error, this.transport.name);
            batchable.forEach((p) => writes.push(this.writer.record({ failed: { id: p.sent.id, attempts: p.sent.attempts, error: text } })));
            outcome.failed += batchable.length;
          }
        }),
      );
    }
    for (const p of singles) {
      sends.push(
        this.gate.run(async () => {
          try {
            const { providerId } = await this.transport.send(p.message);
            writes.push(this.writer.record({ sent: { ...p.sent, providerId } }));
            outcome.sent++;
          } catch (error) {
            writes.push(this.writer.record({ failed: { id: p.sent.id, attempts: p.sent.attempts, error: describe(error, this.transport.name) } }));
            outcome.failed++;
          }
        }),
      );
    }
    await Promise.all(sends);
    await Promise.all(writes);
    return outcome;
  }

  private async prepare(row: ClaimedRow, attachments: OutgoingAttachment[] | undefined): Promise<Prepared | { failed: Failed }> {
    try {
      const completed = await completeAtSend(row, this.sql);
      const body = await renderStoredMessage(completed.message);
      const files = [...(attachments ?? []), ...completed.attachments];
      const message: OutgoingEmail = {
        id: row.id,
        to: row.to,
        subject: body.subject,
        html: body.html,
        text: body.text,
        ...(files.length ? { attachments: files } : {}),
      };
      return { message, sent: { id: row.id, attempts: row.attempts, providerId: "", html: body.html, text: body.text } };
    } catch (error) {
      return { failed: { id: row.id, attempts: row.attempts, error: describe(error, "render") } };
    }
  }
}

interface Prepared {
  message: OutgoingEmail;
  sent: Sent;
}

/** Sends until nothing is due (tests and benchmarks; the worker runs a SenderLoop). */
export async function drainOutbox(sql: SqlSession, transport: EmailTransport, options: SenderOptions = {}): Promise<ClaimResult> {
  const sender = new EmailSender(sql, transport, options);
  const total = { claimed: 0, sent: 0, failed: 0 };
  for (;;) {
    const result = await sender.sendOneClaim();
    if (!result.claimed) return total;
    total.claimed += result.claimed;
    total.sent += result.sent;
    total.failed += result.failed;
  }
}
