// The installation's rule that staff and administrators must use a second
// factor. While it is on, a staff member without one is sent to set it up at
// their next request and can reach nothing else until they have (session.ts).
import { now } from "@/lib/clock";
import type { DbOrTx } from "@/lib/db";
import { assertAdmin, type Actor } from "./actor";

/** Where users set up their second factor (their account's security page). */
export const TWO_FACTOR_SETUP_PATH = "/account/security";

// A row of the Setting table holding true or false; anything else reads as off.
const KEY = "security.twoFactorRequiredForStaff";

export async function isTwoFactorRequiredForStaff(db: DbOrTx): Promise<boolean> {
  const row = await db.setting.findUnique({ where: { key: KEY }, select: { value: true } });
  return row?.value === true;
}

/** Admins only; audited. */
export async function setTwoFactorRequiredForStaff(db: DbOrTx, actor: Actor, required: boolean): Promise<void> {
  assertAdmin(actor);
  await db.setting.upsert({ where: { key: KEY }, create: { key: KEY, value: required }, update: { value: required } });
  await db.auditLog.create({
    data: {
      actorId: actor.userId,
      actorName: actor.name,
      action: "settings.twoFactorRequiredForStaff",
      entityType: "Setting",
      entityId: KEY,
      data: { required },
      createdAt: now(),
    },
  });
}
