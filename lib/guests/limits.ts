// How many guest requests may be sent, counted in the database (lib/security/rate-limit.ts)
// so every app instance shares the counters. Per address it counts every attempt;
// overall it counts the submissions that would be stored, so junk from many
// addresses cannot lock legitimate people out, yet storage and e-mail stay bounded.
import type { RateLimit } from "@/lib/security/rate-limit";

function positiveInteger(raw: string | undefined, fallback: number): number {
  const value = Number(raw);
  return raw && Number.isSafeInteger(value) && value > 0 ? value : fallback;
}

export interface GuestRateLimits {
  perIp: RateLimit;
  overall: RateLimit;
}

/** GUEST_RATE_LIMIT_PER_IP per 15 minutes (default 10); GUEST_RATE_LIMIT_TOTAL per hour (default 500). Read on each call. */
export function guestRateLimits(env: Record<string, string | undefined> = process.env): GuestRateLimits {
  return {
    perIp: { limit: positiveInteger(env.GUEST_RATE_LIMIT_PER_IP, 10), windowMs: 15 * 60 * 1000 },
    overall: { limit: positiveInteger(env.GUEST_RATE_LIMIT_TOTAL, 500), windowMs: 60 * 60 * 1000 },
  };
}

export const GUEST_RATE_KEYS = {
  ip: (ip: string) => `guest-request:ip:${ip}`,
  overall: "guest-request:all",
};
