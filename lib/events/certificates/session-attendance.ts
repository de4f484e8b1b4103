// Certificates of events with sessions: the certificate belongs to the main
// event's registration and needs attendance at a share of its sessions (the
// event's certificateAttendancePercent, e.g. 75: 3 of 4 sessions is enough,
// 2 of 3 is not). Cancelled sessions do not count. The certificate is due
// once the last session (or the main event, if it ends later) has ended, and
// its hours are the hours of the sessions attended (each session's workload,
// else its length). A session issues no certificate of its own: attending it
// counts toward the main event's. An event whose sessions were all cancelled
// is an ordinary event again: the main registration's attendance decides.
// No "server-only" marker: the standalone worker imports this.
import type { DbOrTx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

const DAY_MS = 86_400_000;

interface SessionScope {
  userId?: string;
  registrationId?: string;
  eventId?: string;
}

/**
 * Main-event registrations of events with sessions whose attendance reaches
 * the event's share and whose last session ended within the window, oldest
 * first. Other conditions (template, status, no certificate yet) are the
 * caller's where clause.
 */
export async function registrationsMeetingSessionShare(db: DbOrTx, at: Date, windowDays: number, scope: SessionScope, limit: number): Promise<string[]> {
  const conditions = [
    scope.userId ? Prisma.sql`AND r."userId" = ${scope.userId}::uuid` : Prisma.empty,
    scope.registrationId ? Prisma.sql`AND r.id = ${scope.registrationId}::uuid` : Prisma.empty,
    scope.eventId ? Prisma.sql`AND r."eventId" = ${scope.eventId}::uuid` : Prisma.empty,
  ];
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT r.id
    FROM "Registration" r
    JOIN "Event" e ON e.id = r."eventId"
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS total,
             max(s."endsAt") AS "lastEnd",
             count(*) FILTER (WHERE EXISTS (
               SELECT 1 FROM "Registration" x
               WHERE x."eventId" = s.id AND x."replicatedFromId" = r.id AND x.status = 'REGISTERED' AND x."attendedAt" IS NOT NULL
             ))::int AS attended
      FROM "Event" s
      WHERE s."mainEventId" = e.id AND s.status <> 'CANCELLED'
    ) ses
    WHERE r.status = 'REGISTERED'
      AND e."mainEventId" IS NULL AND e.status <> 'CANCELLED' AND e."certificateTemplateId" IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM "Certificate" c WHERE c."registrationId" = r.id)
      AND ses.total > 0
      AND ses.attended * 100 >= e."certificateAttendancePercent" * ses.total
      AND GREATEST(e."endsAt", ses."lastEnd") <= ${at}
      AND GREATEST(e."endsAt", ses."lastEnd") >= ${new Date(at.getTime() - windowDays * DAY_MS)}
      ${Prisma.join(conditions, " ")}
    ORDER BY r."registeredAt", r.id
    LIMIT ${limit}`;
  return rows.map((r) => r.id);
}

/**
 * The hours a certificate of a main-event registration states: the attended
 * sessions' hours added up, or null when the event has no sessions left
 * (the event's own workload applies then).
 */
export async function attendedSessionHours(db: DbOrTx, registrationId: string, mainEventId: string): Promise<number | null> {
  const [row] = await db.$queryRaw<{ total: number; hours: string | null }[]>`
    SELECT count(*)::int AS total,
           sum(CASE WHEN x.id IS NULL THEN 0
                    ELSE COALESCE(s."workloadHours", round((extract(epoch FROM s."endsAt" - s."startsAt") / 3600)::numeric, 2)) END)::text AS hours
    FROM "Event" s
    LEFT JOIN "Registration" x
      ON x."eventId" = s.id AND x."replicatedFromId" = ${registrationId}::uuid AND x.status = 'REGISTERED' AND x."attendedAt" IS NOT NULL
    WHERE s."mainEventId" = ${mainEventId}::uuid AND s.status <> 'CANCELLED'`;
  if (!row || row.total === 0) return null;
  return Number(row.hours ?? 0);
}
