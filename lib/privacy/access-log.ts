// The access log of sensitive fields: who saw national ids (CPF) in full, who
// exported them, who generated or downloaded a person's data, and when. One
// row per page view or file, never one per person shown, so a long list costs
// one insert. The log names what was seen (an event, an export), never the
// ids themselves: it must not become another copy of them.
import { assertPrivacyOfficer, assertStaff, type Actor } from "@/lib/auth/actor";
import { parseEnumParam } from "@/lib/admin/list-filters";
import { now } from "@/lib/clock";
import type { DbOrTx } from "@/lib/db";
import { isUuid } from "@/lib/db/query-guards";
import type { Prisma } from "@/lib/generated/prisma/client";
import { SensitiveAccessKind } from "@/lib/generated/prisma/enums";
import { first, parseListQuery, skipTake, toPage, type ListQuery, type Page, type SearchParams } from "@/lib/pagination";

export interface SensitiveAccessInput {
  kind: SensitiveAccessKind;
  /** What holds the data seen: "Event", "Registration", "PersonExport", "Person"… */
  entityType: string;
  entityId: string;
  /** A readable name of it as it is now (event #12 · Workshop); never a CPF or an e-mail. */
  label?: string;
  /** How many national ids (or people) the page or file showed. */
  count?: number;
}

/** Records one access by a staff member. Nothing is recorded when nothing sensitive was shown. */
export async function recordSensitiveAccess(db: DbOrTx, actor: Actor, input: SensitiveAccessInput): Promise<void> {
  assertStaff(actor);
  const count = input.count ?? 1;
  if (count <= 0) return;
  await db.sensitiveAccess.create({
    data: {
      kind: input.kind,
      actorId: actor.userId,
      actorName: actor.name,
      entityType: input.entityType,
      entityId: input.entityId,
      label: (input.label ?? "").slice(0, 300),
      count,
      createdAt: now(),
    },
    select: { id: true },
  });
}

export interface AccessLogQuery extends ListQuery {
  kind?: SensitiveAccessKind;
  actorId?: string;
  from?: Date;
  to?: Date;
}

/** ?kind=&actor=&from=YYYY-MM-DD&to=YYYY-MM-DD (both days included, UTC). */
export function parseAccessLogQuery(params: SearchParams): AccessLogQuery {
  const day = (value: string | undefined, endOfDay: boolean) => {
    if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
    const date = new Date(`${value}T00:00:00.000Z`);
    if (Number.isNaN(date.getTime())) return undefined;
    return endOfDay ? new Date(date.getTime() + 86_400_000) : date;
  };
  const actorId = first(params.actor);
  return {
    ...parseListQuery(params),
    kind: parseEnumParam(params, "kind", SensitiveAccessKind),
    actorId: actorId && isUuid(actorId) ? actorId : undefined,
    from: day(first(params.from), false),
    to: day(first(params.to), true),
  };
}

const rowSelect = {
  id: true,
  kind: true,
  actorId: true,
  actorName: true,
  entityType: true,
  entityId: true,
  label: true,
  count: true,
  createdAt: true,
} satisfies Prisma.SensitiveAccessSelect;

export type AccessLogRow = Prisma.SensitiveAccessGetPayload<{ select: typeof rowSelect }>;

/** The log, newest first, for the privacy officer. `q` searches the staff member's name and the label. */
export async function listSensitiveAccess(db: DbOrTx, actor: Actor, query: AccessLogQuery): Promise<Page<AccessLogRow>> {
  assertPrivacyOfficer(actor);
  const where: Prisma.SensitiveAccessWhereInput = {
    kind: query.kind,
    actorId: query.actorId,
    createdAt: query.from || query.to ? { gte: query.from, lt: query.to } : undefined,
    ...(query.q ? { OR: [{ actorName: { contains: query.q, mode: "insensitive" } }, { label: { contains: query.q, mode: "insensitive" } }] } : {}),
  };
  const [rows, total] = await Promise.all([
    db.sensitiveAccess.findMany({ where, select: rowSelect, orderBy: [{ createdAt: "desc" }, { id: "desc" }], ...skipTake(query) }),
    db.sensitiveAccess.count({ where }),
  ]);
  return toPage(rows, total, query);
}
