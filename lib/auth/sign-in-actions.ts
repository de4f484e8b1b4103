"use server";

// The second step of a sign-in and the e-mailed sign-in link (shape:
// lib/actions/define-action.ts).
import { headers } from "next/headers";
import { z } from "zod";
import { anyone, defineAction } from "@/lib/actions/define-action";
import { appUrl } from "@/lib/app-url";
import { db } from "@/lib/db";
import { afterAnswer } from "@/lib/http/after-answer";
import { notifyOutbox } from "@/lib/jobs/notify";
import { clientIp } from "@/lib/security/client-ip";
import { signIn } from "./auth";
import { resolveCallbackUrl } from "./callback-url";
import { homeFor } from "./session";
import { challengeOwner } from "./sign-in-challenge";
import { clearChallengeCookie, readChallengeCookie, secondStepPath, setChallengeCookie, setPreferenceCookies } from "./sign-in-cookies";
import { requestSignInLink, signInLinkOwner, SIGN_IN_LINK_MINUTES } from "./sign-in-link";
import { SecondFactorRequired, signInError } from "./sign-in-session";
import { emailRequestSchema } from "./schemas";
import { codeSchema } from "./two-factor-schemas";

const callbackUrl = z.string().max(2000).optional().catch(undefined);

export const verifySecondFactorAction = defineAction({
  name: "auth.secondFactor",
  guard: anyone,
  input: codeSchema.extend({ callbackUrl }),
  run: async ({ input }) => {
    const challenge = await readChallengeCookie();
    try {
      await signIn("second-factor", { challenge, code: input.code, redirect: false });
    } catch (error) {
      throw signInError(error);
    }
    await clearChallengeCookie();
    const user = await challengeOwner(db, challenge);
    if (user) await setPreferenceCookies(user);
    return { redirectTo: resolveCallbackUrl(input.callbackUrl, user ? homeFor(user) : "/") };
  },
});

export const requestSignInLinkAction = defineAction({
  name: "auth.requestSignInLink",
  guard: anyone,
  input: emailRequestSchema,
  run: async ({ input: { email } }) => {
    const ip = clientIp(await headers());
    // The same answer, in the same time, whether or not the account exists or a
    // limit was reached: the lookup, the link and the e-mail are written after
    // the response has gone.
    afterAnswer(async () => {
      const emailId = await requestSignInLink(db, { email, ip }, (token) => appUrl(`/login/link/${token}`));
      await notifyOutbox([emailId]);
    }, "[auth] sign-in link request failed");
    return { message: { key: "auth.signInLinkSent", values: { minutes: SIGN_IN_LINK_MINUTES } } };
  },
});

export const signInWithLinkAction = defineAction({
  name: "auth.useSignInLink",
  guard: anyone,
  args: [z.string().min(1).max(200)],
  run: async ({ args: [token] }) => {
    const user = await signInLinkOwner(db, token);
    try {
      await signIn("sign-in-link", { token, redirect: false });
    } catch (error) {
      if (!(error instanceof SecondFactorRequired)) throw signInError(error);
      await setChallengeCookie(error.challengeToken);
      if (user) await setPreferenceCookies(user);
      return { redirectTo: secondStepPath(undefined) };
    }
    if (user) await setPreferenceCookies(user);
    return { redirectTo: user ? homeFor(user) : "/" };
  },
});
