// Sessions as records: every sign-in writes a UserSession row and the session
// cookie (a signed JWT) names it. Each request checks the row, so ending one
// session — from the sessions list, or by signing out — ends it wherever its
// cookie was copied, and users see where they are signed in. The user's
// sessionVersion still ends all of them at once (revokeSessions).
import { now } from "@/lib/clock";
import type { DbOrTx } from "@/lib/db";
import { isUuid } from "@/lib/db/query-guards";
import { NotFoundError } from "@/lib/errors";
import type { SignInMethod } from "@/lib/generated/prisma/enums";
import { assertAdmin, revokeSessions, type Actor } from "./actor";

/** As long as the session cookie lives (Auth.js maxAge in auth.ts). */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;
// Last seen is written at most this often per session: a page view costs a
// read, not a write.
const LAST_SEEN_EVERY_MS = 5 * 60 * 1000;
// Sessions shown on the profile: they expire within hours, so a user has few;
// the cap only guards the page against a script signing in in a loop.
const LISTED_SESSIONS = 50;

// Session times are wall-clock times, not the app clock (lib/clock): the
// cookie naming the session expires on the wall clock (the browser's and
// Auth.js's), and moving the app clock (tests, demos) must not end sessions.
const wallClock = () => new Date();

const expiryFrom = (at: Date) => new Date(at.getTime() + SESSION_MAX_AGE_SECONDS * 1000);

export interface NewSession {
  userId: string;
  sessionVersion: number;
  method: SignInMethod;
  /** Both factors proven (password and code, or a passkey). */
  secondFactor: boolean;
  userAgent: string | null;
  ip: string;
}

export async function startUserSession(db: DbOrTx, input: NewSession): Promise<string> {
  const at = wallClock();
  // Each sign-in clears the user's own rows that ended or expired a day ago:
  // nothing reads them, and the table stays the size of the live sessions.
  const dayAgo = new Date(at.getTime() - 24 * 60 * 60 * 1000);
  await db.userSession.deleteMany({ where: { userId: input.userId, OR: [{ expiresAt: { lt: dayAgo } }, { endedAt: { lt: dayAgo } }] } });
  const row = await db.userSession.create({
    data: {
      userId: input.userId,
      sessionVersion: input.sessionVersion,
      method: input.method,
      secondFactor: input.secondFactor,
      userAgent: (input.userAgent ?? "").slice(0, 500),
      ip: input.ip.slice(0, 64),
      createdAt: at,
      lastSeenAt: at,
      expiresAt: expiryFrom(at),
    },
    select: { id: true },
  });
  return row.id;
}

export interface LiveSession {
  secondFactor: boolean;
  /** The user has an active authenticator app. */
  hasTotp: boolean;
}

/**
 * The session named by a cookie, if it is still live and belongs to the user;
 * null otherwise. Moves last seen forward when it is older than a few minutes.
 */
export async function checkUserSession(db: DbOrTx, userId: string, sessionId: unknown): Promise<LiveSession | null> {
  if (!isUuid(sessionId)) return null;
  const at = wallClock();
  const row = await db.userSession.findUnique({
    where: { id: sessionId },
    select: {
      userId: true,
      endedAt: true,
      expiresAt: true,
      lastSeenAt: true,
      secondFactor: true,
      user: { select: { totpCredential: { select: { confirmedAt: true } } } },
    },
  });
  if (!row || row.userId !== userId || row.endedAt || row.expiresAt <= at) return null;
  if (at.getTime() - row.lastSeenAt.getTime() >= LAST_SEEN_EVERY_MS) {
    await db.userSession.updateMany({ where: { id: sessionId, endedAt: null }, data: { lastSeenAt: at, expiresAt: expiryFrom(at) } });
  }
  return { secondFactor: row.secondFactor, hasTotp: !!row.user.totpCredential?.confirmedAt };
}

export interface SessionRow {
  id: string;
  method: SignInMethod;
  userAgent: string;
  ip: string;
  createdAt: Date;
  lastSeenAt: Date;
  current: boolean;
}

/**
 * The actor's live sessions, most recently used first; `currentId` marks this
 * device's. Rows of an older session version were all ended at once.
 */
export async function listOwnSessions(db: DbOrTx, actor: Actor, currentId: string | null): Promise<SessionRow[]> {
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { sessionVersion: true } });
  const rows = await db.userSession.findMany({
    where: { userId: actor.userId, sessionVersion: user.sessionVersion, endedAt: null, expiresAt: { gt: wallClock() } },
    orderBy: [{ lastSeenAt: "desc" }, { id: "asc" }],
    take: LISTED_SESSIONS,
    select: { id: true, method: true, userAgent: true, ip: true, createdAt: true, lastSeenAt: true },
  });
  return rows.map((row) => ({ ...row, current: row.id === currentId }));
}

/** Ends one of the actor's own sessions; another user's looks like a missing one. */
export async function endOwnSession(db: DbOrTx, actor: Actor, sessionId: string): Promise<void> {
  const ended = isUuid(sessionId)
    ? await db.userSession.updateMany({ where: { id: sessionId, userId: actor.userId, endedAt: null }, data: { endedAt: wallClock() } })
    : { count: 0 };
  if (ended.count === 0) throw new NotFoundError("common.notFound");
}

/** An administrator ends every session of a user (a lost laptop, a departure). Audited. */
export async function endAllSessionsOf(db: DbOrTx, actor: Actor, userId: string): Promise<void> {
  assertAdmin(actor);
  const user = isUuid(userId) ? await db.user.findUnique({ where: { id: userId }, select: { id: true } }) : null;
  if (!user) throw new NotFoundError("common.notFound");
  await revokeSessions(db, userId);
  await db.auditLog.create({
    data: { actorId: actor.userId, actorName: actor.name, action: "user.sessionsEnded", entityType: "User", entityId: userId, data: {}, createdAt: now() },
  });
}

/** For an administrator's user page: second factor on or off, and how many sessions are live. */
export async function userSignInSummary(db: DbOrTx, actor: Actor, userId: string): Promise<{ twoFactor: boolean; activeSessions: number }> {
  assertAdmin(actor);
  const user = isUuid(userId)
    ? await db.user.findUnique({ where: { id: userId }, select: { sessionVersion: true, totpCredential: { select: { confirmedAt: true } } } })
    : null;
  if (!user) throw new NotFoundError("common.notFound");
  const activeSessions = await db.userSession.count({
    where: { userId, sessionVersion: user.sessionVersion, endedAt: null, expiresAt: { gt: wallClock() } },
  });
  return { twoFactor: !!user.totpCredential?.confirmedAt, activeSessions };
}
