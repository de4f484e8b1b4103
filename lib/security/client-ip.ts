// The client's address for rate limits. Behind a proxy set TRUST_PROXY=1 so the
// first X-Forwarded-For hop is used; otherwise a client could choose its own key.
export function clientIp(headers: Headers): string {
  if (process.env.TRUST_PROXY === "1") {
    const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  return headers.get("x-real-ip") ?? headers.get("x-forwarded-for")?.split(",").at(-1)?.trim() ?? "unknown";
}
