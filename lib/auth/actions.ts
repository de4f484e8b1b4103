"use server";

// Sign-in, sign-out and password reset actions: parse with the form's schema,
// call the domain, set the language cookies, redirect.
import { CredentialsSignin } from "next-auth";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { db } from "@/lib/db";
import { invalid, type ActionResult } from "@/lib/forms/action-result";
import { notifyOutbox } from "@/lib/jobs/notify";
import { clientIp } from "@/lib/security/client-ip";
import { LOCALE_COOKIE, TIME_ZONE_COOKIE } from "@/lib/i18n/config";
import { signIn, signOut } from "./auth";
import { normalizeEmail } from "./normalize-email";
import { forgotPasswordSchema, loginSchema, newPasswordSchema, type ForgotPasswordInput, type LoginInput, type NewPasswordInput } from "./schemas";
import { resolveCallbackUrl } from "./callback-url";
import { revokeSessions } from "./actor";
import { getActor, homeFor } from "./session";
import { requestPasswordResetLimited, resetPassword, RESET_TOKEN_MINUTES } from "./password-reset";
import { appUrl } from "@/lib/app-url";

export async function loginAction(input: LoginInput & { callbackUrl?: string }): Promise<ActionResult> {
  const parsed = loginSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    await signIn("credentials", { ...parsed.data, redirect: false });
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      const retryAfterMs = (error as { retryAfterMs?: number }).retryAfterMs ?? 15 * 60 * 1000;
      return { ok: false, formError: { key: `auth.errors.${error.code}`, values: { minutes: Math.max(1, Math.ceil(retryAfterMs / 60000)) } } };
    }
    throw error;
  }
  const user = await db.user.findUniqueOrThrow({ where: { email: normalizeEmail(parsed.data.email) }, select: { role: true, locale: true, timeZone: true } });
  const jar = await cookies();
  jar.set(LOCALE_COOKIE, user.locale, { path: "/", sameSite: "lax", maxAge: 365 * 24 * 3600 });
  jar.set(TIME_ZONE_COOKIE, user.timeZone, { path: "/", sameSite: "lax", maxAge: 365 * 24 * 3600 });
  // Only a path on this origin inside the user's own area (the other audience's
  // area would only show a 403); anything else lands on the area's home.
  redirect(resolveCallbackUrl(input.callbackUrl, homeFor(user)));
}

/**
 * Signing out ends every session of the user, not only this browser's: the
 * session is a signed cookie, so a copy of it would otherwise keep working
 * until it expires.
 */
export async function logoutAction(): Promise<void> {
  const actor = await getActor();
  if (actor) await revokeSessions(db, actor.userId);
  await signOut({ redirectTo: "/login" });
}

export async function forgotPasswordAction(input: ForgotPasswordInput): Promise<ActionResult> {
  const parsed = forgotPasswordSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const ip = clientIp(await headers());
  const { email } = parsed.data;
  // The same answer, in the same time, whether or not the account exists and
  // whether or not a limit was reached: the lookup, the token and the e-mail
  // are written after the response has gone.
  after(async () => {
    try {
      const emailId = await requestPasswordResetLimited(db, { email, ip }, (token) => appUrl(`/reset-password/${token}`));
      await notifyOutbox([emailId]);
    } catch (error) {
      console.error("[auth] password reset request failed", error);
    }
  });
  return { ok: true, message: { key: "auth.resetLinkSent", values: { minutes: RESET_TOKEN_MINUTES } } };
}

export async function resetPasswordAction(input: NewPasswordInput): Promise<ActionResult> {
  const parsed = newPasswordSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const done = await resetPassword(db, parsed.data.token, parsed.data.password);
  if (!done) return { ok: false, formError: { key: "auth.resetInvalid" } };
  redirect("/login?reset=1");
}
