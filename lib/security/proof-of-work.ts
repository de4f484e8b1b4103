// Proof of work for the public forms (ALTCHA v2, altcha-lib): the server signs a
// challenge whose answer is a counter the browser finds by hashing, SHA-256
// once per try; checking it costs the server one hash. People do not notice a
// second of hashing while they type; bots pay it for every submission. The
// difficulty (the expected number of tries) rises with the number of verified
// submissions to the form in the last hour, all addresses together, so a flood
// makes each further submission dearer instead of locking everyone out.
// Each solution works once: its signature is kept in RateLimitBucket until
// well after the challenge expired (purgeRateLimits drops it a day later).
import { createHmac } from "node:crypto";
import { createChallenge, randomInt, verifySolution, type Challenge, type Solution } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/sha";
import { authSecret } from "@/lib/auth/secret";
import { now } from "@/lib/clock";
import type { DbOrTx } from "@/lib/db";
import type { MessageRef } from "@/lib/forms/action-result";
import { hitRateLimit } from "./rate-limit";

const POW_FORMS = ["public-registration", "guest-request", "registration-link"] as const;
export type PowForm = (typeof POW_FORMS)[number];
export const isPowForm = (value: unknown): value is PowForm => (POW_FORMS as readonly unknown[]).includes(value);

/** How long a challenge may be answered: a person may take a while to fill the form in. */
const POW_CHALLENGE_TTL_MS = 30 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;
const ALGORITHM = "SHA-256";

function positiveInteger(raw: string | undefined, fallback: number): number {
  const value = Number(raw);
  return raw && Number.isSafeInteger(value) && value > 0 ? value : fallback;
}

export interface PowSettings {
  /** Expected tries at no load (POW_DIFFICULTY, default 20,000: well under a second in a browser). */
  base: number;
  /** Upper bound (POW_MAX_DIFFICULTY, default 2,000,000: tens of seconds in a browser). */
  max: number;
  /** Verified submissions per hour that double the difficulty. */
  loadStep: number;
}

/** Read on each call, so tests and operators can change them. */
export function powSettings(form: PowForm, env: Record<string, string | undefined> = process.env): PowSettings {
  const base = positiveInteger(env.POW_DIFFICULTY, 20_000);
  return {
    base,
    max: Math.max(base, positiveInteger(env.POW_MAX_DIFFICULTY, 2_000_000)),
    loadStep: form === "guest-request" ? positiveInteger(env.GUEST_POW_LOAD_STEP, 100) : positiveInteger(env.PUBLIC_REGISTRATION_POW_LOAD_STEP, 1_000),
  };
}

/** base × 2^(load / loadStep), at most max. */
export function difficultyFor(load: number, settings: PowSettings): number {
  return Math.min(settings.max, Math.round(settings.base * 2 ** (Math.max(0, load) / settings.loadStep)));
}

// The load is counted per clock hour; the last hour is this hour's count plus
// the previous hour's, weighted by how much of it still lies within the hour.
// Each count is spread over a few rows, so concurrent sign-ups to a busy form
// do not all wait for the same row.
const LOAD_SHARDS = 16;
const loadKeys = (form: PowForm, hour: number) => Array.from({ length: LOAD_SHARDS }, (_, shard) => `pow-load:${form}:${hour}:${shard}`);

/** Verified submissions to the form in about the last hour, all addresses together. */
export async function powLoad(db: DbOrTx, form: PowForm): Promise<number> {
  const at = now().getTime();
  const hour = Math.floor(at / HOUR_MS);
  const [current, previous] = [loadKeys(form, hour), loadKeys(form, hour - 1)];
  const rows = await db.rateLimitBucket.findMany({ where: { key: { in: [...current, ...previous] } }, select: { key: true, count: true } });
  const sum = (keys: string[]) => rows.filter((r) => keys.includes(r.key)).reduce((n, r) => n + r.count, 0);
  const elapsed = (at % HOUR_MS) / HOUR_MS;
  return sum(current) + sum(previous) * (1 - elapsed);
}

/** One of the current hour's load rows, picked at random to spread concurrent writers. */
function currentLoadKey(form: PowForm): string {
  return loadKeys(form, Math.floor(now().getTime() / HOUR_MS))[Math.floor(Math.random() * LOAD_SHARDS)];
}

/** The HMAC key: derived from AUTH_SECRET (or the embedded default's generated secret), never the secret itself. */
function hmacKey(): string {
  const secret = authSecret();
  if (cachedKey?.secret !== secret) cachedKey = { secret, key: createHmac("sha256", secret).update("portico:proof-of-work").digest("base64url") };
  return cachedKey.key;
}
let cachedKey: { secret: string; key: string } | undefined;

/** A signed challenge for the form, as difficult as its current load asks. */
export async function issueChallenge(db: DbOrTx, form: PowForm): Promise<Challenge> {
  const difficulty = difficultyFor(await powLoad(db, form), powSettings(form));
  // The answer lies evenly between half and one and a half times the difficulty.
  const half = Math.max(1, Math.floor(difficulty / 2));
  return createChallenge({
    algorithm: ALGORITHM,
    cost: 1,
    counter: randomInt(half + difficulty, half),
    deriveKey,
    // The expiry goes in the signed data rather than expiresAt: the app's clock
    // decides (lib/clock), where altcha-lib would read the wall clock.
    data: { form, difficulty, expires: Math.floor((now().getTime() + POW_CHALLENGE_TTL_MS) / 1000) },
    hmacSignatureSecret: hmacKey(),
  });
}

export type PowRefusal = "missing" | "invalid" | "expired" | "replayed";
export type PowCheck = { ok: true } | { ok: false; reason: PowRefusal };

/** The field the forms send the solution in (base64 of ALTCHA's JSON payload). */
export const POW_FIELD = "altcha";
export const MAX_PROOF_CHARS = 4_000;

function decode(payload: string): { challenge: Challenge; solution: Solution } | null {
  try {
    const value = JSON.parse(Buffer.from(payload, "base64").toString("utf8")) as unknown;
    if (typeof value !== "object" || value === null) return null;
    const { challenge, solution } = value as Record<string, unknown>;
    if (typeof challenge !== "object" || challenge === null || typeof solution !== "object" || solution === null) return null;
    const c = challenge as Challenge;
    const s = solution as Solution;
    if (typeof c.signature !== "string" || typeof c.parameters !== "object" || c.parameters === null) return null;
    if (!Number.isSafeInteger(s.counter) || s.counter < 0 || s.counter > 0xffffffff || typeof s.derivedKey !== "string") return null;
    return { challenge: { parameters: c.parameters, signature: c.signature }, solution: { counter: s.counter, derivedKey: s.derivedKey } };
  } catch {
    return null;
  }
}

/** A solution whose signature, form, expiry and answer check out, not yet spent. */
export type VerifiedProof = { ok: true; usedKey: string; loadKey: string };

/**
 * Checks a solution without the database: signed by us, for this form,
 * unexpired and correct. Whether it was used before is decided when it is
 * spent (spendProof, or the public form guard's single statement).
 */
export async function verifyProof(form: PowForm, payload: unknown): Promise<VerifiedProof | { ok: false; reason: PowRefusal }> {
  if (typeof payload !== "string" || payload === "") return { ok: false, reason: "missing" };
  if (payload.length > MAX_PROOF_CHARS) return { ok: false, reason: "invalid" };
  const decoded = decode(payload);
  if (!decoded) return { ok: false, reason: "invalid" };
  const { parameters } = decoded.challenge;
  // Our own challenges only: one hash per try, for this form, with an expiry.
  if (parameters.algorithm !== ALGORITHM || parameters.cost !== 1 || parameters.data?.form !== form || typeof parameters.data?.expires !== "number") {
    return { ok: false, reason: "invalid" };
  }
  // Checked before the signature, as altcha-lib does: a forged expiry fails the signature next.
  if (parameters.data.expires * 1000 <= now().getTime()) return { ok: false, reason: "expired" };
  let verified;
  try {
    verified = await verifySolution({ challenge: decoded.challenge, solution: decoded.solution, deriveKey, hmacSignatureSecret: hmacKey() });
  } catch {
    return { ok: false, reason: "invalid" };
  }
  if (!verified.verified) return { ok: false, reason: "invalid" };
  return { ok: true, usedKey: `pow-used:${decoded.challenge.signature}`, loadKey: currentLoadKey(form) };
}

/** The window of a load row: its clock hour is read for the next two hours (powLoad). */
export const POW_LOAD_WINDOW_MS = 3 * HOUR_MS;

/** Marks a verified solution used (false when it was used before) and counts it toward the form's load. */
async function spendProof(db: DbOrTx, proof: VerifiedProof): Promise<boolean> {
  const used = await db.$queryRaw<{ key: string }[]>`
    INSERT INTO "RateLimitBucket" ("key", "windowStart", "count") VALUES (${proof.usedKey}, ${now()}, 1)
    ON CONFLICT ("key") DO NOTHING RETURNING "key"`;
  if (used.length === 0) return false;
  await hitRateLimit(db, proof.loadKey, { limit: Number.MAX_SAFE_INTEGER, windowMs: POW_LOAD_WINDOW_MS });
  return true;
}

/**
 * Accepts a solution once: signed by us, for this form, unexpired, correct and
 * not used before. Every accepted one counts toward the form's load.
 */
export async function checkProofOfWork(db: DbOrTx, form: PowForm, payload: unknown): Promise<PowCheck> {
  const proof = await verifyProof(form, payload);
  if (!proof.ok) return proof;
  return (await spendProof(db, proof)) ? { ok: true } : { ok: false, reason: "replayed" };
}

/** The translated message for a refusal; the form keeps what the person typed and solves a new challenge. */
export function powRefusalMessage(reason: PowRefusal): MessageRef {
  return { key: reason === "expired" ? "security.pow.expired" : reason === "missing" ? "security.pow.missing" : "security.pow.invalid" };
}
