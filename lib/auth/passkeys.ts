// Passkeys (WebAuthn). A user registers passkeys from their profile and signs
// in with one instead of a password; the authenticator verifies the person
// (PIN, fingerprint, face), so a passkey counts as both factors.
// - Every challenge is stored here with an expiry and answered once: a
//   recorded answer cannot be replayed, and an old one is refused.
// - Sign-in offers no list of credentials: the browser finds the site's
//   discoverable passkeys itself, so the page says nothing about who has one.
// - An authenticator that counts its signatures must count up; a repeated or
//   lower counter means a copied credential and is refused.
// - The relying party is the app's public address (APP_URL).
import { randomUUID } from "node:crypto";
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransport,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { appUrl } from "@/lib/app-url";
import { now } from "@/lib/clock";
import type { DbOrTx } from "@/lib/db";
import { isUniqueViolation, isUuid } from "@/lib/db/query-guards";
import { DomainError, NotFoundError, ValidationError } from "@/lib/errors";
import { WebAuthnPurpose } from "@/lib/generated/prisma/enums";
import { hitRateLimit } from "@/lib/security/rate-limit";
import type { Actor } from "./actor";
import { sessionUser, signInRefusal, signInUserSelect, type SessionUser, type SignInRefusal } from "./sign-in-rules";

export const CHALLENGE_TTL_MS = 5 * 60 * 1000;
const MAX_PASSKEYS_PER_USER = 20;
// Starting a passkey sign-in writes a challenge row: anonymous callers get a budget per address.
const SIGN_IN_STARTS_PER_IP = { limit: 60, windowMs: 15 * 60 * 1000 };

/**
 * The relying party: the host and origin of APP_URL. An IP address cannot name
 * a relying party, so a loopback address (development, tests) stands for
 * localhost, where browsers treat plain HTTP as secure.
 */
function relyingParty(): { rpID: string; origin: string; name: string } {
  const url = new URL(appUrl("/"));
  if (url.hostname === "127.0.0.1" || url.hostname === "[::1]") url.hostname = "localhost";
  return { rpID: url.hostname, origin: url.origin, name: "Portico" };
}

async function storeChallenge(db: DbOrTx, purpose: WebAuthnPurpose, challenge: string, userId: string | null): Promise<string> {
  const at = now();
  // Expired challenges are of no use to anyone: each new one sweeps them away.
  await db.webAuthnChallenge.deleteMany({ where: { expiresAt: { lt: at } } });
  const row = await db.webAuthnChallenge.create({
    data: { purpose, challenge, userId, expiresAt: new Date(at.getTime() + CHALLENGE_TTL_MS) },
    select: { id: true },
  });
  return row.id;
}

/**
 * Takes a challenge out of the table: its value when it existed, was meant for
 * this purpose (and user) and had not expired, else null. The delete decides,
 * so two answers to one challenge cannot both pass.
 */
async function consumeChallenge(db: DbOrTx, id: string, purpose: WebAuthnPurpose, userId: string | null): Promise<string | null> {
  if (!isUuid(id)) return null;
  const row = await db.webAuthnChallenge.findUnique({ where: { id }, select: { challenge: true, purpose: true, userId: true } });
  if (!row || row.purpose !== purpose || row.userId !== userId) return null;
  const taken = await db.webAuthnChallenge.deleteMany({ where: { id, expiresAt: { gt: now() } } });
  if (taken.count !== 1) {
    await db.webAuthnChallenge.deleteMany({ where: { id } });
    return null;
  }
  return row.challenge;
}

/** The user handle passkeys carry: the user's id, so a discoverable passkey names its owner. */
const userHandle = (userId: string) => new TextEncoder().encode(userId);

interface PasskeyChallenge<Options> {
  challengeId: string;
  options: Options;
}

export async function startPasskeyRegistration(db: DbOrTx, actor: Actor): Promise<PasskeyChallenge<PublicKeyCredentialCreationOptionsJSON>> {
  const rp = relyingParty();
  const existing = await db.passkey.findMany({ where: { userId: actor.userId }, select: { credentialId: true, transports: true } });
  if (existing.length >= MAX_PASSKEYS_PER_USER) throw new DomainError("passkeys.tooMany", { max: MAX_PASSKEYS_PER_USER });
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.rpID,
    userName: actor.email,
    userDisplayName: actor.name,
    userID: userHandle(actor.userId),
    timeout: CHALLENGE_TTL_MS,
    attestationType: "none",
    // The same authenticator once per user.
    excludeCredentials: existing.map((p) => ({ id: p.credentialId, transports: p.transports as AuthenticatorTransport[] })),
    // Discoverable, so the sign-in page needs no e-mail; verified, so it counts as both factors.
    authenticatorSelection: { residentKey: "required", requireResidentKey: true, userVerification: "required" },
  });
  const challengeId = await storeChallenge(db, WebAuthnPurpose.REGISTER, options.challenge, actor.userId);
  return { challengeId, options };
}

export async function finishPasskeyRegistration(
  db: DbOrTx,
  actor: Actor,
  input: { challengeId: string; name: string; response: RegistrationResponseJSON },
): Promise<{ id: string }> {
  const expectedChallenge = await consumeChallenge(db, input.challengeId, WebAuthnPurpose.REGISTER, actor.userId);
  if (!expectedChallenge) throw new DomainError("passkeys.expired");
  const rp = relyingParty();
  let verification;
  try {
    verification = await verifyRegistrationResponse({
      response: input.response,
      expectedChallenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpID,
      requireUserVerification: true,
    });
  } catch {
    throw new DomainError("passkeys.registrationFailed");
  }
  if (!verification.verified) throw new DomainError("passkeys.registrationFailed");
  const { credential, credentialBackedUp } = verification.registrationInfo;
  if ((await db.passkey.count({ where: { userId: actor.userId } })) >= MAX_PASSKEYS_PER_USER) {
    throw new DomainError("passkeys.tooMany", { max: MAX_PASSKEYS_PER_USER });
  }
  try {
    return await db.passkey.create({
      data: {
        id: randomUUID(),
        userId: actor.userId,
        credentialId: credential.id,
        publicKey: Buffer.from(credential.publicKey),
        counter: BigInt(credential.counter),
        transports: credential.transports ?? [],
        name: input.name,
        backedUp: credentialBackedUp,
      },
      select: { id: true },
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ValidationError({ name: "passkeys.alreadyRegistered" });
    throw error;
  }
}

export interface PasskeyRow {
  id: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  backedUp: boolean;
}

/** The actor's own passkeys, newest first (a handful per user at most). */
export async function listPasskeys(db: DbOrTx, actor: Actor): Promise<PasskeyRow[]> {
  return db.passkey.findMany({
    where: { userId: actor.userId },
    select: { id: true, name: true, createdAt: true, lastUsedAt: true, backedUp: true },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: MAX_PASSKEYS_PER_USER,
  });
}

/** Removes one of the actor's passkeys; anyone else's answers like a missing one. */
export async function removePasskey(db: DbOrTx, actor: Actor, id: string): Promise<void> {
  const removed = isUuid(id) ? await db.passkey.deleteMany({ where: { id, userId: actor.userId } }) : { count: 0 };
  if (removed.count !== 1) throw new NotFoundError("common.notFound");
}

export type PasskeySignInFailure = "passkey_invalid" | "rate_limited" | SignInRefusal;

export async function startPasskeySignIn(
  db: DbOrTx,
  input: { ip: string },
): Promise<{ ok: true; challenge: PasskeyChallenge<PublicKeyCredentialRequestOptionsJSON> } | { ok: false; reason: "rate_limited"; retryAfterMs: number }> {
  const limit = await hitRateLimit(db, `passkey:start:${input.ip}`, SIGN_IN_STARTS_PER_IP);
  if (!limit.allowed) return { ok: false, reason: "rate_limited", retryAfterMs: limit.retryAfterMs };
  const rp = relyingParty();
  const options = await generateAuthenticationOptions({ rpID: rp.rpID, userVerification: "required", timeout: CHALLENGE_TTL_MS });
  const challengeId = await storeChallenge(db, WebAuthnPurpose.AUTHENTICATE, options.challenge, null);
  return { ok: true, challenge: { challengeId, options } };
}

type PasskeySignInResult = { ok: true; user: SessionUser } | { ok: false; reason: PasskeySignInFailure };

/**
 * Checks a passkey's answer to a sign-in challenge. The challenge is used up
 * whatever the outcome; the account's state is judged only after the
 * signature is right, as with a password.
 */
export async function verifyPasskeySignIn(db: DbOrTx, input: { challengeId: string; response: AuthenticationResponseJSON }): Promise<PasskeySignInResult> {
  const expectedChallenge = await consumeChallenge(db, input.challengeId, WebAuthnPurpose.AUTHENTICATE, null);
  if (!expectedChallenge) return { ok: false, reason: "passkey_invalid" };
  const passkey = await db.passkey.findUnique({
    where: { credentialId: String(input.response.id) },
    select: { id: true, credentialId: true, publicKey: true, counter: true, transports: true, user: { select: signInUserSelect } },
  });
  if (!passkey) return { ok: false, reason: "passkey_invalid" };
  const returnedHandle = input.response.response.userHandle;
  if (returnedHandle && returnedHandle !== Buffer.from(userHandle(passkey.user.id)).toString("base64url")) {
    return { ok: false, reason: "passkey_invalid" };
  }
  const rp = relyingParty();
  let newCounter: number;
  try {
    const verification = await verifyAuthenticationResponse({
      response: input.response,
      expectedChallenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpID,
      requireUserVerification: true,
      credential: {
        id: passkey.credentialId,
        publicKey: new Uint8Array(passkey.publicKey),
        counter: Number(passkey.counter),
        transports: passkey.transports as AuthenticatorTransport[],
      },
    });
    if (!verification.verified) return { ok: false, reason: "passkey_invalid" };
    newCounter = verification.authenticationInfo.newCounter;
  } catch {
    // Among others: a counter that did not go up.
    return { ok: false, reason: "passkey_invalid" };
  }
  // Only the counter this check read may be replaced: two sign-ins racing with one signature value cannot both win.
  const updated = await db.passkey.updateMany({
    where: { id: passkey.id, counter: passkey.counter },
    data: { counter: BigInt(newCounter), lastUsedAt: now() },
  });
  if (updated.count !== 1) return { ok: false, reason: "passkey_invalid" };
  const refusal = signInRefusal(passkey.user);
  if (refusal) return { ok: false, reason: refusal };
  return { ok: true, user: sessionUser(passkey.user) };
}
