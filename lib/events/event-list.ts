// Reading events for the dashboard (staff): the searchable, paginated list (one
// findMany plus one count), one event with its sessions, and the choices of the
// event form. Other staff can view an event they may not change (an event with
// a responsible person is changed only by them and by administrators).
import "server-only";
import { assertStaff, type Actor } from "@/lib/auth/actor";
import { parseEnumParam } from "@/lib/admin/list-filters";
import type { DbOrTx } from "@/lib/db";
import { isUuid } from "@/lib/db/query-guards";
import { NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { EventStatus, Role } from "@/lib/generated/prisma/enums";
import { parseListQuery, skipTake, toPage, type ListQuery, type Page, type SearchParams } from "@/lib/pagination";
import { canEditEvent } from "./event-rules";

export interface EventListQuery extends ListQuery {
  status?: EventStatus;
}

export function parseEventListQuery(params: SearchParams): EventListQuery {
  return { ...parseListQuery(params), status: parseEnumParam(params, "status", EventStatus) };
}

const rowSelect = {
  id: true,
  number: true,
  name: true,
  status: true,
  startsAt: true,
  timeZone: true,
  seats: true,
  reserveSeats: true,
  registeredCount: true,
  reserveCount: true,
  type: { select: { name: true } },
  mainEvent: { select: { number: true } },
} satisfies Prisma.EventSelect;

export type EventRow = Prisma.EventGetPayload<{ select: typeof rowSelect }>;

export async function listEvents(db: DbOrTx, actor: Actor, query: EventListQuery): Promise<Page<EventRow>> {
  assertStaff(actor);
  // "#12" or "12" also finds event number 12.
  const number = /^#?\d{1,9}$/.test(query.q) ? Number(query.q.replace("#", "")) : undefined;
  const where: Prisma.EventWhereInput = {
    status: query.status,
    ...(query.q ? { OR: [{ name: { contains: query.q, mode: "insensitive" } }, ...(number ? [{ number }] : [])] } : {}),
  };
  const [rows, total] = await Promise.all([
    db.event.findMany({ where, select: rowSelect, orderBy: [{ startsAt: "desc" }, { number: "desc" }], ...skipTake(query) }),
    db.event.count({ where }),
  ]);
  return toPage(rows, total, query);
}

const detailSelect = {
  id: true,
  number: true,
  slug: true,
  name: true,
  description: true,
  responsibleId: true,
  responsible: { select: { name: true } },
  startsAt: true,
  endsAt: true,
  timeZone: true,
  typeId: true,
  type: { select: { name: true, isPublic: true } },
  customerId: true,
  customer: { select: { name: true } },
  placeId: true,
  place: { select: { name: true, address: true } },
  status: true,
  onlineUrl: true,
  visibleInPortal: true,
  publicRegistration: true,
  confirmPublicSignups: true,
  holdMinutes: true,
  waitlistMode: true,
  offerHours: true,
  seats: true,
  reserveSeats: true,
  registeredCount: true,
  reserveCount: true,
  registrationDeadline: true,
  cancellationDeadline: true,
  portalQuestionnaireId: true,
  portalQuestionnaire: { select: { name: true } },
  publicQuestionnaireId: true,
  publicQuestionnaire: { select: { name: true } },
  certificateTemplateId: true,
  certificateTemplate: { select: { name: true } },
  workloadHours: true,
  artworkFileId: true,
  reminderEnabled: true,
  reminderSchedule: true,
  certificateAttendancePercent: true,
  mainEvent: { select: { id: true, number: true, name: true, slug: true, publicRegistration: true } },
  secondaryEvents: { select: { id: true, number: true, name: true, startsAt: true, timeZone: true, status: true }, orderBy: { startsAt: "asc" } },
} satisfies Prisma.EventSelect;

export type EventDetail = Prisma.EventGetPayload<{ select: typeof detailSelect }> & { canEdit: boolean };

export async function getEvent(db: DbOrTx, actor: Actor, id: string): Promise<EventDetail> {
  assertStaff(actor);
  const event = isUuid(id) ? await db.event.findUnique({ where: { id }, select: detailSelect }) : null;
  if (!event) throw new NotFoundError("common.notFound");
  return { ...event, canEdit: canEditEvent(actor, event) };
}

/** The main event's name and followed fields, to prefill a new secondary event's form. */
export async function getMainEventByNumber(db: DbOrTx, actor: Actor, number: number) {
  assertStaff(actor);
  return db.event.findFirst({ where: { number, mainEventId: null }, select: { id: true, number: true, name: true, description: true, timeZone: true } });
}

/** Choices of the event form; inactive records only when the event already uses them. */
export async function eventFormOptions(
  db: DbOrTx,
  actor: Actor,
  current?: { typeId?: string | null; placeId?: string | null; customerId?: string | null; certificateTemplateId?: string | null },
) {
  assertStaff(actor);
  const keep = (id?: string | null) => (id ? [{ id }] : []);
  const byName = { orderBy: [{ name: "asc" as const }, { id: "asc" as const }] };
  const [types, places, questionnaires, staff, customers, certificateTemplates] = await Promise.all([
    db.eventType.findMany({ where: { OR: [{ active: true }, ...keep(current?.typeId)] }, select: { id: true, name: true, isPublic: true }, ...byName }),
    db.eventPlace.findMany({
      where: { OR: [{ active: true }, ...keep(current?.placeId)] },
      select: { id: true, name: true, isDefaultPublic: true },
      ...byName,
    }),
    db.questionnaireTemplate.findMany({ select: { id: true, name: true }, ...byName }),
    db.user.findMany({ where: { active: true, role: { in: [Role.ADMIN, Role.STAFF] } }, select: { id: true, name: true }, ...byName }),
    // Bounded: the location select is not a customer search.
    db.customer.findMany({ where: { OR: [{ active: true }, ...keep(current?.customerId)] }, select: { id: true, name: true }, take: 500, ...byName }),
    db.certificateTemplate.findMany({
      where: { OR: [{ active: true }, ...keep(current?.certificateTemplateId)] },
      select: { id: true, name: true },
      ...byName,
    }),
  ]);
  const currentCustomer =
    current?.customerId && !customers.some((c) => c.id === current.customerId)
      ? await db.customer.findUnique({ where: { id: current.customerId }, select: { id: true, name: true } })
      : null;
  return { types, places, questionnaires, staff, certificateTemplates, customers: currentCustomer ? [currentCustomer, ...customers] : customers };
}
export type EventFormOptions = Awaited<ReturnType<typeof eventFormOptions>>;
