// Fixed-window rate limits kept in the database (RateLimitBucket), so every app
// instance shares the counters. One atomic upsert per hit: concurrent requests
// cannot slip past the limit.
import type { DbOrTx } from "@/lib/db";
import { now } from "@/lib/clock";

export interface RateLimit {
  limit: number;
  windowMs: number;
}

export interface RateLimitResult {
  allowed: boolean;
  count: number;
  retryAfterMs: number;
}

export async function hitRateLimit(db: DbOrTx, key: string, { limit, windowMs }: RateLimit): Promise<RateLimitResult> {
  const at = now();
  const windowOpenedAfter = new Date(at.getTime() - windowMs);
  const rows = await db.$queryRaw<{ count: number; windowStart: Date }[]>`
    INSERT INTO "RateLimitBucket" ("key", "windowStart", "count") VALUES (${key}, ${at}, 1)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitBucket"."windowStart" <= ${windowOpenedAfter} THEN 1 ELSE "RateLimitBucket"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimitBucket"."windowStart" <= ${windowOpenedAfter} THEN ${at} ELSE "RateLimitBucket"."windowStart" END
    RETURNING "count", "windowStart"`;
  const { count, windowStart } = rows[0];
  return {
    allowed: count <= limit,
    count,
    retryAfterMs: Math.max(0, new Date(windowStart).getTime() + windowMs - at.getTime()),
  };
}

export async function resetRateLimit(db: DbOrTx, key: string): Promise<void> {
  await db.rateLimitBucket.deleteMany({ where: { key } });
}

/** Takes back one hit (one that turned out not to count, e.g. refused later). */
export async function releaseRateLimitHit(db: DbOrTx, key: string): Promise<void> {
  await db.rateLimitBucket.updateMany({ where: { key, count: { gt: 0 } }, data: { count: { decrement: 1 } } });
}

export interface SlotResult {
  claimed: boolean;
  retryAfterMs: number;
}

/**
 * At most one claim per `intervalMs` for the key, in one atomic statement: of
 * concurrent claimers exactly one wins while the slot is open. The bucket's
 * windowStart is the time of the last successful claim.
 */
export async function claimSlot(db: DbOrTx, key: string, intervalMs: number): Promise<SlotResult> {
  const at = now();
  const openedBefore = new Date(at.getTime() - intervalMs);
  const claimed = await db.$queryRaw<{ windowStart: Date }[]>`
    INSERT INTO "RateLimitBucket" ("key", "windowStart", "count") VALUES (${key}, ${at}, 1)
    ON CONFLICT ("key") DO UPDATE SET "windowStart" = ${at}, "count" = "RateLimitBucket"."count" + 1
    WHERE "RateLimitBucket"."windowStart" <= ${openedBefore}
    RETURNING "windowStart"`;
  if (claimed.length > 0) return { claimed: true, retryAfterMs: 0 };
  const last = await db.rateLimitBucket.findUnique({ where: { key }, select: { windowStart: true } });
  return { claimed: false, retryAfterMs: last ? Math.max(1, last.windowStart.getTime() + intervalMs - at.getTime()) : 1 };
}

/** Keys of marks (markSeen) start with this; they are kept for KEEP_SEEN_MS rather than a day. */
const SEEN_PREFIX = "seen:";
const KEEP_SEEN_MS = 30 * 24 * 60 * 60 * 1000;

/** Records that `name` was seen now (e.g. an address a user signed in from). */
export async function markSeen(db: DbOrTx, name: string): Promise<void> {
  const key = SEEN_PREFIX + name;
  const at = now();
  await db.rateLimitBucket.upsert({ where: { key }, create: { key, windowStart: at, count: 1 }, update: { windowStart: at, count: { increment: 1 } } });
}

/** Was `name` seen within the last `withinMs`? */
export async function seenRecently(db: DbOrTx, name: string, withinMs = KEEP_SEEN_MS): Promise<boolean> {
  const row = await db.rateLimitBucket.findUnique({ where: { key: SEEN_PREFIX + name }, select: { windowStart: true } });
  return !!row && row.windowStart.getTime() > now().getTime() - withinMs;
}

/** Drops expired buckets; scheduled daily by the job worker. */
export async function purgeRateLimits(db: DbOrTx, olderThanMs = 24 * 60 * 60 * 1000): Promise<number> {
  const at = now().getTime();
  const { count } = await db.rateLimitBucket.deleteMany({
    where: {
      OR: [
        { key: { not: { startsWith: SEEN_PREFIX } }, windowStart: { lt: new Date(at - olderThanMs) } },
        { key: { startsWith: SEEN_PREFIX }, windowStart: { lt: new Date(at - Math.max(olderThanMs, KEEP_SEEN_MS)) } },
      ],
    },
  });
  return count;
}
