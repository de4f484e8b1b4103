// The Auth.js side of signing in with a passkey: the browser's answer to a
// stored challenge is checked by lib/auth/passkeys.ts. The authenticator
// verified the person, so no second factor is asked for.
import { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import type { AuthenticationResponseJSON } from "@simplewebauthn/server";
import { db } from "@/lib/db";
import { SignInMethod } from "@/lib/generated/prisma/enums";
import { verifyPasskeySignIn, type PasskeySignInFailure } from "./passkeys";
import { completeSignIn } from "./sign-in-session";

class PasskeyRefused extends CredentialsSignin {
  constructor(readonly reason: PasskeySignInFailure) {
    super(reason);
    this.code = reason;
  }
}

function parseResponse(value: unknown): AuthenticationResponseJSON | null {
  if (typeof value !== "string" || value.length > 20_000) return null;
  try {
    const parsed = JSON.parse(value) as AuthenticationResponseJSON;
    return typeof parsed?.id === "string" && typeof parsed.response === "object" && parsed.response !== null ? parsed : null;
  } catch {
    return null;
  }
}

export const passkeyProvider = Credentials({
  id: "passkey",
  name: "Passkey",
  credentials: { challengeId: {}, response: {} },
  async authorize(credentials, request) {
    const response = parseResponse(credentials.response);
    if (!response || typeof credentials.challengeId !== "string") throw new PasskeyRefused("passkey_invalid");
    const result = await verifyPasskeySignIn(db, { challengeId: credentials.challengeId, response });
    if (!result.ok) throw new PasskeyRefused(result.reason);
    return completeSignIn(db, result.user, { headers: request.headers, method: SignInMethod.PASSKEY, secondFactor: true });
  },
});
