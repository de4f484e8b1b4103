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

/** Drops expired buckets; scheduled daily by the job worker. */
export async function purgeRateLimits(db: DbOrTx, olderThanMs = 24 * 60 * 60 * 1000): Promise<number> {
  const { count } = await db.rateLimitBucket.deleteMany({ where: { windowStart: { lt: new Date(now().getTime() - olderThanMs) } } });
  return count;
}
