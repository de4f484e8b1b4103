// Reading users for the admin area (admin only): the paginated, searchable list
// and one user for the edit form. One findMany plus one count per page.
import "server-only";
import { assertAdmin, type Actor } from "@/lib/auth/actor";
import { parseEnumParam, parseStatus } from "@/lib/admin/list-filters";
import type { DbOrTx } from "@/lib/db";
import { isUuid } from "@/lib/db/query-guards";
import { NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { Role } from "@/lib/generated/prisma/enums";
import { parseListQuery, skipTake, toPage, type ListQuery, type Page, type SearchParams } from "@/lib/pagination";

export interface UserListQuery extends ListQuery {
  role?: Role;
  active?: boolean;
}

export function parseUserListQuery(params: SearchParams): UserListQuery {
  return { ...parseListQuery(params), role: parseEnumParam(params, "role", Role), active: parseStatus(params) };
}

const rowSelect = {
  id: true,
  name: true,
  email: true,
  role: true,
  active: true,
  profile: { select: { name: true } },
} satisfies Prisma.UserSelect;

export type UserRow = Prisma.UserGetPayload<{ select: typeof rowSelect }>;

export async function listUsers(db: DbOrTx, actor: Actor, query: UserListQuery): Promise<Page<UserRow>> {
  assertAdmin(actor);
  const where: Prisma.UserWhereInput = {
    role: query.role,
    active: query.active,
    ...(query.q ? { OR: [{ name: { contains: query.q, mode: "insensitive" } }, { email: { contains: query.q, mode: "insensitive" } }] } : {}),
  };
  const [rows, total] = await Promise.all([
    db.user.findMany({ where, select: rowSelect, orderBy: [{ name: "asc" }, { id: "asc" }], ...skipTake(query) }),
    db.user.count({ where }),
  ]);
  return toPage(rows, total, query);
}

const editSelect = {
  id: true,
  name: true,
  email: true,
  role: true,
  profileId: true,
  locale: true,
  timeZone: true,
  active: true,
  privacyOfficer: true,
} satisfies Prisma.UserSelect;

export type UserForEdit = Prisma.UserGetPayload<{ select: typeof editSelect }>;

export async function getUser(db: DbOrTx, actor: Actor, id: string): Promise<UserForEdit> {
  assertAdmin(actor);
  const user = isUuid(id) ? await db.user.findUnique({ where: { id }, select: editSelect }) : null;
  if (!user) throw new NotFoundError("common.notFound");
  return user;
}
