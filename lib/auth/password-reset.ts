// Password reset by e-mailed, single-use link with expiry. Only a SHA-256 of
// the token is stored; the token row and the e-mail are written in one
// transaction (outbox), and using a token consumes it atomically. Requests are
// limited per address and per client IP, counted alike whether or not the
// account exists, so the limits say nothing about which addresses have one.
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "@/lib/db";
import { now } from "@/lib/clock";
import { enqueueEmail } from "@/lib/email";
import { hitRateLimit, type RateLimit } from "@/lib/security/rate-limit";
import { normalizeEmail } from "./normalize-email";
import { hashPassword } from "./password";

export const RESET_TOKEN_MINUTES = 60;

const HOUR_MS = 60 * 60 * 1000;

function resetRequestLimits(env = process.env): { perAddress: RateLimit; perIp: RateLimit } {
  return {
    perAddress: { limit: Number(env.PASSWORD_RESET_RATE_LIMIT_PER_ADDRESS ?? 3), windowMs: HOUR_MS },
    perIp: { limit: Number(env.PASSWORD_RESET_RATE_LIMIT_PER_IP ?? 20), windowMs: HOUR_MS },
  };
}

/**
 * A reset request from a client: counted per address and per IP first; past
 * either limit nothing is looked up or sent. Returns the e-mail id when a
 * message was queued, undefined otherwise (the caller answers the same either way).
 */
export async function requestPasswordResetLimited(
  db: Db,
  input: { email: string; ip: string },
  linkFor: (token: string) => string,
): Promise<string | undefined> {
  const email = normalizeEmail(input.email);
  const limits = resetRequestLimits();
  const [perAddress, perIp] = await Promise.all([
    hitRateLimit(db, `reset:address:${email}`, limits.perAddress),
    hitRateLimit(db, `reset:ip:${input.ip}`, limits.perIp),
  ]);
  if (!perAddress.allowed || !perIp.allowed) return undefined;
  return requestPasswordReset(db, email, linkFor);
}

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Returns the e-mail id when a message was queued (tests), undefined otherwise. */
export async function requestPasswordReset(db: Db, email: string, linkFor: (token: string) => string): Promise<string | undefined> {
  const user = await db.user.findUnique({ where: { email: normalizeEmail(email) }, select: { id: true, name: true, email: true, locale: true, active: true } });
  if (!user || !user.active) return undefined;
  const token = randomBytes(32).toString("base64url");
  return db.$transaction(async (tx) => {
    await tx.passwordResetToken.create({
      data: { userId: user.id, tokenHash: hashToken(token), expiresAt: new Date(now().getTime() + RESET_TOKEN_MINUTES * 60_000) },
    });
    return enqueueEmail(tx, {
      to: user.email,
      locale: user.locale,
      template: "passwordReset",
      props: { name: user.name, resetUrl: linkFor(token), minutes: RESET_TOKEN_MINUTES },
    });
  });
}

/** Is the token usable right now (for rendering the form)? */
export async function isResetTokenValid(db: Db, token: string): Promise<boolean> {
  const row = await db.passwordResetToken.findUnique({ where: { tokenHash: hashToken(token) }, select: { usedAt: true, expiresAt: true } });
  return !!row && !row.usedAt && row.expiresAt > now();
}

export async function resetPassword(db: Db, token: string, password: string): Promise<boolean> {
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const at = now();
    // The conditional update is the single-use guarantee: of two concurrent
    // uses, only one matches usedAt = null.
    const claimed = await tx.passwordResetToken.updateManyAndReturn({
      where: { tokenHash: hashToken(token), usedAt: null, expiresAt: { gt: at } },
      data: { usedAt: at },
      select: { userId: true },
    });
    if (claimed.length === 0) return false;
    const userId = claimed[0].userId;
    // Sessions signed in with the old password end (sessionVersion).
    await tx.user.update({ where: { id: userId }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    // Any other outstanding links for the account stop working too.
    await tx.passwordResetToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: at } });
    return true;
  });
}
