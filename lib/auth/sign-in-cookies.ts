// Cookies a sign-in leaves in the browser: the pending second step's token
// (httpOnly, minutes long) and the user's language and time zone.
import "server-only";
import { cookies } from "next/headers";
import { appUrl } from "@/lib/app-url";
import { LOCALE_COOKIE, TIME_ZONE_COOKIE } from "@/lib/i18n/config";
import { CHALLENGE_COOKIE, CHALLENGE_TTL_SECONDS } from "./sign-in-challenge";

const YEAR = 365 * 24 * 3600;

export async function setPreferenceCookies(user: { locale: string; timeZone: string }): Promise<void> {
  const jar = await cookies();
  jar.set(LOCALE_COOKIE, user.locale, { path: "/", sameSite: "lax", maxAge: YEAR });
  jar.set(TIME_ZONE_COOKIE, user.timeZone, { path: "/", sameSite: "lax", maxAge: YEAR });
}

export async function setChallengeCookie(token: string): Promise<void> {
  (await cookies()).set(CHALLENGE_COOKIE, token, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: appUrl("/").startsWith("https:"),
    maxAge: CHALLENGE_TTL_SECONDS,
  });
}

export async function readChallengeCookie(): Promise<string> {
  return (await cookies()).get(CHALLENGE_COOKIE)?.value ?? "";
}

export async function clearChallengeCookie(): Promise<void> {
  (await cookies()).delete(CHALLENGE_COOKIE);
}

/** The second step's page, keeping where the user was going. */
export function secondStepPath(callbackUrl: string | undefined): string {
  return callbackUrl ? `/login/two-factor?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/login/two-factor";
}
