// How every way of signing in ends (password, e-mailed link, passkey, an
// institution's provider): once the user is known and allowed in, either a
// second factor is still owed — then a challenge is written and the browser is
// sent to the code page — or a session row is written and Auth.js puts its id
// in the session cookie (see auth.ts's jwt callback).
import { CredentialsSignin } from "next-auth";
import type { DbOrTx } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import type { SignInMethod } from "@/lib/generated/prisma/enums";
import { clientIp } from "@/lib/security/client-ip";
import { createSignInChallenge } from "./sign-in-challenge";
import { hasTwoFactor } from "./two-factor";
import { startUserSession } from "./user-sessions";

/** What a provider's authorize returns: Auth.js hands it to the jwt callback. */
export interface SignedInUser {
  id: string;
  name: string;
  email: string;
  sessionVersion: number;
  sessionId: string;
}

type KnownUser = Omit<SignedInUser, "sessionId">;

/** Writes the session row for a user who passed every check of their way of signing in. */
export async function completeSignIn(
  db: DbOrTx,
  user: KnownUser,
  how: { headers: Headers; method: SignInMethod; secondFactor: boolean },
): Promise<SignedInUser> {
  const sessionId = await startUserSession(db, {
    userId: user.id,
    sessionVersion: user.sessionVersion,
    method: how.method,
    secondFactor: how.secondFactor,
    userAgent: how.headers.get("user-agent"),
    ip: clientIp(how.headers),
  });
  return { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion, sessionId };
}

/** Thrown from authorize when the first factor was right and a code is owed; carries the challenge's token. */
export class SecondFactorRequired extends CredentialsSignin {
  constructor(readonly challengeToken: string) {
    super("second_factor_required");
    this.code = "second_factor_required";
  }
}

/**
 * After a first factor (password, link): a user with a second factor gets a
 * challenge (SecondFactorRequired is thrown), anyone else a session.
 */
export async function finishFirstFactor(db: DbOrTx, user: KnownUser, how: { headers: Headers; method: SignInMethod }): Promise<SignedInUser> {
  if (await hasTwoFactor(db, user.id)) throw new SecondFactorRequired(await createSignInChallenge(db, user.id, how.method));
  return completeSignIn(db, user, { ...how, secondFactor: false });
}

/** A refused sign-in as the translated error the form shows; anything else is returned as it was. */
export function signInError(error: unknown): unknown {
  if (!(error instanceof CredentialsSignin)) return error;
  const retryAfterMs = (error as { retryAfterMs?: number }).retryAfterMs ?? 15 * 60 * 1000;
  return new DomainError(`auth.errors.${error.code}`, { minutes: Math.max(1, Math.ceil(retryAfterMs / 60000)) });
}
