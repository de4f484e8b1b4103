// Credential checks for sign-in. Guessing is limited without letting anyone
// lock an account's owner out:
// - per account *and* client IP (5 per 15 minutes): one address hammering an
//   account is stopped, and the owner elsewhere is not affected;
// - per IP (100 per 15 minutes) across accounts;
// - per account across all IPs, a backoff: after many failures in a day
//   (a guessing campaign from many addresses), the account's password is
//   checked at most once per delay, doubling from 1 s up to a cap (5 minutes).
//   Addresses the user signed in from within 30 days skip the backoff, so the
//   owner's usual devices keep working during such a campaign.
// Attempts are counted before the password is checked, so parallel guesses
// cannot exceed the limits. Unknown accounts go through the same steps, so the
// answers and their timing say nothing about which accounts exist.
import type { DbOrTx } from "@/lib/db";
import { claimSlot, hitRateLimit, markSeen, releaseRateLimitHit, resetRateLimit, seenRecently, type RateLimit } from "@/lib/security/rate-limit";
import { normalizeEmail } from "./normalize-email";
import { burnPasswordCheck, verifyPassword } from "./password";
import { sessionUser, signInRefusal, signInUserSelect, type SessionUser, type SignInRefusal } from "./sign-in-rules";

const WINDOW_MS = 15 * 60 * 1000;
const BACKOFF_WINDOW_MS = 24 * 60 * 60 * 1000;

interface LoginLimits {
  perAccountIp: RateLimit;
  perIp: RateLimit;
  /** Failures per account (all IPs) in a day before the backoff starts. */
  backoffAfter: number;
  backoffMaxMs: number;
}

function loginLimits(env = process.env): LoginLimits {
  return {
    // LOGIN_RATE_LIMIT_PER_ACCOUNT is the setting's former name.
    perAccountIp: { limit: Number(env.LOGIN_RATE_LIMIT_PER_ACCOUNT_IP ?? env.LOGIN_RATE_LIMIT_PER_ACCOUNT ?? 5), windowMs: WINDOW_MS },
    perIp: { limit: Number(env.LOGIN_RATE_LIMIT_PER_IP ?? 100), windowMs: WINDOW_MS },
    backoffAfter: Number(env.LOGIN_BACKOFF_AFTER ?? 20),
    backoffMaxMs: Number(env.LOGIN_BACKOFF_MAX_SECONDS ?? 300) * 1000,
  };
}

/** The wait between password checks of an account `excess` failures past the threshold. */
export function backoffDelayMs(excess: number, maxMs: number): number {
  return Math.min(maxMs, 1000 * 2 ** Math.min(30, Math.max(0, excess - 1)));
}

export type LoginFailure = "invalid_credentials" | SignInRefusal | "rate_limited";

export type AuthenticateResult = { ok: true; user: SessionUser } | { ok: false; reason: LoginFailure; retryAfterMs?: number };

const keys = (email: string, ip: string) => ({
  accountIp: `login:account-ip:${email}:${ip}`,
  ip: `login:ip:${ip}`,
  accountFailures: `login:account:${email}`,
  accountGate: `login:account-gate:${email}`,
  knownAddress: `login:${email}:${ip}`,
});

export async function authenticate(db: DbOrTx, input: { email: string; password: string; ip: string }): Promise<AuthenticateResult> {
  const email = normalizeEmail(input.email);
  const key = keys(email, input.ip);
  const limits = loginLimits();
  const [perAccountIp, perIp] = await Promise.all([hitRateLimit(db, key.accountIp, limits.perAccountIp), hitRateLimit(db, key.ip, limits.perIp)]);
  if (!perAccountIp.allowed || !perIp.allowed) {
    return { ok: false, reason: "rate_limited", retryAfterMs: Math.max(perAccountIp.retryAfterMs, perIp.retryAfterMs) };
  }

  // Every password check of the account counts here until it succeeds.
  const failures = await hitRateLimit(db, key.accountFailures, { limit: limits.backoffAfter, windowMs: BACKOFF_WINDOW_MS });
  if (!failures.allowed && !(await seenRecently(db, key.knownAddress))) {
    const slot = await claimSlot(db, key.accountGate, backoffDelayMs(failures.count - limits.backoffAfter, limits.backoffMaxMs));
    if (!slot.claimed) {
      // Not checked, so not a failure: waiting callers do not lengthen the delay.
      await releaseRateLimitHit(db, key.accountFailures);
      return { ok: false, reason: "rate_limited", retryAfterMs: slot.retryAfterMs };
    }
  }

  const user = await db.user.findUnique({
    where: { email },
    select: { ...signInUserSelect, passwordHash: true },
  });
  if (!user) {
    await burnPasswordCheck(input.password);
    return { ok: false, reason: "invalid_credentials" };
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) return { ok: false, reason: "invalid_credentials" };
  // The password was right: this check was no failure, and this address's count starts over.
  await Promise.all([releaseRateLimitHit(db, key.accountFailures), resetRateLimit(db, key.accountIp)]);
  // Only after the password is right do we say why a known account is refused.
  const refusal = signInRefusal(user);
  if (refusal) return { ok: false, reason: refusal };
  await markSeen(db, key.knownAddress);
  return { ok: true, user: sessionUser(user) };
}
