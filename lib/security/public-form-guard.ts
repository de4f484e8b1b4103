// Guards for forms anyone can submit without an account (public event sign-up;
// the guest portal has its own order in lib/guests/submit-request.ts): a
// honeypot field people never fill, a per-IP rate limit in the database, and a
// proof-of-work solution (./proof-of-work.ts), checked before any domain work.
import type { DbOrTx } from "@/lib/db";
import type { MessageRef } from "@/lib/forms/action-result";
import { checkProofOfWork, powRefusalMessage, type PowForm } from "./proof-of-work";
import { hitRateLimit, type RateLimit } from "./rate-limit";

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
  const result = await hitRateLimit(db, `${submission.form}:ip:${submission.ip}`, submission.limit);
  if (!result.allowed) return { key: "events.errors.rateLimited", values: { minutes: Math.max(1, Math.ceil(result.retryAfterMs / 60000)) } };
  if (submission.proof) {
    const proof = await checkProofOfWork(db, submission.proof.form, submission.proof.payload);
    if (!proof.ok) return powRefusalMessage(proof.reason);
  }
  return null;
}
