// Optimistic routing only: anonymous visitors of /portal and /admin go to the
// login page with a return URL. Real checks happen in layouts and domain code.
// Requests with a body here are server actions: past their size limit they get
// a translated 413 (Next.js would answer 500), read no further than the limit.
// Every page gets a Content-Security-Policy with a fresh script nonce: Next.js
// reads it from the request's CSP header and puts it on its scripts.
import { NextResponse, type NextRequest } from "next/server";
import { declaredLength, readStreamLimited } from "@/lib/http/read-body";
import { SERVER_ACTION_BODY_LIMIT } from "@/lib/http/limits";
import { defaultLocale, isLocale, LOCALE_COOKIE, localeFromAcceptLanguage } from "@/lib/i18n/config";
import { messagesFor } from "@/lib/i18n/messages";
import { contentSecurityPolicy, newNonce, strictTransportSecurity } from "@/lib/security/csp";

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

/** A body over the server action limit, by its declared length or, undeclared (chunked), by reading up to the limit. */
async function exceedsActionLimit(request: NextRequest): Promise<boolean> {
  if (request.method === "GET" || request.method === "HEAD") return false;
  const declared = declaredLength(request.headers);
  if (declared !== null) return declared > SERVER_ACTION_BODY_LIMIT;
  // Next.js hands the proxy its own copy of the body; the page still gets the original.
  const read = await readStreamLimited(request.body, SERVER_ACTION_BODY_LIMIT);
  return !read.ok && read.reason === "tooLarge";
}

function requestTooLarge(request: NextRequest): NextResponse {
  const cookie = request.cookies.get(LOCALE_COOKIE)?.value;
  const locale = isLocale(cookie) ? cookie : (localeFromAcceptLanguage(request.headers.get("accept-language")) ?? defaultLocale);
  // Next.js shows the text of a plain-text error answer to a server action call
  // as the error's message; it must be exactly "text/plain" for that.
  const contentType = request.headers.has("next-action") ? "text/plain" : "text/plain; charset=utf-8";
  return new NextResponse(messagesFor(locale).errors.requestTooLarge, {
    status: 413,
    headers: { "Content-Type": contentType, "Cache-Control": "no-store", Connection: "close" },
  });
}

function withSecurityHeaders(response: NextResponse, policy: string): NextResponse {
  response.headers.set("Content-Security-Policy", policy);
  const hsts = strictTransportSecurity();
  if (hsts) response.headers.set("Strict-Transport-Security", hsts);
  return response;
}

export async function proxy(request: NextRequest) {
  if (await exceedsActionLimit(request)) return requestTooLarge(request);
  const { pathname, search } = request.nextUrl;
  const nonce = newNonce();
  const policy = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("x-portico-path", pathname + search);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", policy);
  const isProtected = pathname === "/portal" || pathname.startsWith("/portal/") || pathname === "/admin" || pathname.startsWith("/admin/");
  if (isProtected && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    const login = new URL("/login", request.url);
    login.searchParams.set("callbackUrl", pathname + search);
    return withSecurityHeaders(NextResponse.redirect(login), policy);
  }
  return withSecurityHeaders(NextResponse.next({ request: { headers } }), policy);
}

// API routes do their own checks and answer 401/404 themselves; leaving them
// out also spares uploads (POST /api/files, /api/guest/<token>) the proxy's
// request-body buffering limit.
export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/).*)"],
};
