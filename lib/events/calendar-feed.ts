// A portal user's private calendar subscription: one secret address
// (https://…/api/calendar/<token>, or webcal://… for "subscribe" buttons) that
// calendar apps poll for the user's events. Only the token's SHA-256 is kept,
// so the address is shown once, when made; making a new one replaces it, and
// turning it off deletes it: the old address then answers 404 like any
// unknown one. The feed is built on each request, so a change or a
// cancellation shows at the app's next refresh.
import "server-only";
import { appUrl } from "@/lib/app-url";
import { assertPortalClient, isPortalClient, loadActor, type Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import type { DbOrTx } from "@/lib/db";
import { translatorFor } from "@/lib/i18n/messages";
import { hitRateLimit, type RateLimit } from "@/lib/security/rate-limit";
import { calendarFeed } from "./calendar";
import { calendarEventSelect } from "./event-calendar-file";
import { eventLocation } from "./event-location";
import { hashAccessToken, newAccessToken } from "./seat-lock";

/** Past events stay in the feed this long (a calendar keeps what it had, but a new subscriber sees the recent past). */
const PAST_DAYS = 365;
/** A feed is a person's events; this bounds a pathological one. */
const MAX_ENTRIES = 1000;
const MAX_TOKEN_LENGTH = 100;
/**
 * Calendar apps poll every 15 minutes to a day; one subscription fetched more
 * than this is a misbehaving client or a leaked address, and each fetch costs
 * a query over the person's registrations. Per address first, so a guesser
 * (tokens are 256 bits: hopeless anyway) costs little; the per-address limit
 * allows one office's NAT full of subscribers.
 */
export const FEED_LIMITS: { perToken: RateLimit; perIp: RateLimit } = {
  perToken: { limit: 60, windowMs: 60 * 60 * 1000 },
  perIp: { limit: 600, windowMs: 60 * 60 * 1000 },
};

export interface CalendarFeedLinks {
  url: string;
  webcalUrl: string;
}

function calendarFeedLinks(token: string): CalendarFeedLinks {
  const url = appUrl(`/api/calendar/${token}`);
  return { url, webcalUrl: url.replace(/^https?:\/\//, "webcal://") };
}

/** When the user's current subscription address was made, or null when there is none. */
export async function calendarFeedStatus(db: DbOrTx, actor: Actor): Promise<{ createdAt: Date } | null> {
  assertPortalClient(actor);
  return db.calendarFeed.findUnique({ where: { userId: actor.userId }, select: { createdAt: true } });
}

/** A new subscription address; any earlier one stops working at once. Returns the links (the only time the token is seen). */
export async function renewCalendarFeed(db: DbOrTx, actor: Actor): Promise<CalendarFeedLinks> {
  assertPortalClient(actor);
  const { token, hash } = newAccessToken();
  const at = now();
  await db.calendarFeed.upsert({
    where: { userId: actor.userId },
    create: { userId: actor.userId, tokenHash: hash, createdAt: at },
    update: { tokenHash: hash, createdAt: at },
    select: { userId: true },
  });
  return calendarFeedLinks(token);
}

export async function revokeCalendarFeed(db: DbOrTx, actor: Actor): Promise<void> {
  assertPortalClient(actor);
  await db.calendarFeed.deleteMany({ where: { userId: actor.userId } });
}

/** The subscription's owner as an actor, or null: unknown or revoked token, or a user who may no longer use the portal. */
async function calendarFeedOwner(db: DbOrTx, token: string): Promise<Actor | null> {
  if (!token || token.length > MAX_TOKEN_LENGTH) return null;
  const feed = await db.calendarFeed.findUnique({ where: { tokenHash: hashAccessToken(token) }, select: { userId: true } });
  if (!feed) return null;
  const owner = await loadActor(db, feed.userId);
  return owner && isPortalClient(owner) ? owner : null;
}

type FeedResponse = { state: "ok"; ics: string } | { state: "notFound" } | { state: "limited"; retryAfterMs: number };

/** GET of a subscription address: rate-limited, then the feed of the token's owner, or "not found" for anything else. */
export async function openCalendarFeed(db: DbOrTx, token: string, ip: string): Promise<FeedResponse> {
  const perIp = await hitRateLimit(db, `calendar-feed:ip:${ip}`, FEED_LIMITS.perIp);
  if (!perIp.allowed) return { state: "limited", retryAfterMs: perIp.retryAfterMs };
  const owner = await calendarFeedOwner(db, token);
  if (!owner) return { state: "notFound" };
  const perToken = await hitRateLimit(db, `calendar-feed:token:${hashAccessToken(token)}`, FEED_LIMITS.perToken);
  if (!perToken.allowed) return { state: "limited", retryAfterMs: perToken.retryAfterMs };
  return { state: "ok", ics: await calendarFeedIcs(db, owner) };
}

/**
 * The .ics text of the owner's registrations, in the owner's language.
 *
 * What appears: seats (CONFIRMED or TENTATIVE as the event is), places on the
 * reserve list (TENTATIVE, titled as a reserve), and for events with sessions
 * the sessions rather than the main event (which spans them all and would
 * cover weeks of the calendar).
 *
 * A registration the person cancelled, or staff cancelled, disappears from the
 * feed: subscribed calendars (Google, Apple, Outlook) drop an entry missing
 * from the next fetch, and that is the one behaviour they all share — several
 * keep showing a STATUS:CANCELLED entry as if it were on. An event that staff
 * cancelled is different: the person did not change their plans, so the
 * entry stays, titled "Cancelled: …" with STATUS:CANCELLED, so that every app,
 * even one that ignores the status, tells them rather than silently dropping it.
 */
async function calendarFeedIcs(db: DbOrTx, owner: Actor): Promise<string> {
  const since = new Date(now().getTime() - PAST_DAYS * 86_400_000);
  const registrations = await db.registration.findMany({
    where: {
      userId: owner.userId,
      status: { in: ["REGISTERED", "RESERVE"] },
      event: { endsAt: { gte: since }, secondaryEvents: { none: {} } },
    },
    select: {
      status: true,
      updatedAt: true,
      event: { select: calendarEventSelect },
    },
    orderBy: [{ event: { startsAt: "asc" } }, { id: "asc" }],
    take: MAX_ENTRIES,
  });
  const t = translatorFor(owner.locale);
  return calendarFeed(
    registrations.map(({ status, updatedAt, event }) => ({
      ...event,
      // A change to the registration (a reserve given a seat) is a change to the entry.
      updatedAt: updatedAt > event.updatedAt ? updatedAt : event.updatedAt,
      location: eventLocation(event),
      url: appUrl(`/portal/events/${event.number}`),
      ...(status === "RESERVE" ? { tentativeLabel: t("events.calendarFeed.reserveLabel") } : {}),
    })),
    { host: new URL(appUrl("/")).host, cancelledLabel: t("events.calendar.cancelled"), calendarName: t("events.calendarFeed.calendarName") },
  );
}
