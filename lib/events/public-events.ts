// What the public sees without an account: events with public
// registration, on their own page, without logging in. Sessions (secondary
// events) are shown on their main event's page and take no registrations; a
// session's own page (of a public main event) points to its main event.
import type { Actor } from "@/lib/auth/actor";
import { isPortalClient, isStaff } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import type { DbOrTx } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { eventPageSelect, openForRegistration } from "./portal-events";

const publicSelect = {
  ...eventPageSelect,
  artworkFileId: true,
  publicQuestionnaire: { select: { questions: true } },
  mainEvent: { select: { slug: true, name: true } },
} satisfies Prisma.EventSelect;

export type PublicEvent = Prisma.EventGetPayload<{ select: typeof publicSelect }>;

export async function getPublicEvent(db: DbOrTx, slug: string): Promise<PublicEvent> {
  const event = slug.length <= 200 ? await db.event.findFirst({ where: { slug, OR: [{ publicRegistration: true, mainEventId: null }, { mainEvent: { publicRegistration: true } }] }, select: publicSelect }) : null;
  if (!event) throw new NotFoundError("errors.notFoundBody");
  return event;
}

export function isRegistrationOpen(event: Pick<PublicEvent, "status" | "registrationDeadline">, at = now()): boolean {
  return event.status !== "CANCELLED" && (!event.registrationDeadline || event.registrationDeadline >= at);
}

/** The artwork file of an event the actor (or the public) may see, or null. */
export async function eventArtworkFileId(db: DbOrTx, actor: Actor | null, slug: string): Promise<string | null> {
  const visibility: Prisma.EventWhereInput =
    actor && isStaff(actor) ? {} : { OR: [{ publicRegistration: true }, { mainEvent: { publicRegistration: true } }, ...(actor && isPortalClient(actor) ? [openForRegistration(now()), { registrations: { some: { userId: actor.userId } } }] : [])] };
  const event = await db.event.findFirst({ where: { slug, artworkFileId: { not: null }, ...visibility }, select: { artworkFileId: true } });
  return event?.artworkFileId ?? null;
}
