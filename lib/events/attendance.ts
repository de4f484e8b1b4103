// Online access and attendance: the join link works
// from one hour before the start until the end; the first access inside that
// window records attendance ("ao acessar será confirmada sua presença") and
// sends the participant to the conference link. Staff can also check people in.
import { assertStaff, type Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import type { DbOrTx } from "@/lib/db";
import { isUuid } from "@/lib/db/query-guards";
import { NotFoundError } from "@/lib/errors";
import { registrationByToken } from "./private-links";

const ACCESS_OPENS_BEFORE_MS = 60 * 60 * 1000;

export type JoinOutcome =
  | { state: "early"; opensAt: Date }
  | { state: "open"; url: string; attendedAt: Date }
  | { state: "ended" }
  | { state: "not-online" }
  | { state: "not-registered" }
  | { state: "cancelled" };

type Who = { userId: string } | { accessToken: string };

/** Where `at` falls in an event's online access window: before it opens, inside it, or after the end. */
export function accessWindow(event: { startsAt: Date; endsAt: Date }, at: Date): { state: "early"; opensAt: Date } | { state: "open" } | { state: "ended" } {
  const opensAt = new Date(event.startsAt.getTime() - ACCESS_OPENS_BEFORE_MS);
  if (at < opensAt) return { state: "early", opensAt };
  if (at > event.endsAt) return { state: "ended" };
  return { state: "open" };
}

/** Resolves the registrant's main-event or session registration for the event number, then applies the window. */
export async function joinEvent(db: DbOrTx, who: Who, eventNumber: number): Promise<JoinOutcome> {
  if (!Number.isInteger(eventNumber) || eventNumber <= 0 || eventNumber > 2_147_483_647) throw new NotFoundError("errors.notFoundBody");
  const owner =
    "userId" in who
      ? { userId: who.userId }
      : // A public registrant's token names their main-event registration; its replica in a session counts too.
        { OR: [registrationByToken(who.accessToken), { replicatedFrom: registrationByToken(who.accessToken) }] };
  const registration = await db.registration.findFirst({
    where: { event: { number: eventNumber }, ...owner },
    select: { id: true, status: true, attendedAt: true, event: { select: { status: true, startsAt: true, endsAt: true, onlineUrl: true } } },
  });
  if (!registration) throw new NotFoundError("errors.notFoundBody");
  const { event } = registration;
  if (event.status === "CANCELLED") return { state: "cancelled" };
  if (registration.status !== "REGISTERED") return { state: "not-registered" };
  if (!event.onlineUrl) return { state: "not-online" };
  const at = now();
  const access = accessWindow(event, at);
  if (access.state !== "open") return access;
  await recordAttendance(db, registration.id, at);
  const attendedAt = registration.attendedAt ?? at;
  return { state: "open", url: event.onlineUrl, attendedAt };
}

/**
 * Records that the registrant attended at `at`, as the join link and the
 * check-in page do. Only the first record counts: the conditional update keeps
 * the earliest time, so a second access or scan changes nothing. True when
 * this call was the one that recorded it.
 */
export async function recordAttendance(db: DbOrTx, registrationId: string, at: Date): Promise<boolean> {
  const { count } = await db.registration.updateMany({ where: { id: registrationId, status: "REGISTERED", attendedAt: null }, data: { attendedAt: at } });
  return count === 1;
}

/** Staff check-in for in-person events (or a correction): set or clear attendance; an earlier time is kept. */
export async function markAttendance(db: DbOrTx, actor: Actor, registrationId: string, attended: boolean): Promise<void> {
  assertStaff(actor);
  const registration = isUuid(registrationId)
    ? await db.registration.findFirst({ where: { id: registrationId, status: "REGISTERED" }, select: { attendedAt: true } })
    : null;
  if (!registration) throw new NotFoundError("events.errors.registrationNotFound");
  if (attended && registration.attendedAt) return;
  await db.registration.update({ where: { id: registrationId }, data: { attendedAt: attended ? now() : null }, select: { id: true } });
}
