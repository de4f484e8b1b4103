// GET /api/calendar/<token>: a portal user's calendar subscription
// (lib/events/calendar-feed.ts). The token is the only key; an unknown or
// revoked one answers 404, and the address is rate-limited.
import { db } from "@/lib/db";
import { openCalendarFeed } from "@/lib/events/calendar-feed";
import { clientIp } from "@/lib/security/client-ip";

export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  // Some apps want the address to end in .ics; both forms work.
  const token = (await params).token.replace(/\.ics$/i, "");
  const feed = await openCalendarFeed(db, token, clientIp(request.headers));
  if (feed.state === "notFound") return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  if (feed.state === "limited") {
    return new Response("Too many requests", {
      status: 429,
      headers: { "Retry-After": String(Math.ceil(feed.retryAfterMs / 1000)), "Cache-Control": "no-store" },
    });
  }
  return new Response(feed.ics, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="portico.ics"',
      // Never kept by shared caches: the address is the only key.
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
    },
  });
}
