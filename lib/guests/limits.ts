// How many guest requests may be sent, counted in the database (lib/security/rate-limit.ts)
// so every app instance shares the counters. Per address it counts every attempt.
// There is no overall cap: a flood from many addresses would lock legitimate
// people out. Instead the proof of work grows dearer with the last hour's
// submissions (lib/security/proof-of-work.ts, GUEST_POW_LOAD_STEP).
import type { RateLimit } from "@/lib/security/rate-limit";

function positiveInteger(raw: string | undefined, fallback: number): number {
  const value = Number(raw);
  return raw && Number.isSafeInteger(value) && value > 0 ? value : fallback;
}

export interface GuestRateLimits {
  perIp: RateLimit;
}

/** GUEST_RATE_LIMIT_PER_IP per 15 minutes (default 10). Read on each call. */
export function guestRateLimits(env: Record<string, string | undefined> = process.env): GuestRateLimits {
  return {
    perIp: { limit: positiveInteger(env.GUEST_RATE_LIMIT_PER_IP, 10), windowMs: 15 * 60 * 1000 },
  };
}

export const GUEST_RATE_KEYS = {
  ip: (ip: string) => `guest-request:ip:${ip}`,
};
