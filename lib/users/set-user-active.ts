// Deactivating and reactivating users (admin only). Every request reloads the
// actor, so a deactivation takes effect on the user's next request; it also
// ends their sessions. An admin cannot deactivate their own account.
import "server-only";
import { assertAdmin, type Actor } from "@/lib/auth/actor";
import type { DbOrTx } from "@/lib/db";
import { isUuid } from "@/lib/db/query-guards";
import { ConflictError, NotFoundError } from "@/lib/errors";

export async function setUserActive(db: DbOrTx, actor: Actor, id: string, active: boolean): Promise<void> {
  assertAdmin(actor);
  if (!active && id === actor.userId) throw new ConflictError("users.cannotDeactivateSelf");
  // Deactivating also ends the user's sessions, so reactivating does not revive them.
  const data = active ? { active } : { active, sessionVersion: { increment: 1 } };
  const { count } = isUuid(id) ? await db.user.updateMany({ where: { id }, data }) : { count: 0 };
  if (count === 0) throw new NotFoundError("common.notFound");
}
