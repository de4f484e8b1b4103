// Staff triage of guest requests: they arrive "Created from Guest
// Portal", newest first; staff read them, delete them (with their files) or
// open them into tickets (open-request.ts).
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertStaff } from "@/lib/auth/actor";
import type { Db, DbOrTx } from "@/lib/db";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { guestRequestFieldsSelect } from "./request-fields";
import { GuestRequestStatus } from "@/lib/generated/prisma/enums";
import { parseEnumParam } from "@/lib/admin/list-filters";
import { parseListQuery, skipTake, toPage, type ListQuery, type Page, type SearchParams } from "@/lib/pagination";
import type { FileStorage } from "@/lib/storage";
import { isUuid } from "@/lib/db/query-guards";

export interface GuestRequestListQuery extends ListQuery {
  status?: GuestRequestStatus;
}

export function parseGuestRequestListQuery(params: SearchParams): GuestRequestListQuery {
  return { ...parseListQuery(params), status: parseEnumParam(params, "status", GuestRequestStatus) };
}

const listSelect = {
  id: true,
  number: true,
  status: true,
  title: true,
  requesterName: true,
  email: true,
  createdAt: true,
  ticket: { select: { number: true } },
} satisfies Prisma.GuestRequestSelect;
export type GuestRequestRow = Prisma.GuestRequestGetPayload<{ select: typeof listSelect }>;

function searchWhere(q: string): Prisma.GuestRequestWhereInput | undefined {
  if (!q) return undefined;
  const number = /^#?(\d{1,9})$/.exec(q);
  const contains = { contains: q, mode: "insensitive" as const };
  return { OR: [...(number ? [{ number: Number(number[1]) }] : []), { title: contains }, { requesterName: contains }, { email: contains }] };
}

export async function listGuestRequests(db: DbOrTx, actor: Actor, query: GuestRequestListQuery): Promise<Page<GuestRequestRow>> {
  assertStaff(actor);
  const where: Prisma.GuestRequestWhereInput = { status: query.status, ...searchWhere(query.q) };
  const [rows, total] = await Promise.all([
    db.guestRequest.findMany({ where, select: listSelect, orderBy: [{ createdAt: "desc" }, { number: "desc" }], ...skipTake(query) }),
    db.guestRequest.count({ where }),
  ]);
  return toPage(rows, total, query);
}

/** The navigation badge: requests waiting for triage. */
export async function countNewGuestRequests(db: DbOrTx, actor: Actor): Promise<number> {
  assertStaff(actor);
  return db.guestRequest.count({ where: { status: GuestRequestStatus.CREATED } });
}

/** "12" or 12 from a URL; anything else finds nothing. */
function parseRequestNumber(value: unknown): number | null {
  const text = String(value);
  return /^\d{1,9}$/.test(text) ? Number(text) : null;
}

/** A guest request by its id (what actions bind) or by the number staff read (#12, in URLs). */
export interface GuestRequestRef {
  number?: number | string;
  id?: string;
}

/** The unique key of a reference, or null when it cannot name a request. */
export function guestRequestKey(ref: GuestRequestRef): { id: string } | { number: number } | null {
  if (ref.id !== undefined) return isUuid(ref.id) ? { id: ref.id } : null;
  const number = parseRequestNumber(ref.number);
  return number === null ? null : { number };
}

const detailSelect = {
  id: true,
  number: true,
  status: true,
  ...guestRequestFieldsSelect,
  locale: true,
  createdAt: true,
  ticket: { select: { id: true, number: true } },
  files: { select: { file: { select: { id: true, fileName: true, contentType: true, size: true } } }, orderBy: { file: { createdAt: "asc" } } },
} satisfies Prisma.GuestRequestSelect;
export type GuestRequestDetail = Prisma.GuestRequestGetPayload<{ select: typeof detailSelect }>;

export async function getGuestRequest(db: DbOrTx, actor: Actor, number: unknown): Promise<GuestRequestDetail> {
  assertStaff(actor);
  const n = parseRequestNumber(number);
  const request = n === null ? null : await db.guestRequest.findUnique({ where: { number: n }, select: detailSelect });
  if (!request) throw new NotFoundError("errors.notFoundBody");
  return request;
}

/** Deletes a request still waiting for triage, and its files (rows, then the stored objects). */
export async function deleteGuestRequest(db: Db, storage: FileStorage, actor: Actor, ref: GuestRequestRef | number): Promise<void> {
  assertStaff(actor);
  const key = guestRequestKey(typeof ref === "number" ? { number: ref } : ref);
  const storageKeys = await db.$transaction(async (tx) => {
    const request =
      key === null
        ? null
        : await tx.guestRequest.findUnique({
            where: key,
            select: { id: true, number: true, title: true, status: true, files: { select: { file: { select: { id: true, storageKey: true } } } } },
          });
    if (!request) throw new NotFoundError("errors.notFoundBody");
    // An opened request's files belong to its ticket now.
    const { count } = await tx.guestRequest.deleteMany({ where: { id: request.id, status: GuestRequestStatus.CREATED } });
    if (count !== 1) throw new ConflictError("guests.errors.notCreated");
    const files = request.files.map((f) => f.file);
    await tx.storedFile.deleteMany({ where: { id: { in: files.map((f) => f.id) } } });
    await tx.auditLog.create({
      data: {
        actorId: actor.userId,
        actorName: actor.name,
        action: "guestRequest.delete",
        entityType: "GuestRequest",
        entityId: request.id,
        data: { number: request.number, title: request.title },
      },
    });
    return files.map((f) => f.storageKey);
  });
  // After commit: a failed delete leaves an unreferenced object, never a row without its file.
  await Promise.all(
    storageKeys.map((key) => storage.delete(key).catch((error: unknown) => console.error(`[guests] could not delete stored object ${key}`, error))),
  );
}
