// A process's running sender: a few lanes that each claim, send and record one
// batch after another while mail is due, then wait to be woken (after a commit
// that queued mail, by the job queue from another process) or for the next poll
// (retries coming due, a lapsed claim to take over). Only the first lane polls;
// a lane that finds a full claim wakes the others, so an idle worker costs one
// small indexed query per poll interval.
import type { SqlSession } from "@/lib/db/sql-driver";
import { EmailSender, type SenderOptions } from "./sender";
import type { EmailTransport } from "./transport";

export interface SenderLoopOptions extends SenderOptions {
  /** Idle poll interval (default 1 s). */
  pollMs?: number;
  /** Parallel claims; defaults to the transport's concurrency for batch transports, else 2. */
  lanes?: number;
}

export class SenderLoop {
  private readonly sender: EmailSender;
  private readonly lanes: number;
  private readonly pollMs: number;
  private stopped = false;
  private running: Promise<void>[] = [];
  private wakers = new Set<() => void>();

  constructor(
    private readonly sql: SqlSession,
    private readonly transport: EmailTransport,
    options: SenderLoopOptions = {},
  ) {
    this.sender = new EmailSender(this.sql, transport, options);
    this.pollMs = options.pollMs ?? 1_000;
    this.lanes = Math.max(1, options.lanes ?? (transport.sendBatch ? transport.concurrency : 2));
  }

  start(): void {
    if (this.running.length) return;
    this.running = Array.from({ length: this.lanes }, (_, lane) => this.run(lane));
  }

  /** Mail was queued: idle lanes claim now instead of at the next poll. */
  wake(): void {
    const wakers = [...this.wakers];
    this.wakers.clear();
    wakers.forEach((wake) => wake());
  }

  /** Lets every lane finish the claim in hand, then stops; closes the transport. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake();
    await Promise.all(this.running);
    this.running = [];
    await this.transport.close?.();
  }

  private async run(lane: number): Promise<void> {
    while (!this.stopped) {
      let claimed = 0;
      try {
        ({ claimed } = await this.sender.sendOneClaim());
      } catch (error) {
        // The database is unreachable or a statement failed: try again after a pause.
        console.error(`[email] sender lane ${lane} failed; retrying`, error);
      }
      if (this.stopped) return;
      if (claimed >= this.sender.claimSize) this.wake();
      else if (claimed === 0) await this.idle(lane === 0 ? await this.untilNextDue() : null);
    }
  }

  /** The poll interval, or less when a retry or a lapsing claim comes due sooner. */
  private async untilNextDue(): Promise<number> {
    try {
      // LEAST ignores NULLs; both NULL (nothing waiting) gives NULL: then the poll interval.
      const [row] = await this.sql.query<{ ms: number | null }>(
        `SELECT (EXTRACT(EPOCH FROM (LEAST(
           (SELECT min("nextAttemptAt") FROM "EmailMessage" WHERE status = 'QUEUED'),
           (SELECT min("leaseExpiresAt") FROM "EmailMessage" WHERE status = 'SENDING')) - now())) * 1000)::float8 AS ms`,
      );
      const ms = row?.ms;
      return ms === null || ms === undefined ? this.pollMs : Math.min(this.pollMs, Math.max(0, Math.ceil(ms)) + 10);
    } catch {
      return this.pollMs;
    }
  }

  private idle(timeoutMs: number | null): Promise<void> {
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const done = () => {
        clearTimeout(timer);
        this.wakers.delete(done);
        resolve();
      };
      if (timeoutMs !== null) timer = setTimeout(done, timeoutMs);
      this.wakers.add(done);
    });
  }
}
