// The client's address for rate limits. Next.js fills X-Forwarded-For with the
// socket's address only when the request has none, so the header is whatever
// the nearest hop says. Each trusted proxy appends the address it saw, so with
// TRUST_PROXY=N proxies in front (default 1: one reverse proxy) the N-th entry
// from the right is the client as the outermost proxy saw it; the entries to
// its left can be forged. X-Real-IP is never read: any client can send it.
// Exposed directly without a proxy, a client can still pick its own key; the
// overall limits of each form are the backstop.
export function clientIp(headers: Headers, trustedProxies = Number(process.env.TRUST_PROXY) || 1): string {
  const hops =
    headers
      .get("x-forwarded-for")
      ?.split(",")
      .map((h) => h.trim())
      .filter(Boolean) ?? [];
  if (hops.length === 0) return "unknown";
  return hops[Math.max(0, hops.length - Math.max(1, Math.floor(trustedProxies)))];
}
