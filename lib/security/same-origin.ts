// Route handlers that change state refuse requests another site's page makes
// a browser send (CSRF; the anonymous forms need no cookie at all). Browsers
// label every request: Sec-Fetch-Site, and Origin on every cross-origin POST;
// a page cannot forge either. Allowed: Sec-Fetch-Site "same-origin", or an
// Origin that is the app's own (APP_URL, or the address the request came to).
// A request with neither header is not a browser's cross-site request (a
// server-to-server integration, curl) and passes. Server actions have Next.js's
// own Origin check; Auth.js's endpoints have their CSRF token.

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function originOf(url: string | undefined | null): string | null {
  if (!url) return null;
  try {
    const { origin } = new URL(url);
    return origin === "null" ? null : origin;
  } catch {
    return null;
  }
}

/** The origins the app answers as: APP_URL (or its default) and the request's own. */
function ownOrigins(request: Request, appUrl: string | undefined): Set<string> {
  const origins = new Set<string>();
  const configured = originOf(appUrl ?? `http://localhost:${process.env.PORT ?? 3000}`);
  if (configured) origins.add(configured);
  const self = originOf(request.url);
  if (self) {
    origins.add(self);
    // The Host the browser used, should Next.js have built the URL from its own host name.
    const host = request.headers.get("host");
    if (host) {
      const viaHost = originOf(`${new URL(self).protocol}//${host}`);
      if (viaHost) origins.add(viaHost);
    }
  }
  return origins;
}

export function isSameOriginRequest(request: Request, appUrl: string | undefined = process.env.APP_URL): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return true;
  const site = request.headers.get("sec-fetch-site");
  if (site === "same-origin") return true;
  const origin = request.headers.get("origin");
  if (origin !== null) {
    // Exactly as a browser serializes an origin ("null", paths or odd spellings are refused).
    return originOf(origin) === origin && ownOrigins(request, appUrl).has(origin);
  }
  // No Origin: only a request the user started themselves (typed, bookmarked) or a non-browser client.
  return site === null || site === "none";
}

/** A 403 for a cross-site request to a state-changing route handler, or null to go on. */
export function refuseCrossSite(request: Request): Response | null {
  if (isSameOriginRequest(request)) return null;
  return Response.json({ error: "errors.crossSiteRequest" }, { status: 403, headers: { "Cache-Control": "no-store" } });
}
