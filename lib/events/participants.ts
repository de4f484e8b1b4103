// Participants of an event for staff: the paginated list with
// each reserve's position and the certificate state computed in SQL (one query
// plus a count, no N+1), and the data of the CSV export. Registration and
// cancellation live in ./registration; staff's own actions in ./staff-participants.
import "server-only";
import { assertStaff, type Actor } from "@/lib/auth/actor";
import type { DbOrTx } from "@/lib/db";
import { isUuid } from "@/lib/db/query-guards";
import { NotFoundError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { RegistrationHold, RegistrationSource, RegistrationStatus, WaitlistOffer } from "@/lib/generated/prisma/enums";
import { toPage, type ListQuery, type Page } from "@/lib/pagination";
import type { StoredAnswer } from "./schemas";

export interface ParticipantRow {
  id: string;
  name: string;
  email: string;
  status: RegistrationStatus;
  /** 1-based place in the reserve list, for reserves only. */
  reservePosition: number | null;
  source: RegistrationSource;
  registeredAt: Date;
  attendedAt: Date | null;
  cancelledAt: Date | null;
  answers: StoredAnswer[];
  /** When this registration's certificate was issued (a Certificate row exists). */
  certificateIssuedAt: Date | null;
  /** That certificate, for the download link (GET /api/certificates/{id}). */
  certificateId: string | null;
  /** When the participant was asked for a CPF to receive the certificate. */
  cpfRequestedAt: Date | null;
  /** A public sign-up's confirmation by e-mail: held (until holdExpiresAt), confirmed or expired. */
  hold: RegistrationHold | null;
  holdExpiresAt: Date | null;
  /** A seat offered to this reserve: open (until offerExpiresAt), accepted, declined or expired. */
  offer: WaitlistOffer | null;
  offerExpiresAt: Date | null;
  /** Sessions of the event (not cancelled); 0 for an event without sessions. */
  sessionCount: number;
  /** Of those, the sessions this participant attended. */
  sessionsAttended: number;
  /** Whether the attendance is enough for a certificate: the share of sessions, or attendance of an event without any. */
  attendanceMet: boolean;
}

interface RawRow extends Omit<ParticipantRow, "reservePosition" | "answers"> {
  reservePosition: bigint | number | null;
  answers: unknown;
}

async function eventOrNotFound(db: DbOrTx, id: string) {
  const event = isUuid(id) ? await db.event.findUnique({ where: { id }, select: { id: true, number: true, name: true, timeZone: true } }) : null;
  if (!event) throw new NotFoundError("common.notFound");
  return event;
}

/** The participants list's filters: sign-ups by their e-mail confirmation, and reserves offered a seat. */
export const PARTICIPANT_FILTERS = ["held", "confirmed", "expired", "offered"] as const;
export type ParticipantFilter = (typeof PARTICIPANT_FILTERS)[number];

export function parseParticipantFilter(value: string | undefined): ParticipantFilter | undefined {
  return PARTICIPANT_FILTERS.find((f) => f === value);
}

const filterWhere: Record<ParticipantFilter, Prisma.RegistrationWhereInput> = {
  held: { hold: "HELD", status: { not: "CANCELLED" } },
  confirmed: { hold: "CONFIRMED" },
  expired: { hold: "EXPIRED" },
  offered: { offer: "OPEN", status: "RESERVE" },
};

const filterSql: Record<ParticipantFilter, Prisma.Sql> = {
  held: Prisma.sql`AND r.hold = 'HELD' AND r.status <> 'CANCELLED'`,
  confirmed: Prisma.sql`AND r.hold = 'CONFIRMED'`,
  expired: Prisma.sql`AND r.hold = 'EXPIRED'`,
  offered: Prisma.sql`AND r.offer = 'OPEN' AND r.status = 'RESERVE'`,
};

// A reserve's position counts every earlier reserve of the event, whatever the
// page or filter shows; the reserve order is arrival order (lib/events/registration.ts).
async function participantRows(db: DbOrTx, eventId: string, limit: number, offset: number, filter?: ParticipantFilter): Promise<ParticipantRow[]> {
  const rows = await db.$queryRaw<RawRow[]>`
    SELECT r.id, r.name, r.email, r.status::text AS status, r.source::text AS source,
           r."registeredAt", r."attendedAt", r."cancelledAt", r.answers,
           c."issuedAt" AS "certificateIssuedAt", c.id AS "certificateId", r."cpfRequestedAt",
           r.hold::text AS hold, r."holdExpiresAt", r.offer::text AS offer, r."offerExpiresAt",
           CASE WHEN r.status = 'RESERVE'
                THEN (SELECT count(*) FROM "Registration" q
                      WHERE q."eventId" = r."eventId" AND q.status = 'RESERVE' AND q.arrival <= r.arrival) END AS "reservePosition",
           ses.total AS "sessionCount", ses.attended AS "sessionsAttended",
           CASE WHEN ses.total = 0 THEN r."attendedAt" IS NOT NULL
                ELSE ses.attended * 100 >= e."certificateAttendancePercent" * ses.total END AS "attendanceMet"
    FROM "Registration" r
    JOIN "Event" e ON e.id = r."eventId"
    LEFT JOIN "Certificate" c ON c."registrationId" = r.id
    -- Attendance across the sessions: each session's copy of this registration.
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS total,
             count(x.id) FILTER (WHERE x.status = 'REGISTERED' AND x."attendedAt" IS NOT NULL)::int AS attended
      FROM "Event" s
      LEFT JOIN "Registration" x ON x."eventId" = s.id AND x."replicatedFromId" = r.id
      WHERE s."mainEventId" = r."eventId" AND s.status <> 'CANCELLED'
    ) ses
    WHERE r."eventId" = ${eventId}::uuid ${filter ? filterSql[filter] : Prisma.empty}
    ORDER BY r.arrival
    LIMIT ${limit} OFFSET ${offset}`;
  return rows.map((r) => ({
    ...r,
    reservePosition: r.reservePosition === null ? null : Number(r.reservePosition),
    answers: Array.isArray(r.answers) ? (r.answers as StoredAnswer[]) : [],
  }));
}

export async function listParticipants(db: DbOrTx, actor: Actor, eventId: string, query: ListQuery, filter?: ParticipantFilter): Promise<Page<ParticipantRow>> {
  assertStaff(actor);
  const event = await eventOrNotFound(db, eventId);
  const [rows, total] = await Promise.all([
    participantRows(db, event.id, query.pageSize, (query.page - 1) * query.pageSize, filter),
    db.registration.count({ where: { eventId: event.id, ...(filter ? filterWhere[filter] : {}) } }),
  ]);
  return toPage(rows, total, query);
}

/** Every participant, for the export; events are bounded by their seats, so this fits in memory. */
export async function allParticipants(db: DbOrTx, actor: Actor, eventId: string) {
  assertStaff(actor);
  const event = await eventOrNotFound(db, eventId);
  return { event, rows: await participantRows(db, event.id, 1_000_000, 0) };
}

export type CertificateState = "issued" | "cpfRequested" | "pending" | "none";

/**
 * "issued" when a certificate exists, "cpfRequested" when the participant was
 * asked for a CPF, "pending" for a registered participant with enough
 * attendance (the event's, or its share of the sessions) not yet reached by an
 * issuing run, else "none" (not eligible).
 */
export function certificateState(
  row: Pick<ParticipantRow, "certificateIssuedAt" | "cpfRequestedAt"> & Partial<Pick<ParticipantRow, "status" | "attendedAt" | "attendanceMet">>,
): CertificateState {
  if (row.certificateIssuedAt) return "issued";
  if (row.cpfRequestedAt) return "cpfRequested";
  return row.status === "REGISTERED" && (row.attendanceMet ?? Boolean(row.attendedAt)) ? "pending" : "none";
}

/** An answer as text: lists joined, booleans through the caller's yes/no words. */
export function answerText(value: StoredAnswer["value"], yesNo: { yes: string; no: string }): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? yesNo.yes : yesNo.no;
  if (Array.isArray(value)) return value.join("; ");
  return String(value);
}
