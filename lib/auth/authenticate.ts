// Credential checks for sign-in (issue: accounts and roles). Attempts are
// counted per account and per IP before the password is checked, so parallel
// guesses cannot exceed the limit; a successful sign-in clears the account's count.
import type { DbOrTx } from "@/lib/db";
import { hitRateLimit, resetRateLimit, type RateLimit } from "@/lib/security/rate-limit";
import { normalizeEmail } from "./normalize-email";
import { burnPasswordCheck, verifyPassword } from "./password";
import { Permission, Role } from "@/lib/generated/prisma/enums";

const WINDOW_MS = 15 * 60 * 1000;

export function loginLimits(env = process.env): { perAccount: RateLimit; perIp: RateLimit } {
  return {
    perAccount: { limit: Number(env.LOGIN_RATE_LIMIT_PER_ACCOUNT ?? 5), windowMs: WINDOW_MS },
    perIp: { limit: Number(env.LOGIN_RATE_LIMIT_PER_IP ?? 100), windowMs: WINDOW_MS },
  };
}

export type LoginFailure = "invalid_credentials" | "no_portal_access" | "inactive" | "rate_limited";

export type AuthenticateResult =
  | { ok: true; user: { id: string; email: string; name: string; role: Role; locale: string; timeZone: string; sessionVersion: number } }
  | { ok: false; reason: LoginFailure; retryAfterMs?: number };

export async function authenticate(db: DbOrTx, input: { email: string; password: string; ip: string }): Promise<AuthenticateResult> {
  const email = normalizeEmail(input.email);
  const accountKey = `login:account:${email}`;
  const limits = loginLimits();
  const [perAccount, perIp] = await Promise.all([
    hitRateLimit(db, accountKey, limits.perAccount),
    hitRateLimit(db, `login:ip:${input.ip}`, limits.perIp),
  ]);
  if (!perAccount.allowed || !perIp.allowed) {
    return { ok: false, reason: "rate_limited", retryAfterMs: Math.max(perAccount.retryAfterMs, perIp.retryAfterMs) };
  }

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, locale: true, timeZone: true, active: true, sessionVersion: true, passwordHash: true, profile: { select: { permissions: true, active: true } } },
  });
  if (!user) {
    await burnPasswordCheck(input.password);
    return { ok: false, reason: "invalid_credentials" };
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) return { ok: false, reason: "invalid_credentials" };
  // Only after the password is right do we say why a known account is refused.
  if (!user.active) return { ok: false, reason: "inactive" };
  if (user.role === Role.CLIENT && !user.profile?.permissions.includes(Permission.PORTAL_ACCESS)) {
    return { ok: false, reason: "no_portal_access" };
  }
  await resetRateLimit(db, accountKey);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role, locale: user.locale, timeZone: user.timeZone, sessionVersion: user.sessionVersion } };
}
