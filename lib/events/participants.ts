// Participants of an event for staff: the paginated list with
// each reserve's position and the certificate state computed in SQL (one query
// plus a count, no N+1), and the data of the CSV export. Registration and
// cancellation live in ./registration; staff's own actions in ./staff-participants.
import "server-only";
import { assertStaff, type Actor } from "@/lib/auth/actor";
import type { DbOrTx } from "@/lib/db";
import { isUuid } from "@/lib/db/query-guards";
import { NotFoundError } from "@/lib/errors";
import type { RegistrationSource, RegistrationStatus } from "@/lib/generated/prisma/enums";
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

// The window runs over all of the event's rows before LIMIT, so positions are
// right on every page; the reserve order is arrival order (lib/events/registration.ts).
async function participantRows(db: DbOrTx, eventId: string, limit: number, offset: number): Promise<ParticipantRow[]> {
  const rows = await db.$queryRaw<RawRow[]>`
    SELECT r.id, r.name, r.email, r.status::text AS status, r.source::text AS source,
           r."registeredAt", r."attendedAt", r."cancelledAt", r.answers,
           c."issuedAt" AS "certificateIssuedAt", c.id AS "certificateId", r."cpfRequestedAt",
           CASE WHEN r.status = 'RESERVE'
                THEN row_number() OVER (PARTITION BY r.status = 'RESERVE' ORDER BY r.arrival) END AS "reservePosition"
    FROM "Registration" r
    LEFT JOIN "Certificate" c ON c."registrationId" = r.id
    WHERE r."eventId" = ${eventId}::uuid
    ORDER BY r.arrival
    LIMIT ${limit} OFFSET ${offset}`;
  return rows.map((r) => ({
    ...r,
    reservePosition: r.reservePosition === null ? null : Number(r.reservePosition),
    answers: Array.isArray(r.answers) ? (r.answers as StoredAnswer[]) : [],
  }));
}

export async function listParticipants(db: DbOrTx, actor: Actor, eventId: string, query: ListQuery): Promise<Page<ParticipantRow>> {
  assertStaff(actor);
  const event = await eventOrNotFound(db, eventId);
  const [rows, total] = await Promise.all([
    participantRows(db, event.id, query.pageSize, (query.page - 1) * query.pageSize),
    db.registration.count({ where: { eventId: event.id } }),
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
 * asked for a CPF, "pending" for a registered participant with attendance not
 * yet reached by an issuing run, else "none" (not eligible).
 */
export function certificateState(
  row: Pick<ParticipantRow, "certificateIssuedAt" | "cpfRequestedAt"> & Partial<Pick<ParticipantRow, "status" | "attendedAt">>,
): CertificateState {
  if (row.certificateIssuedAt) return "issued";
  if (row.cpfRequestedAt) return "cpfRequested";
  return row.status === "REGISTERED" && row.attendedAt ? "pending" : "none";
}

/** An answer as text: lists joined, booleans through the caller's yes/no words. */
export function answerText(value: StoredAnswer["value"], yesNo: { yes: string; no: string }): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? yesNo.yes : yesNo.no;
  if (Array.isArray(value)) return value.join("; ");
  return String(value);
}
