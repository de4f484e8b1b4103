// "E-mail me a sign-in link": for clients who rarely visit and would otherwise
// reset a forgotten password each time.
// - Only portal clients who may sign in get one (active, with the profile's
//   portal access); staff accounts keep the password (and their second
//   factor). Everyone else gets nothing, and the page answers the same.
// - A link works once and for 15 minutes; only a SHA-256 of its token is
//   stored, and the row and the e-mail are written in one transaction (outbox,
//   URGENT like a password reset: the person is waiting for it).
// - Requests are limited per address and per client IP, counted alike whether
//   or not the account exists.
// - Opening the link does not sign in: mail scanners open links too. The page
//   shows a button, and pressing it uses the link (lib/auth/auth.ts).
import { createHash, randomBytes } from "node:crypto";
import { now } from "@/lib/clock";
import type { Db, DbOrTx } from "@/lib/db";
import { enqueueEmail } from "@/lib/email";
import { Permission, Role } from "@/lib/generated/prisma/enums";
import { hitRateLimit, type RateLimit } from "@/lib/security/rate-limit";
import { normalizeEmail } from "./normalize-email";

export const SIGN_IN_LINK_MINUTES = 15;
const HOUR_MS = 60 * 60 * 1000;
const LIMITS: { perAddress: RateLimit; perIp: RateLimit } = {
  perAddress: { limit: 3, windowMs: HOUR_MS },
  perIp: { limit: 20, windowMs: HOUR_MS },
};

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * A request from the login page. Returns the e-mail id when a link was queued,
 * undefined otherwise; the caller answers the same either way.
 */
export async function requestSignInLink(db: Db, input: { email: string; ip: string }, linkFor: (token: string) => string): Promise<string | undefined> {
  const email = normalizeEmail(input.email);
  const [perAddress, perIp] = await Promise.all([
    hitRateLimit(db, `sign-in-link:address:${email}`, LIMITS.perAddress),
    hitRateLimit(db, `sign-in-link:ip:${input.ip}`, LIMITS.perIp),
  ]);
  if (!perAddress.allowed || !perIp.allowed) return undefined;
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, locale: true, role: true, active: true, profile: { select: { permissions: true } } },
  });
  if (!user || !user.active || user.role !== Role.CLIENT || !user.profile?.permissions.includes(Permission.PORTAL_ACCESS)) return undefined;
  const token = randomBytes(32).toString("base64url");
  return db.$transaction(async (tx) => {
    // The user's expired links go as a new one is made.
    const at = now();
    await tx.signInLink.deleteMany({ where: { userId: user.id, expiresAt: { lt: at } } });
    await tx.signInLink.create({
      data: { userId: user.id, tokenHash: hashToken(token), createdAt: at, expiresAt: new Date(at.getTime() + SIGN_IN_LINK_MINUTES * 60_000) },
    });
    return enqueueEmail(tx, {
      to: user.email,
      locale: user.locale,
      template: "signInLink",
      props: { name: user.name, signInUrl: linkFor(token), minutes: SIGN_IN_LINK_MINUTES },
      priority: "URGENT",
    });
  });
}

/** Is the link usable right now (for the page that offers the button)? */
export async function isSignInLinkValid(db: DbOrTx, token: string): Promise<boolean> {
  const row = await db.signInLink.findUnique({ where: { tokenHash: hashToken(token) }, select: { usedAt: true, expiresAt: true } });
  return !!row && !row.usedAt && row.expiresAt > now();
}

/** Whose link the token is (used or not): their language and home after signing in. */
export async function signInLinkOwner(db: DbOrTx, token: string) {
  const row = await db.signInLink.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { user: { select: { role: true, locale: true, timeZone: true } } },
  });
  return row?.user ?? null;
}

/**
 * Uses the link up and returns whose it was, or null when it is unknown, used
 * or expired. The conditional update is the single-use guarantee.
 */
export async function consumeSignInLink(db: DbOrTx, token: string): Promise<string | null> {
  const at = now();
  const claimed = await db.signInLink.updateManyAndReturn({
    where: { tokenHash: hashToken(token), usedAt: null, expiresAt: { gt: at } },
    data: { usedAt: at },
    select: { userId: true },
  });
  return claimed[0]?.userId ?? null;
}
