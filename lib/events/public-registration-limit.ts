import type { RateLimit } from "@/lib/security/rate-limit";

/** Public sign-ups per IP per 10 minutes (PUBLIC_REGISTRATION_RATE_LIMIT, default 20). */
export function publicRegistrationLimit(): RateLimit {
  return { limit: Number(process.env.PUBLIC_REGISTRATION_RATE_LIMIT ?? 20), windowMs: 10 * 60 * 1000 };
}
