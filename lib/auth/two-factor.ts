// Two-factor authentication with an authenticator app (TOTP, RFC 6238) and
// recovery codes.
// - Enrolment: the user gets a new secret (QR code and text) and it becomes
//   active only once they confirm it with a code, so a mistyped set-up never
//   locks anyone out. The secret is stored encrypted (lib/security/encryption).
// - A code is accepted for the current 30-second step or one either side
//   (clocks drift), and at most once: the step of the last accepted code is
//   stored and only later steps pass, so an overheard code cannot be replayed.
// - Ten recovery codes are shown once when the factor is confirmed; only their
//   hashes are kept, and each works once.
// - Checking codes is rate-limited per user, wherever the attempts come from.
import { createHash, randomInt } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import { now } from "@/lib/clock";
import type { Db, DbOrTx } from "@/lib/db";
import { isUuid } from "@/lib/db/query-guards";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { decryptSecret, encryptSecret, isSealedWithOldKey } from "@/lib/security/encryption";
import { hitRateLimit, type RateLimit } from "@/lib/security/rate-limit";
import { assertAdmin, type Actor } from "./actor";

const PERIOD_SECONDS = 30;
const DIGITS = 6;
/** Steps either side of the current one that still pass. */
const WINDOW = 1;
const RECOVERY_CODE_COUNT = 10;
// Someone who knows the password gets this many guesses of a six-digit code per
// quarter-hour, however many sign-ins they start: about one chance in 30,000.
const CODE_CHECKS_PER_USER: RateLimit = { limit: 10, windowMs: 15 * 60 * 1000 };

const ISSUER = "Portico";

function totpFor(secret: string, label: string): TOTP {
  return new TOTP({ issuer: ISSUER, label, algorithm: "SHA1", digits: DIGITS, period: PERIOD_SECONDS, secret: Secret.fromBase32(secret) });
}

const secretContext = (userId: string) => `totp:${userId}`;

/** The 30-second step `at` falls in. */
function stepAt(at: Date): number {
  return Math.floor(at.getTime() / 1000 / PERIOD_SECONDS);
}

/** The step a code belongs to, or null when it matches none within the window. */
function matchingStep(secret: string, code: string, at: Date): number | null {
  const delta = totpFor(secret, "").validate({ token: code, timestamp: at.getTime(), window: WINDOW });
  return delta === null ? null : stepAt(at) + delta;
}

// Recovery codes: 12 characters from an alphabet without look-alikes (60 bits),
// shown as xxxx-xxxx-xxxx. Hashed with the user id so equal codes of two users
// never share a hash.
const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

function newRecoveryCode(): string {
  const chars = Array.from({ length: 12 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join("");
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}

function normalizeRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9]/g, "");
}

function hashRecoveryCode(userId: string, code: string): string {
  return createHash("sha256")
    .update(`${userId}:${normalizeRecoveryCode(code)}`)
    .digest("hex");
}

const isTotpCode = (code: string) => /^\d{6}$/.test(code.replace(/\s/g, ""));

export interface TwoFactorStatus {
  enabled: boolean;
  /** A secret waiting for its first code (enrolment started, not confirmed). */
  pending: boolean;
  recoveryCodesLeft: number;
}

export async function twoFactorStatus(db: DbOrTx, userId: string): Promise<TwoFactorStatus> {
  const [credential, recoveryCodesLeft] = await Promise.all([
    db.totpCredential.findUnique({ where: { userId }, select: { confirmedAt: true } }),
    db.recoveryCode.count({ where: { userId, usedAt: null } }),
  ]);
  return { enabled: !!credential?.confirmedAt, pending: !!credential && !credential.confirmedAt, recoveryCodesLeft };
}

export async function hasTwoFactor(db: DbOrTx, userId: string): Promise<boolean> {
  const credential = await db.totpCredential.findUnique({ where: { userId }, select: { confirmedAt: true } });
  return !!credential?.confirmedAt;
}

/**
 * Starts (or restarts) enrolment: a fresh secret replaces any unconfirmed one.
 * An active factor must be turned off first, so a stolen session cannot
 * silently swap the authenticator.
 */
export async function startTotpEnrolment(db: DbOrTx, actor: Actor): Promise<void> {
  const existing = await db.totpCredential.findUnique({ where: { userId: actor.userId }, select: { confirmedAt: true } });
  if (existing?.confirmedAt) throw new ConflictError("twoFactor.errors.alreadyEnabled");
  const secretEncrypted = encryptSecret(new Secret({ size: 20 }).base32, secretContext(actor.userId));
  await db.totpCredential.upsert({
    where: { userId: actor.userId },
    create: { userId: actor.userId, secretEncrypted },
    update: { secretEncrypted, confirmedAt: null, lastUsedStep: null },
  });
}

/** What the authenticator app needs while enrolment waits for its first code; null when none is pending. */
export async function pendingEnrolment(db: DbOrTx, actor: Actor): Promise<{ secret: string; uri: string } | null> {
  const credential = await db.totpCredential.findUnique({ where: { userId: actor.userId }, select: { secretEncrypted: true, confirmedAt: true } });
  if (!credential || credential.confirmedAt) return null;
  const secret = decryptSecret(credential.secretEncrypted, secretContext(actor.userId));
  return { secret, uri: totpFor(secret, actor.email).toString() };
}

async function limitCodeChecks(db: DbOrTx, userId: string): Promise<void> {
  const hit = await hitRateLimit(db, `2fa:user:${userId}`, CODE_CHECKS_PER_USER);
  if (!hit.allowed) {
    throw new ValidationError({ code: "twoFactor.errors.rateLimited" }, "twoFactor.errors.rateLimited");
  }
}

/**
 * Confirms enrolment with a code from the app. Returns the recovery codes,
 * shown once; earlier ones are replaced.
 */
export async function confirmTotpEnrolment(db: Db, actor: Actor, code: string): Promise<string[]> {
  const credential = await db.totpCredential.findUnique({ where: { userId: actor.userId }, select: { secretEncrypted: true, confirmedAt: true } });
  if (!credential) throw new NotFoundError("twoFactor.errors.noEnrolment");
  if (credential.confirmedAt) throw new ConflictError("twoFactor.errors.alreadyEnabled");
  await limitCodeChecks(db, actor.userId);
  const at = now();
  const step = isTotpCode(code) ? matchingStep(decryptSecret(credential.secretEncrypted, secretContext(actor.userId)), code.replace(/\s/g, ""), at) : null;
  if (step === null) throw new ValidationError({ code: "twoFactor.errors.invalidCode" });
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await db.$transaction(async (tx) => {
    // Conditional: of two confirmations racing, one wins.
    const confirmed = await tx.totpCredential.updateMany({
      where: { userId: actor.userId, confirmedAt: null, secretEncrypted: credential.secretEncrypted },
      data: { confirmedAt: at, lastUsedStep: step },
    });
    if (confirmed.count === 0) throw new ConflictError("twoFactor.errors.alreadyEnabled");
    await replaceRecoveryCodes(tx, actor.userId, codes);
    await audit(tx, actor, "user.twoFactorEnabled", actor.userId);
  });
  return codes;
}

async function replaceRecoveryCodes(tx: DbOrTx, userId: string, codes: string[]): Promise<void> {
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(userId, code) })) });
}

/**
 * Checks a second-factor code of a user whose first factor is proven: a TOTP
 * code (each step once) or an unused recovery code (used up). Counted against
 * the per-user limit first; throws ValidationError past it.
 */
export async function verifySecondFactor(db: DbOrTx, userId: string, rawCode: string): Promise<"totp" | "recovery" | null> {
  await limitCodeChecks(db, userId);
  const code = rawCode.trim();
  if (isTotpCode(code)) {
    const credential = await db.totpCredential.findUnique({ where: { userId }, select: { secretEncrypted: true, confirmedAt: true } });
    if (!credential?.confirmedAt) return null;
    const secret = decryptSecret(credential.secretEncrypted, secretContext(userId));
    const step = matchingStep(secret, code.replace(/\s/g, ""), now());
    if (step === null) return null;
    // The step only moves forward, atomically: a replayed code, or the same
    // code sent twice at once, finds the step already taken.
    const accepted = await db.totpCredential.updateMany({
      where: { userId, confirmedAt: { not: null }, OR: [{ lastUsedStep: null }, { lastUsedStep: { lt: step } }] },
      data: {
        lastUsedStep: step,
        // Values sealed with a retired key are rewritten with the current one as they are used.
        ...(isSealedWithOldKey(credential.secretEncrypted) ? { secretEncrypted: encryptSecret(secret, secretContext(userId)) } : {}),
      },
    });
    return accepted.count === 1 ? "totp" : null;
  }
  const used = await db.recoveryCode.updateMany({
    where: { userId, codeHash: hashRecoveryCode(userId, code), usedAt: null },
    data: { usedAt: now() },
  });
  return used.count === 1 ? "recovery" : null;
}

/** Turns the second factor off; the user proves it with a current code (or a recovery code). */
export async function disableTwoFactor(db: Db, actor: Actor, code: string): Promise<void> {
  if (!(await hasTwoFactor(db, actor.userId))) throw new NotFoundError("twoFactor.errors.notEnabled");
  if (!(await verifySecondFactor(db, actor.userId, code))) throw new ValidationError({ code: "twoFactor.errors.invalidCode" });
  await db.$transaction(async (tx) => {
    await removeSecondFactor(tx, actor.userId);
    await audit(tx, actor, "user.twoFactorDisabled", actor.userId);
  });
}

/** New recovery codes (the old ones stop working), proven with a current code. */
export async function regenerateRecoveryCodes(db: Db, actor: Actor, code: string): Promise<string[]> {
  if (!(await hasTwoFactor(db, actor.userId))) throw new NotFoundError("twoFactor.errors.notEnabled");
  if (!(await verifySecondFactor(db, actor.userId, code))) throw new ValidationError({ code: "twoFactor.errors.invalidCode" });
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await db.$transaction(async (tx) => {
    await replaceRecoveryCodes(tx, actor.userId, codes);
    await audit(tx, actor, "user.recoveryCodesRegenerated", actor.userId);
  });
  return codes;
}

/**
 * An administrator removes a user's second factor (a lost phone and lost
 * recovery codes). Audited. The user signs in with the password alone and, if
 * the installation requires a second factor, is sent to enrol again.
 */
export async function resetTwoFactor(db: Db, actor: Actor, userId: string): Promise<void> {
  assertAdmin(actor);
  const user = isUuid(userId) ? await db.user.findUnique({ where: { id: userId }, select: { id: true } }) : null;
  if (!user) throw new NotFoundError("common.notFound");
  await db.$transaction(async (tx) => {
    const removed = await removeSecondFactor(tx, userId);
    await audit(tx, actor, "user.twoFactorReset", userId, { hadFactor: removed });
  });
}

async function removeSecondFactor(tx: DbOrTx, userId: string): Promise<boolean> {
  const credential = await tx.totpCredential.deleteMany({ where: { userId } });
  await tx.recoveryCode.deleteMany({ where: { userId } });
  return credential.count > 0;
}

async function audit(tx: DbOrTx, actor: Actor, action: string, userId: string, data: Record<string, string | number | boolean> = {}): Promise<void> {
  await tx.auditLog.create({
    data: { actorId: actor.userId, actorName: actor.name, action, entityType: "User", entityId: userId, data, createdAt: now() },
  });
}
