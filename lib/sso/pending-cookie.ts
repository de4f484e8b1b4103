// The cookie that carries a sign-in through the provider and back: state,
// nonce and PKCE verifier, readable only by the server (HttpOnly), sent back on
// the provider's top-level redirect (SameSite=Lax), ten minutes long.
import "server-only";
import { cookies } from "next/headers";
import { appUrl } from "@/lib/app-url";
import type { SsoPending } from "./oidc";

const COOKIE = "portico-sso";
const MAX_AGE_SECONDS = 10 * 60;

export async function setPendingCookie(pending: SsoPending): Promise<void> {
  (await cookies()).set(COOKIE, Buffer.from(JSON.stringify(pending)).toString("base64url"), {
    path: "/sso",
    httpOnly: true,
    sameSite: "lax",
    secure: appUrl("/").startsWith("https:"),
    maxAge: MAX_AGE_SECONDS,
  });
}

/** The pending sign-in, taken out of the browser: one provider answer per start. */
export async function takePendingCookie(): Promise<SsoPending | null> {
  const jar = await cookies();
  const value = jar.get(COOKIE)?.value;
  jar.delete({ name: COOKIE, path: "/sso" });
  if (!value || value.length > 4000) return null;
  try {
    const parsed = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as Partial<SsoPending>;
    if (typeof parsed.providerId !== "string" || typeof parsed.state !== "string" || typeof parsed.nonce !== "string" || typeof parsed.verifier !== "string") {
      return null;
    }
    return {
      providerId: parsed.providerId,
      state: parsed.state,
      nonce: parsed.nonce,
      verifier: parsed.verifier,
      callbackUrl: typeof parsed.callbackUrl === "string" ? parsed.callbackUrl.slice(0, 2000) : undefined,
    };
  } catch {
    return null;
  }
}
