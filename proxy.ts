// Optimistic routing only: anonymous visitors of /portal and /admin go to the
// login page with a return URL. Real checks happen in layouts and domain code.
import { NextResponse, type NextRequest } from "next/server";

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const headers = new Headers(request.headers);
  headers.set("x-portico-path", pathname + search);
  const isProtected = pathname === "/portal" || pathname.startsWith("/portal/") || pathname === "/admin" || pathname.startsWith("/admin/");
  if (isProtected && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    const login = new URL("/login", request.url);
    login.searchParams.set("callbackUrl", pathname + search);
    return NextResponse.redirect(login);
  }
  return NextResponse.next({ request: { headers } });
}

// API routes do their own checks and answer 401/404 themselves; leaving them
// out also spares uploads (POST /api/files, /api/guest/<token>) the proxy's
// request-body buffering limit.
export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/).*)"],
};
