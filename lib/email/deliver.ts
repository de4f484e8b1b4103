// Delivery of one outbox row (the body of the e-mail job) and the sweep query.
// A row is claimed atomically before sending; the message id is the idempotency key.
import type { DbOrTx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isUuid } from "@/lib/db/query-guards";
import { getTransport, type EmailTransport } from "./transport";

export interface DeliverOptions {
  /** After this many attempts a failure is final: FAILED (default 5). */
  maxAttempts?: number;
  /**
   * A SENDING row untouched this long is taken to be a crashed attempt and sent
   * again (default 10 minutes). Younger SENDING rows belong to a live sender.
   */
  staleAfterMs?: number;
}

export const DEFAULT_MAX_ATTEMPTS = 5;
export const DEFAULT_STALE_AFTER_MS = 10 * 60_000;
const MAX_ERROR_LENGTH = 2000;

export type DeliveryResult =
  | { id: string; outcome: "sent"; providerId: string; attempts: number }
  | { id: string; outcome: "skipped"; reason: "missing" | "sent" | "failed" | "in-flight" };

/**
 * Sends the message at most once per claim: SENT rows and rows another sender
 * holds are skipped. On failure records lastError, sets QUEUED (or FAILED once
 * attempts reach maxAttempts) and rethrows so the job system retries.
 */
export async function deliverEmail(
  db: DbOrTx,
  id: string,
  transport: EmailTransport = getTransport(),
  options: DeliverOptions = {},
): Promise<DeliveryResult> {
  if (!isUuid(id)) return { id, outcome: "skipped", reason: "missing" };
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const staleBefore = new Date(Date.now() - (options.staleAfterMs ?? DEFAULT_STALE_AFTER_MS));

  // The claim is one conditional UPDATE ... RETURNING: of concurrent callers only
  // one matches, since the winner's SENDING row is not stale.
  const [claimed] = await db.emailMessage.updateManyAndReturn({
    where: { id, OR: [{ status: "QUEUED" }, { status: "SENDING", updatedAt: { lt: staleBefore } }] },
    data: { status: "SENDING", attempts: { increment: 1 } },
    select: { id: true, to: true, subject: true, html: true, text: true, attempts: true },
  });
  if (!claimed) return { id, outcome: "skipped", reason: await whyNotClaimed(db, id) };

  let providerId: string;
  try {
    const attachments = await db.emailAttachment.findMany({
      where: { emailMessageId: id },
      select: { fileName: true, contentType: true, content: true },
      orderBy: [{ fileName: "asc" }, { id: "asc" }],
    });
    ({ providerId } = await transport.send({
      id: claimed.id,
      to: claimed.to,
      subject: claimed.subject,
      html: claimed.html,
      text: claimed.text,
      ...(attachments.length ? { attachments } : {}),
    }));
  } catch (error) {
    const final = claimed.attempts >= maxAttempts;
    await db.emailMessage.updateMany({
      where: { id, status: "SENDING", attempts: claimed.attempts },
      data: { status: final ? "FAILED" : "QUEUED", lastError: describe(error, transport.name) },
    });
    throw error;
  }

  await db.emailMessage.updateMany({
    where: { id, status: { not: "SENT" } },
    data: { status: "SENT", providerId, sentAt: new Date(), lastError: null },
  });
  return { id, outcome: "sent", providerId, attempts: claimed.attempts };
}

async function whyNotClaimed(db: DbOrTx, id: string) {
  const row = await db.emailMessage.findUnique({ where: { id }, select: { status: true } });
  if (!row) return "missing" as const;
  if (row.status === "SENT") return "sent" as const;
  if (row.status === "FAILED") return "failed" as const;
  return "in-flight" as const; // SENDING by a live sender (or QUEUED again in the meantime)
}

function describe(error: unknown, transportName: string) {
  const message = error instanceof Error ? error.message : String(error);
  return `[${transportName}] ${message}`.slice(0, MAX_ERROR_LENGTH);
}

/**
 * Ids the periodic sweep should hand to deliverEmail: QUEUED rows untouched for
 * `minAgeMs` (leave room for the job's own retry backoff) and stale SENDING rows.
 */
export async function dueEmailIds(
  db: DbOrTx,
  options: { minAgeMs?: number; staleAfterMs?: number; limit?: number } = {},
): Promise<string[]> {
  const now = Date.now();
  const where: Prisma.EmailMessageWhereInput = {
    OR: [
      { status: "QUEUED", updatedAt: { lte: new Date(now - (options.minAgeMs ?? 0)) } },
      { status: "SENDING", updatedAt: { lt: new Date(now - (options.staleAfterMs ?? DEFAULT_STALE_AFTER_MS)) } },
    ],
  };
  const rows = await db.emailMessage.findMany({
    where,
    select: { id: true },
    orderBy: { createdAt: "asc" },
    take: options.limit ?? 100,
  });
  return rows.map((r) => r.id);
}
