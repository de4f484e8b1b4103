// Guards for forms anyone can submit without an account (public event sign-up;
// the guest portal has its own order in lib/guests/submit-request.ts): a
// honeypot field people never fill, a per-IP rate limit in the database, and a
// proof-of-work solution (./proof-of-work.ts), checked before any domain work.
import { Prisma } from "@/lib/generated/prisma/client";
import { now } from "@/lib/clock";
import type { DbOrTx } from "@/lib/db";
import type { MessageRef } from "@/lib/forms/action-result";
import { POW_LOAD_WINDOW_MS, powRefusalMessage, verifyProof, type PowForm, type VerifiedProof } from "./proof-of-work";
import type { RateLimit } from "./rate-limit";

export interface PublicSubmission {
  /** Names the form, so each form has its own counters. */
  form: string;
  ip: string;
  honeypot: string | undefined;
  limit: RateLimit;
  /** The form's proof-of-work solution as sent (POW_FIELD); every public form of the app passes one. */
  proof?: { form: PowForm; payload: unknown };
}

/** null when the submission may proceed; otherwise the message to show. */
export async function refusePublicSubmission(db: DbOrTx, submission: PublicSubmission): Promise<MessageRef | null> {
  // A filled honeypot is a bot: it gets a plain refusal and nothing is stored or counted.
  if (submission.honeypot) return { key: "common.genericError" };
  // The solution's signature and answer are checked in memory first; the
  // database then sees one statement for the whole guard (busy public forms
  // pay for every round trip).
  const proof = submission.proof ? await verifyProof(submission.proof.form, submission.proof.payload) : null;
  const hit = await hitAndSpend(db, `${submission.form}:ip:${submission.ip}`, submission.limit, proof?.ok ? proof : null);
  // Every submission counts toward its address's limit, a bad solution too, as before the proof is looked at.
  if (!hit.allowed) return { key: "events.errors.rateLimited", values: { minutes: Math.max(1, Math.ceil(hit.retryAfterMs / 60000)) } };
  if (proof && !proof.ok) return powRefusalMessage(proof.reason);
  if (proof && !hit.spent) return powRefusalMessage("replayed");
  return null;
}

/**
 * In one statement: the address's hit on its fixed-window limit (the same
 * upsert as hitRateLimit); when that is allowed and a verified solution came
 * along, marking the solution used (a second use inserts nothing) and, if it
 * was unused, counting it toward the form's load. Data-modifying WITH
 * clauses each run once, reading the rows the previous ones returned.
 */
async function hitAndSpend(db: DbOrTx, key: string, { limit, windowMs }: RateLimit, proof: VerifiedProof | null) {
  const at = now();
  const windowOpenedAfter = new Date(at.getTime() - windowMs);
  const loadWindowOpenedAfter = new Date(at.getTime() - POW_LOAD_WINDOW_MS);
  const spend = proof
    ? Prisma.sql`,
      spent AS (
        INSERT INTO "RateLimitBucket" ("key", "windowStart", "count")
        SELECT ${proof.usedKey}, ${at}, 1 FROM hit WHERE hit."count" <= ${limit}
        ON CONFLICT ("key") DO NOTHING RETURNING "key"
      ),
      load AS (
        INSERT INTO "RateLimitBucket" ("key", "windowStart", "count")
        SELECT ${proof.loadKey}, ${at}, 1 FROM spent
        ON CONFLICT ("key") DO UPDATE SET
          "count" = CASE WHEN "RateLimitBucket"."windowStart" <= ${loadWindowOpenedAfter} THEN 1 ELSE "RateLimitBucket"."count" + 1 END,
          "windowStart" = CASE WHEN "RateLimitBucket"."windowStart" <= ${loadWindowOpenedAfter} THEN ${at} ELSE "RateLimitBucket"."windowStart" END
        RETURNING "key"
      )`
    : Prisma.empty;
  const spentColumn = proof ? Prisma.sql`EXISTS (SELECT 1 FROM spent)` : Prisma.sql`false`;
  const [row] = await db.$queryRaw<{ count: number; windowStart: Date; spent: boolean }[]>`
    WITH hit AS (
      INSERT INTO "RateLimitBucket" ("key", "windowStart", "count") VALUES (${key}, ${at}, 1)
      ON CONFLICT ("key") DO UPDATE SET
        "count" = CASE WHEN "RateLimitBucket"."windowStart" <= ${windowOpenedAfter} THEN 1 ELSE "RateLimitBucket"."count" + 1 END,
        "windowStart" = CASE WHEN "RateLimitBucket"."windowStart" <= ${windowOpenedAfter} THEN ${at} ELSE "RateLimitBucket"."windowStart" END
      RETURNING "count", "windowStart"
    )${spend}
    SELECT hit."count", hit."windowStart", ${spentColumn} AS spent FROM hit`;
  return {
    allowed: row.count <= limit,
    spent: row.spent,
    retryAfterMs: Math.max(0, new Date(row.windowStart).getTime() + windowMs - at.getTime()),
  };
}
