// The default attendant (a general parameter): the staff user through whom the portal's movements are recorded.
// A setting that is unset, or that points to a user who is no longer an active
// STAFF/ADMIN, reads as "no default attendant" so nothing is recorded in the
// name of someone who cannot act.
import "server-only";
import { assertStaff, type Actor } from "@/lib/auth/actor";
import type { DbOrTx } from "@/lib/db";
import { isUuid } from "@/lib/db/query-guards";
import { ValidationError } from "@/lib/errors";
import { Role } from "@/lib/generated/prisma/enums";
import { getSetting, setSetting } from "@/lib/settings/general";

const KEY = "tickets.defaultAttendantId";
const staffRoles = [Role.STAFF, Role.ADMIN];

export interface DefaultAttendant {
  id: string;
  name: string;
  email: string;
  locale: string;
}

/** The configured attendant when it is an active staff user, else null. */
export async function defaultAttendant(db: DbOrTx): Promise<DefaultAttendant | null> {
  const id = await getSetting(db, KEY);
  if (!id) return null;
  return db.user.findFirst({
    where: { id, active: true, role: { in: staffRoles } },
    select: { id: true, name: true, email: true, locale: true },
  });
}

export type DefaultAttendantState = "ok" | "unset" | "invalid";

/** For the dashboard's warning: unset, or set to a user who cannot act. */
export async function defaultAttendantState(db: DbOrTx): Promise<DefaultAttendantState> {
  const id = await getSetting(db, KEY);
  if (!id) return "unset";
  return (await defaultAttendant(db)) ? "ok" : "invalid";
}

/** The stored id (even when it no longer qualifies), for the settings form. */
export async function defaultAttendantId(db: DbOrTx, actor: Actor): Promise<string | null> {
  assertStaff(actor);
  return getSetting(db, KEY);
}

/** Sets (or clears, with null) the default attendant; it must be an active staff user. */
export async function saveDefaultAttendant(db: DbOrTx, actor: Actor, userId: string | null): Promise<void> {
  assertStaff(actor);
  if (userId !== null) {
    const ok = isUuid(userId) && (await db.user.count({ where: { id: userId, active: true, role: { in: staffRoles } } })) > 0;
    if (!ok) throw new ValidationError({ attendantId: "ticketSettings.errors.attendantNotStaff" });
  }
  await setSetting(db, KEY, userId);
}
