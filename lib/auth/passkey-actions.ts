"use server";

// Passkeys: registering and removing them on one's own account, and signing
// in with one (shape: lib/actions/define-action.ts). The browser's WebAuthn
// answers arrive as JSON and are checked by lib/auth/passkeys.ts.
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from "@simplewebauthn/server";
import { headers } from "next/headers";
import { z } from "zod";
import { anyone, defineAction } from "@/lib/actions/define-action";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { recordId } from "@/lib/forms/record-id";
import { clientIp } from "@/lib/security/client-ip";
import { signIn } from "./auth";
import { resolveCallbackUrl } from "./callback-url";
import { finishPasskeyRegistration, removePasskey, startPasskeyRegistration, startPasskeySignIn } from "./passkeys";
import { passkeyNameSchema } from "./passkey-schemas";
import { homeFor, requireAccountActor } from "./session";
import { setPreferenceCookies } from "./sign-in-cookies";
import { signInError } from "./sign-in-session";

const ACCOUNT_PAGE = "/account/security";

// The browser's answer: its shape is checked by the WebAuthn library; here only that it is an object of sane size.
const webAuthnJson = z.record(z.string(), z.unknown()).refine((v) => typeof v.id === "string" && JSON.stringify(v).length < 20_000, "validation.invalid");

export const startPasskeyRegistrationAction = defineAction({
  name: "passkeys.startRegistration",
  guard: requireAccountActor,
  run: async ({ actor }) => ({ data: await startPasskeyRegistration(db, actor) }),
});

export const finishPasskeyRegistrationAction = defineAction({
  name: "passkeys.finishRegistration",
  guard: requireAccountActor,
  input: passkeyNameSchema.extend({ challengeId: z.string().max(100), response: webAuthnJson }),
  revalidate: [ACCOUNT_PAGE],
  run: async ({ actor, input }) => {
    await finishPasskeyRegistration(db, actor, {
      challengeId: input.challengeId,
      name: input.name,
      response: input.response as unknown as RegistrationResponseJSON,
    });
    return { message: { key: "passkeys.added" } };
  },
});

export const removePasskeyAction = defineAction({
  name: "passkeys.remove",
  guard: requireAccountActor,
  args: [recordId],
  revalidate: [ACCOUNT_PAGE],
  run: async ({ actor, args: [id] }) => {
    await removePasskey(db, actor, id);
  },
});

export const startPasskeySignInAction = defineAction({
  name: "passkeys.startSignIn",
  guard: anyone,
  run: async () => {
    const started = await startPasskeySignIn(db, { ip: clientIp(await headers()) });
    if (!started.ok) throw new DomainError("auth.errors.rate_limited", { minutes: Math.max(1, Math.ceil(started.retryAfterMs / 60000)) });
    return { data: started.challenge };
  },
});

export const passkeySignInAction = defineAction({
  name: "passkeys.signIn",
  guard: anyone,
  input: z.object({ challengeId: z.string().max(100), response: webAuthnJson, callbackUrl: z.string().max(2000).optional().catch(undefined) }),
  run: async ({ input }) => {
    const response = input.response as unknown as AuthenticationResponseJSON;
    try {
      await signIn("passkey", { challengeId: input.challengeId, response: JSON.stringify(response), redirect: false });
    } catch (error) {
      throw signInError(error);
    }
    const passkey = await db.passkey.findUnique({
      where: { credentialId: response.id },
      select: { user: { select: { role: true, locale: true, timeZone: true } } },
    });
    if (!passkey) throw new DomainError("auth.errors.passkey_invalid");
    await setPreferenceCookies(passkey.user);
    return { redirectTo: resolveCallbackUrl(input.callbackUrl, homeFor(passkey.user)) };
  },
});
