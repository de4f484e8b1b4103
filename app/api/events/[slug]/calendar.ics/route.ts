// GET /api/events/<slug>/calendar.ics
import { getLocale } from "next-intl/server";
import { appUrl } from "@/lib/app-url";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { calendarFileFor } from "@/lib/events/event-calendar-file";

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const [actor, locale] = await Promise.all([getActor(), getLocale()]);
  const ics = await calendarFileFor(db, actor, slug, { host: new URL(appUrl("/")).host, locale, url: appUrl(`/e/${slug}`) });
  if (!ics) return new Response("Not found", { status: 404 });
  return new Response(ics, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="event-${slug.replace(/[^\w-]/g, "")}.ics"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
