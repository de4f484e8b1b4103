// Reading profiles (admin only): the paginated list with each profile's number
// of users counted in the same query, one profile for editing, and the choices
// offered by the user form.
import "server-only";
import { assertAdmin, type Actor } from "@/lib/auth/actor";
import { parseStatus } from "@/lib/admin/list-filters";
import type { DbOrTx } from "@/lib/db";
import { isUuid } from "@/lib/db/query-guards";
import { NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parseListQuery, skipTake, toPage, type ListQuery, type Page, type SearchParams } from "@/lib/pagination";

export interface ProfileListQuery extends ListQuery {
  active?: boolean;
}

export function parseProfileListQuery(params: SearchParams): ProfileListQuery {
  return { ...parseListQuery(params), active: parseStatus(params) };
}

const rowSelect = {
  id: true,
  name: true,
  description: true,
  permissions: true,
  active: true,
  _count: { select: { users: true } },
} satisfies Prisma.ProfileSelect;

export type ProfileRow = Prisma.ProfileGetPayload<{ select: typeof rowSelect }>;

export async function listProfiles(db: DbOrTx, actor: Actor, query: ProfileListQuery): Promise<Page<ProfileRow>> {
  assertAdmin(actor);
  const where: Prisma.ProfileWhereInput = {
    active: query.active,
    ...(query.q ? { OR: [{ name: { contains: query.q, mode: "insensitive" } }, { description: { contains: query.q, mode: "insensitive" } }] } : {}),
  };
  const [rows, total] = await Promise.all([
    db.profile.findMany({ where, select: rowSelect, orderBy: { name: "asc" }, ...skipTake(query) }),
    db.profile.count({ where }),
  ]);
  return toPage(rows, total, query);
}

const editSelect = { id: true, name: true, description: true, permissions: true, active: true } satisfies Prisma.ProfileSelect;
export type ProfileForEdit = Prisma.ProfileGetPayload<{ select: typeof editSelect }>;

export async function getProfile(db: DbOrTx, actor: Actor, id: string): Promise<ProfileForEdit> {
  assertAdmin(actor);
  const profile = isUuid(id) ? await db.profile.findUnique({ where: { id }, select: editSelect }) : null;
  if (!profile) throw new NotFoundError("common.notFound");
  return profile;
}

export interface ProfileOption {
  id: string;
  name: string;
  active: boolean;
}

/** Active profiles, plus the user's current one even when it was deactivated. */
export async function listProfileOptions(db: DbOrTx, actor: Actor, currentId?: string | null): Promise<ProfileOption[]> {
  assertAdmin(actor);
  return db.profile.findMany({
    where: { OR: [{ active: true }, ...(currentId ? [{ id: currentId }] : [])] },
    select: { id: true, name: true, active: true },
    orderBy: { name: "asc" },
  });
}
