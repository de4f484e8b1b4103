"use server";

// Sign-in, sign-out and password reset actions (shape: lib/actions/define-action.ts):
// parse with the form's schema, call the domain, set the language cookies, redirect.
import { headers } from "next/headers";
import { z } from "zod";
import { anyone, defineAction } from "@/lib/actions/define-action";
import { appUrl } from "@/lib/app-url";
import { db } from "@/lib/db";
import { afterAnswer } from "@/lib/http/after-answer";
import { DomainError } from "@/lib/errors";
import { notifyOutbox } from "@/lib/jobs/notify";
import { clientIp } from "@/lib/security/client-ip";
import { revokeSessions } from "./actor";
import { signIn, signOut } from "./auth";
import { resolveCallbackUrl } from "./callback-url";
import { normalizeEmail } from "./normalize-email";
import { requestPasswordResetLimited, resetPassword, RESET_TOKEN_MINUTES } from "./password-reset";
import { emailRequestSchema, loginSchema, newPasswordSchema } from "./schemas";
import { getActor, homeFor } from "./session";
import { secondStepPath, setChallengeCookie, setPreferenceCookies } from "./sign-in-cookies";
import { SecondFactorRequired, signInError } from "./sign-in-session";

export const loginAction = defineAction({
  name: "auth.login",
  guard: anyone,
  // A bad or overlong return path is dropped, never an error: the user lands on their home.
  input: loginSchema.extend({ callbackUrl: z.string().max(2000).optional().catch(undefined) }),
  run: async ({ input: { callbackUrl, ...credentials } }) => {
    let secondStep = false;
    try {
      await signIn("credentials", { ...credentials, redirect: false });
    } catch (error) {
      if (error instanceof SecondFactorRequired) {
        // The password was right; the code is asked on the next page.
        await setChallengeCookie(error.challengeToken);
        secondStep = true;
      } else {
        throw signInError(error);
      }
    }
    const user = await db.user.findUniqueOrThrow({ where: { email: normalizeEmail(credentials.email) }, select: { role: true, locale: true, timeZone: true } });
    await setPreferenceCookies(user);
    if (secondStep) return { redirectTo: secondStepPath(callbackUrl) };
    // Only a path on this origin inside the user's own area (the other audience's
    // area would only show a 403); anything else lands on the area's home.
    return { redirectTo: resolveCallbackUrl(callbackUrl, homeFor(user)) };
  },
});

/**
 * Signing out ends every session of the user, not only this browser's: the
 * session is a signed cookie, so a copy of it would otherwise keep working
 * until it expires. A plain form action (it returns nothing: signOut redirects).
 */
export async function logoutAction(): Promise<void> {
  // signOut redirects; coming back means it failed, and a sign-out must not fail quietly.
  const result = await signOutEverywhere();
  if (!result.ok) throw new Error("Signing out failed");
}

const signOutEverywhere = defineAction({
  name: "auth.logout",
  guard: getActor,
  run: async ({ actor }) => {
    if (actor) await revokeSessions(db, actor.userId);
    await signOut({ redirectTo: "/login" });
  },
});

export const forgotPasswordAction = defineAction({
  name: "auth.forgotPassword",
  guard: anyone,
  input: emailRequestSchema,
  run: async ({ input: { email } }) => {
    const ip = clientIp(await headers());
    // The same answer, in the same time, whether or not the account exists and
    // whether or not a limit was reached: the lookup, the token and the e-mail
    // are written after the response has gone.
    afterAnswer(async () => {
      const emailId = await requestPasswordResetLimited(db, { email, ip }, (token) => appUrl(`/reset-password/${token}`));
      await notifyOutbox([emailId]);
    }, "[auth] password reset request failed");
    return { message: { key: "auth.resetLinkSent", values: { minutes: RESET_TOKEN_MINUTES } } };
  },
});

export const resetPasswordAction = defineAction({
  name: "auth.resetPassword",
  guard: anyone,
  input: newPasswordSchema,
  run: async ({ input }) => {
    if (!(await resetPassword(db, input.token, input.password))) throw new DomainError("auth.resetInvalid");
    return { redirectTo: "/login?reset=1" };
  },
});
