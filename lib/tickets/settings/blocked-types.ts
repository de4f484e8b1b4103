// Blocked ticket types per profile:
// the types a profile's users may neither see nor open in the portal. Editing
// them is part of the profile (admin only); reading them is the runtime's.
import "server-only";
import { assertAdmin, type Actor } from "@/lib/auth/actor";
import type { Db, DbOrTx } from "@/lib/db";
import { isUuid } from "@/lib/db/query-guards";
import { NotFoundError, ValidationError } from "@/lib/errors";

/** The type ids blocked for a profile; none for users without a profile. */
export async function blockedTypeIds(db: DbOrTx, profileId: string | null): Promise<string[]> {
  if (!profileId || !isUuid(profileId)) return [];
  const rows = await db.profileBlockedTicketType.findMany({ where: { profileId }, select: { typeId: true } });
  return rows.map((r) => r.typeId);
}

export interface BlockableGroup {
  id: string;
  name: string;
  active: boolean;
  types: { id: string; name: string; active: boolean; blocked: boolean }[];
}

/** Every group with its types (inactive ones too: blocking still matters if reactivated), marked when blocked. */
export async function profileTicketTypeChoices(db: DbOrTx, actor: Actor, profileId: string): Promise<BlockableGroup[]> {
  assertAdmin(actor);
  if (!isUuid(profileId)) throw new NotFoundError("common.notFound");
  const [groups, blocked] = await Promise.all([
    db.ticketGroup.findMany({
      orderBy: [{ position: "asc" }, { name: "asc" }],
      select: { id: true, name: true, active: true, types: { orderBy: { name: "asc" }, select: { id: true, name: true, active: true } } },
    }),
    blockedTypeIds(db, profileId),
  ]);
  const set = new Set(blocked);
  return groups.map((g) => ({ ...g, types: g.types.map((t) => ({ ...t, blocked: set.has(t.id) })) }));
}

/** Replaces the profile's blocked types with exactly `typeIds`. */
export async function saveProfileBlockedTypes(db: Db, actor: Actor, profileId: string, typeIds: string[]): Promise<void> {
  assertAdmin(actor);
  const ids = [...new Set(typeIds)];
  if (!isUuid(profileId)) throw new NotFoundError("common.notFound");
  if (!ids.every(isUuid)) throw new ValidationError({ typeIds: "validation.invalid" });
  await db.$transaction(async (tx) => {
    const profile = await tx.profile.findUnique({ where: { id: profileId }, select: { id: true } });
    if (!profile) throw new NotFoundError("common.notFound");
    if ((await tx.ticketType.count({ where: { id: { in: ids } } })) !== ids.length) throw new ValidationError({ typeIds: "validation.invalid" });
    await tx.profileBlockedTicketType.deleteMany({ where: { profileId, typeId: { notIn: ids } } });
    await tx.profileBlockedTicketType.createMany({ data: ids.map((typeId) => ({ profileId, typeId })), skipDuplicates: true });
  });
}
