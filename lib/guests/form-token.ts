// The public guest form's signed token: a random nonce and the time the page was
// served, signed with the app secret. A submission sooner than a person could
// fill the form in, or a day later, is refused; the nonce becomes the request's
// submissionKey (unique), so a double click or a retry creates one request.
import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { authSecret } from "@/lib/auth/secret";
import { now } from "@/lib/clock";

/** People need a few seconds for even the shortest form; bots post at once. */
const GUEST_FORM_MIN_FILL_MS = 3_000;
const GUEST_FORM_MAX_AGE_MS = 24 * 60 * 60 * 1000;

export type GuestFormTokenCheck = { ok: true; nonce: string } | { ok: false; reason: "invalid" | "tooFast" | "expired" };

function sign(payload: string): string {
  return createHmac("sha256", authSecret()).update(`guest-form:${payload}`).digest("base64url");
}

/** Embedded in the page each time it is served. */
export function issueGuestFormToken(at: Date = now()): string {
  const payload = `${randomBytes(18).toString("base64url")}.${at.getTime()}`;
  return `${payload}.${sign(payload)}`;
}

export function checkGuestFormToken(token: unknown, at: Date = now()): GuestFormTokenCheck {
  if (typeof token !== "string" || token.length > 200) return { ok: false, reason: "invalid" };
  const match = /^([A-Za-z0-9_-]{24})\.(\d{1,15})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return { ok: false, reason: "invalid" };
  const [, nonce, issued, signature] = match;
  const expected = Buffer.from(sign(`${nonce}.${issued}`));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: "invalid" };
  const age = at.getTime() - Number(issued);
  if (age < GUEST_FORM_MIN_FILL_MS) return { ok: false, reason: "tooFast" };
  if (age > GUEST_FORM_MAX_AGE_MS) return { ok: false, reason: "expired" };
  return { ok: true, nonce };
}
