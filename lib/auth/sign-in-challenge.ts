// The second step of a sign-in. When the first factor (the password, or an
// e-mailed link) is right and the user has a second factor, no session is
// issued yet: a challenge row is written and the browser gets its token in a
// short-lived cookie. The code page then completes it.
// - Reaching this step already took the password and its rate limits, so the
//   step adds nothing a guesser could use to skip them; and the password page
//   says a code is needed only once the password was right.
// - A challenge lives 5 minutes, takes 5 codes, and is used once. Codes are
//   also limited per user across challenges (verifySecondFactor), because each
//   right password would otherwise open a fresh set of guesses.
import { createHash, randomBytes } from "node:crypto";
import { now } from "@/lib/clock";
import type { DbOrTx } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import type { SignInMethod } from "@/lib/generated/prisma/enums";
import { hitRateLimit } from "@/lib/security/rate-limit";
import { verifySecondFactor } from "./two-factor";

export const CHALLENGE_COOKIE = "portico.sign-in-challenge";
export const CHALLENGE_TTL_SECONDS = 5 * 60;
const ATTEMPTS_PER_CHALLENGE = 5;
const CODE_CHECKS_PER_IP = { limit: 100, windowMs: 15 * 60 * 1000 };

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Returns the token the browser keeps; only its hash is stored. */
export async function createSignInChallenge(db: DbOrTx, userId: string, method: SignInMethod): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  // The user's challenges no sign-in can use any more go as a new one comes.
  const at = now();
  await db.signInChallenge.deleteMany({ where: { userId, expiresAt: { lt: at } } });
  await db.signInChallenge.create({
    data: { tokenHash: hashToken(token), userId, method, createdAt: at, expiresAt: new Date(at.getTime() + CHALLENGE_TTL_SECONDS * 1000) },
  });
  return token;
}

export type ChallengeResult = { ok: true; userId: string; method: SignInMethod } | { ok: false; reason: "expired" | "invalid_code" | "rate_limited" };

/**
 * Checks a code against the challenge named by the token. On success the
 * challenge is used up and the caller issues the session.
 */
export async function completeSignInChallenge(db: DbOrTx, input: { token: string; code: string; ip: string }): Promise<ChallengeResult> {
  if (!input.token) return { ok: false, reason: "expired" };
  const perIp = await hitRateLimit(db, `2fa:ip:${input.ip}`, CODE_CHECKS_PER_IP);
  if (!perIp.allowed) return { ok: false, reason: "rate_limited" };
  const at = now();
  const tokenHash = hashToken(input.token);
  // Counting the attempt and checking the challenge is live is one statement,
  // so parallel guesses cannot exceed the challenge's budget.
  const counted = await db.signInChallenge.updateManyAndReturn({
    where: { tokenHash, consumedAt: null, expiresAt: { gt: at }, attempts: { lt: ATTEMPTS_PER_CHALLENGE } },
    data: { attempts: { increment: 1 } },
    select: { id: true, userId: true, method: true },
  });
  if (counted.length === 0) return { ok: false, reason: "expired" };
  const challenge = counted[0];
  let factor: Awaited<ReturnType<typeof verifySecondFactor>>;
  try {
    factor = await verifySecondFactor(db, challenge.userId, input.code);
  } catch (error) {
    // Past the per-user limit on codes.
    if (error instanceof ValidationError) return { ok: false, reason: "rate_limited" };
    throw error;
  }
  if (!factor) return { ok: false, reason: "invalid_code" };
  const consumed = await db.signInChallenge.updateMany({ where: { id: challenge.id, consumedAt: null }, data: { consumedAt: at } });
  if (consumed.count === 0) return { ok: false, reason: "expired" };
  return { ok: true, userId: challenge.userId, method: challenge.method };
}

/** Whose challenge the token names (used or not): where they land and their language after the code. */
export async function challengeOwner(db: DbOrTx, token: string) {
  if (!token) return null;
  const row = await db.signInChallenge.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { user: { select: { role: true, locale: true, timeZone: true } } },
  });
  return row?.user ?? null;
}
