// The two ticket lists, the client's and the staff queue. Both are one page query plus
// one count, sorted by last update, on indexes that lead with the filter
// (customerId/status/responsible for the portal, status/assignee for staff).
import type { Actor } from "@/lib/auth/actor";
import { assertStaff } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import type { DbOrTx } from "@/lib/db";
import { isUuid } from "@/lib/db/query-guards";
import type { Prisma } from "@/lib/generated/prisma/client";
import { StageResponsible, TicketStatus } from "@/lib/generated/prisma/enums";
import { defaultLocale } from "@/lib/i18n/config";
import { localizedName } from "@/lib/i18n/labels";
import { first, parseListQuery, skipTake, toPage, type Page, type SearchParams } from "@/lib/pagination";
import { clientTicketScope } from "./access";
import { PORTAL_FILTERS, STAFF_AGES, type PortalFilter } from "./schemas";

const rowSelect = {
  id: true,
  number: true,
  subject: true,
  status: true,
  responsible: true,
  createdAt: true,
  updatedAt: true,
  stageEnteredAt: true,
  // Labels ride along on the same joins: pages show each name in the viewer's language.
  group: { select: { name: true, labels: true } },
  type: { select: { name: true, labels: true } },
  stage: { select: { name: true, labels: true } },
  customer: { select: { name: true } },
} satisfies Prisma.TicketSelect;

type TicketRow = Prisma.TicketGetPayload<{ select: typeof rowSelect }>;
type StaffTicketRow = TicketRow & { assignee: { id: string; name: string } | null };

const portalFilterWhere: Record<PortalFilter, Prisma.TicketWhereInput> = {
  all: {},
  mine: { status: TicketStatus.OPEN, responsible: StageResponsible.CLIENT },
  awaiting: { status: TicketStatus.OPEN, responsible: StageResponsible.STAFF },
  completed: { status: TicketStatus.COMPLETED },
  cancelled: { status: TicketStatus.CANCELLED },
};

/** "123" or "#123" finds the ticket number; anything else searches subjects. */
function searchWhere(q: string): Prisma.TicketWhereInput {
  if (!q) return {};
  const number = /^#?(\d{1,9})$/.exec(q)?.[1];
  return number ? { number: Number(number) } : { subject: { contains: q, mode: "insensitive" } };
}

function parsePortalFilter(params: SearchParams): PortalFilter {
  const value = first(params.filter);
  return (PORTAL_FILTERS as readonly string[]).includes(value ?? "") ? (value as PortalFilter) : "all";
}

export interface PortalTicketList extends Page<TicketRow> {
  filter: PortalFilter;
  q: string;
  counts: Record<PortalFilter, number>;
}

/** The client's tickets with the count of every filter (one grouped query). */
export async function listClientTickets(db: DbOrTx, actor: Actor, params: SearchParams): Promise<PortalTicketList> {
  const scope = await clientTicketScope(db, actor);
  const query = parseListQuery(params);
  const filter = parsePortalFilter(params);
  const search = searchWhere(query.q);
  const base: Prisma.TicketWhereInput = { ...scope.where, ...search };
  const [groups, rows] = await Promise.all([
    db.ticket.groupBy({ by: ["status", "responsible"], where: base, _count: { _all: true } }),
    db.ticket.findMany({
      where: { ...base, ...portalFilterWhere[filter] },
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      select: rowSelect,
      ...skipTake(query),
    }),
  ]);
  const counts: Record<PortalFilter, number> = { all: 0, mine: 0, awaiting: 0, completed: 0, cancelled: 0 };
  for (const g of groups) {
    const n = g._count._all;
    counts.all += n;
    if (g.status === TicketStatus.COMPLETED) counts.completed += n;
    else if (g.status === TicketStatus.CANCELLED) counts.cancelled += n;
    else if (g.responsible === StageResponsible.CLIENT) counts.mine += n;
    else counts.awaiting += n;
  }
  return { ...toPage(rows, counts[filter], query), filter, q: query.q, counts };
}

export interface StaffQueueFilters {
  assignee: "mine" | "unassigned" | undefined;
  groupId: string | undefined;
  typeId: string | undefined;
  stageId: string | undefined;
  status: TicketStatus | undefined;
  /** Only tickets waiting in their stage at least this many days. */
  olderThanDays: number | undefined;
  responsible: StageResponsible | undefined;
}

function parseStaffFilters(params: SearchParams): StaffQueueFilters {
  const uuid = (key: string) => {
    const value = first(params[key]);
    return value && isUuid(value) ? value : undefined;
  };
  const assignee = first(params.assignee);
  const status = first(params.status);
  const age = first(params.age);
  const responsible = first(params.responsible);
  return {
    assignee: assignee === "mine" || assignee === "unassigned" ? assignee : undefined,
    groupId: uuid("group"),
    typeId: uuid("type"),
    stageId: uuid("stage"),
    // The queue shows open tickets unless asked otherwise; "any" lifts the filter.
    status: status === "any" ? undefined : (Object.values(TicketStatus) as string[]).includes(status ?? "") ? (status as TicketStatus) : TicketStatus.OPEN,
    olderThanDays: (STAFF_AGES as readonly string[]).includes(age ?? "") ? Number(age) : undefined,
    responsible: (Object.values(StageResponsible) as string[]).includes(responsible ?? "") ? (responsible as StageResponsible) : undefined,
  };
}

export interface StaffQueue extends Page<StaffTicketRow> {
  filters: StaffQueueFilters;
  q: string;
  /** True when there are more than QUEUE_COUNT_CAP matches and `total` is the cap. */
  totalIsLowerBound: boolean;
}

/**
 * The queue counts at most this many matches: an exact count of every open
 * ticket would scan them all on each page view, and nobody pages past 500
 * pages (filters narrow the queue instead).
 */
const QUEUE_COUNT_CAP = 10_000;

export async function listStaffQueue(db: DbOrTx, actor: Actor, params: SearchParams): Promise<StaffQueue> {
  assertStaff(actor);
  const query = parseListQuery(params);
  const filters = parseStaffFilters(params);
  const where: Prisma.TicketWhereInput = {
    ...searchWhere(query.q),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.assignee === "mine" ? { assigneeId: actor.userId } : filters.assignee === "unassigned" ? { assigneeId: null } : {}),
    ...(filters.groupId ? { groupId: filters.groupId } : {}),
    ...(filters.typeId ? { typeId: filters.typeId } : {}),
    ...(filters.stageId ? { stageId: filters.stageId } : {}),
    ...(filters.responsible ? { responsible: filters.responsible } : {}),
    ...(filters.olderThanDays ? { stageEnteredAt: { lte: new Date(now().getTime() - filters.olderThanDays * 86_400_000) } } : {}),
  };
  const [rows, total] = await Promise.all([
    db.ticket.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      select: { ...rowSelect, assignee: { select: { id: true, name: true } } },
      ...skipTake(query),
    }),
    db.ticket.count({ where, take: QUEUE_COUNT_CAP + 1 }),
  ]);
  const capped = total > QUEUE_COUNT_CAP;
  return { ...toPage(rows, capped ? QUEUE_COUNT_CAP : total, query), filters, q: query.q, totalIsLowerBound: capped };
}

/** Choices for the queue's filter selects (groups, types, stages by type), named in `locale`. */
export async function staffQueueChoices(db: DbOrTx, actor: Actor, locale: string = defaultLocale) {
  assertStaff(actor);
  const [storedGroups, storedStages, staff] = await Promise.all([
    db.ticketGroup.findMany({
      orderBy: [{ position: "asc" }, { name: "asc" }],
      select: { id: true, name: true, labels: true, types: { orderBy: { name: "asc" }, select: { id: true, name: true, labels: true } } },
    }),
    db.ticketStage.findMany({ orderBy: [{ typeId: "asc" }, { position: "asc" }], select: { id: true, name: true, labels: true, typeId: true, active: true } }),
    db.user.findMany({ where: { active: true, role: { in: ["STAFF", "ADMIN"] } }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  const groups = storedGroups.map((g) => ({
    id: g.id,
    name: localizedName(g, locale),
    types: g.types.map((type) => ({ id: type.id, name: localizedName(type, locale) })),
  }));
  const stages = storedStages.map((s) => ({ id: s.id, name: localizedName(s, locale), typeId: s.typeId, active: s.active }));
  return { groups, stages, staff };
}
