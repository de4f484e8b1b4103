// Participants' national ids (CPF) in full, for staff who need them (issuing
// papers, checking identity at the door). Shown on a page of their own rather
// than beside every participant, and every page view or download is written
// to the access log (lib/privacy/access-log.ts): one row per page or file,
// with how many ids it showed, never the ids themselves.
import { assertStaff, type Actor } from "@/lib/auth/actor";
import type { DbOrTx } from "@/lib/db";
import { isUuid } from "@/lib/db/query-guards";
import { NotFoundError } from "@/lib/errors";
import type { RegistrationStatus } from "@/lib/generated/prisma/enums";
import { skipTake, toPage, type ListQuery, type Page } from "@/lib/pagination";
import { recordSensitiveAccess } from "@/lib/privacy/access-log";
import { getNationalIdSetting } from "@/lib/settings/national-id";
import { formatNationalId } from "@/lib/settings/national-id-schema";

export interface NationalIdRow {
  id: string;
  name: string;
  email: string;
  status: RegistrationStatus;
  /** As shown (a CPF with its punctuation); null when the participant gave none. */
  nationalId: string | null;
}

async function eventOrNotFound(db: DbOrTx, id: string) {
  const event = isUuid(id) ? await db.event.findUnique({ where: { id }, select: { id: true, number: true, name: true } }) : null;
  if (!event) throw new NotFoundError("common.notFound");
  return event;
}

const rowSelect = { id: true, name: true, email: true, status: true, cpf: true } as const;

/** One page of the event's participants with their national ids; the view is logged once. */
export async function listParticipantNationalIds(
  db: DbOrTx,
  actor: Actor,
  eventId: string,
  query: ListQuery,
): Promise<{ event: { id: string; number: number; name: string }; page: Page<NationalIdRow> }> {
  assertStaff(actor);
  const event = await eventOrNotFound(db, eventId);
  const where = { eventId: event.id };
  const [rows, total, setting] = await Promise.all([
    db.registration.findMany({ where, select: rowSelect, orderBy: [{ arrival: "asc" }], ...skipTake(query) }),
    db.registration.count({ where }),
    getNationalIdSetting(db),
  ]);
  const shown = rows.map(({ cpf, ...r }) => ({ ...r, nationalId: cpf ? formatNationalId(setting, cpf) : null }));
  await recordSensitiveAccess(db, actor, {
    kind: "CPF_VIEW",
    entityType: "Event",
    entityId: event.id,
    label: `#${event.number} · ${event.name}`,
    count: shown.filter((r) => r.nationalId !== null).length,
  });
  return { event, page: toPage(shown, total, query) };
}

/** Every participant with their national id, for the download; logged once as an export. */
export async function exportParticipantNationalIds(db: DbOrTx, actor: Actor, eventId: string) {
  assertStaff(actor);
  const event = await eventOrNotFound(db, eventId);
  const [rows, setting] = await Promise.all([
    db.registration.findMany({ where: { eventId: event.id }, select: rowSelect, orderBy: [{ arrival: "asc" }] }),
    getNationalIdSetting(db),
  ]);
  const shown = rows.map(({ cpf, ...r }) => ({ ...r, nationalId: cpf ? formatNationalId(setting, cpf) : null }));
  await recordSensitiveAccess(db, actor, {
    kind: "CPF_EXPORT",
    entityType: "Event",
    entityId: event.id,
    label: `#${event.number} · ${event.name}`,
    count: shown.filter((r) => r.nationalId !== null).length,
  });
  return { event, rows: shown };
}
