// Bulk sends (EmailBatch: a status e-mail to every participant) and how far
// each has got. The counts come from one grouped query over the messages of
// all batches on screen (index on batchId, status), never one per batch.
// Plain reads: the pages check who may see them (the outbox is admins' only;
// an event's sends show to the staff who can see the event).
import type { DbOrTx } from "@/lib/db";
import { isUuid } from "@/lib/db/query-guards";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Page } from "@/lib/pagination";

const batchSelect = {
  id: true,
  template: true,
  total: true,
  createdAt: true,
  createdBy: { select: { name: true } },
  event: { select: { id: true, number: true, name: true } },
} satisfies Prisma.EmailBatchSelect;

type BatchRow = Prisma.EmailBatchGetPayload<{ select: typeof batchSelect }>;

export interface BulkSendCounts {
  /** QUEUED and SENDING: not delivered yet, not given up. */
  queued: number;
  sent: number;
  failed: number;
}

export interface BulkSendProgress extends BulkSendCounts {
  id: string;
  template: string;
  /** Messages queued by the send (fixed when it was made). */
  total: number;
  createdAt: Date;
  createdByName: string | null;
  event: { id: string; number: number; name: string } | null;
}

/** Whether any of these sends still has messages on their way (the page keeps refreshing). */
export const isInProgress = (sends: BulkSendCounts[]) => sends.some((s) => s.queued > 0);

/** The progress of these sends, in the order given; unknown ids are left out. Two statements however many. */
export async function bulkSendProgress(db: DbOrTx, batchIds: string[]): Promise<BulkSendProgress[]> {
  const ids = [...new Set(batchIds.filter(isUuid))];
  if (!ids.length) return [];
  const batches = await db.emailBatch.findMany({ where: { id: { in: ids } }, select: batchSelect });
  const byId = new Map((await withCounts(db, batches)).map((b) => [b.id, b]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export interface ListBulkSendsInput {
  page?: number;
  pageSize?: number;
  /** Only the sends of this event (the event page). */
  eventId?: string;
}

/** Bulk sends, newest first, one page, with their progress: page, count and one grouped count. */
export async function listBulkSends(db: DbOrTx, input: ListBulkSendsInput = {}): Promise<Page<BulkSendProgress> & { pageSize: number }> {
  const pageSize = Math.min(Math.max(Math.trunc(input.pageSize ?? 20) || 20, 1), 100);
  const page = Math.max(Math.trunc(input.page ?? 1) || 1, 1);
  if (input.eventId !== undefined && !isUuid(input.eventId)) return { rows: [], total: 0, page, pageSize, pageCount: 1 };
  const where: Prisma.EmailBatchWhereInput = input.eventId ? { eventId: input.eventId } : {};
  const [batches, total] = await Promise.all([
    db.emailBatch.findMany({ where, select: batchSelect, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (page - 1) * pageSize, take: pageSize }),
    db.emailBatch.count({ where }),
  ]);
  return { rows: await withCounts(db, batches), total, page, pageSize, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

async function withCounts(db: DbOrTx, batches: BatchRow[]): Promise<BulkSendProgress[]> {
  const counts = new Map<string, BulkSendCounts>(batches.map((b) => [b.id, { queued: 0, sent: 0, failed: 0 }]));
  if (batches.length) {
    const groups = await db.emailMessage.groupBy({ by: ["batchId", "status"], where: { batchId: { in: [...counts.keys()] } }, _count: { _all: true } });
    for (const g of groups) {
      const c = g.batchId ? counts.get(g.batchId) : undefined;
      if (!c) continue;
      if (g.status === "SENT") c.sent += g._count._all;
      else if (g.status === "FAILED") c.failed += g._count._all;
      else c.queued += g._count._all;
    }
  }
  return batches.map(({ createdBy, ...b }) => ({ ...b, createdByName: createdBy?.name ?? null, ...counts.get(b.id)! }));
}
