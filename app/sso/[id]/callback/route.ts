// GET /sso/<provider id>/callback: the provider sends the browser back here.
// The answer is checked (lib/sso/oidc.ts), the user found by verified e-mail
// (lib/sso/sign-in.ts), and the session started through a single-use ticket;
// a user with a second factor goes on to the code page. A refusal lands on
// the sign-in page with its reason.
import { redirect } from "next/navigation";
import { resolveCallbackUrl } from "@/lib/auth/callback-url";
import { signIn } from "@/lib/auth/auth";
import { homeFor } from "@/lib/auth/session";
import { secondStepPath, setChallengeCookie, setPreferenceCookies } from "@/lib/auth/sign-in-cookies";
import { SecondFactorRequired } from "@/lib/auth/sign-in-session";
import { db } from "@/lib/db";
import { completeSsoSignIn } from "@/lib/sso/oidc";
import { takePendingCookie } from "@/lib/sso/pending-cookie";
import { issueSsoTicket, SSO_REFUSALS } from "@/lib/sso/sign-in";
import { CredentialsSignin } from "next-auth";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const pending = await takePendingCookie();
  const result = await completeSsoSignIn(db, id, new URL(request.url).search, pending);
  if (!result.ok) redirect(`/login?sso=${result.reason}`);
  const callbackUrl = pending?.callbackUrl;
  const ticket = await issueSsoTicket(db, id, result.user.id);
  try {
    await signIn("sso", { ticket, redirect: false });
  } catch (error) {
    if (error instanceof SecondFactorRequired) {
      await setChallengeCookie(error.challengeToken);
      await setPreferenceCookies(result.user);
      redirect(secondStepPath(callbackUrl));
    }
    if (error instanceof CredentialsSignin) redirect(`/login?sso=${SSO_REFUSALS.find((reason) => reason === error.code) ?? "failed"}`);
    throw error;
  }
  await setPreferenceCookies(result.user);
  redirect(resolveCallbackUrl(callbackUrl, homeFor(result.user)));
}
