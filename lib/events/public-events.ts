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
import { eventPageSelect, portalVisible, sessionViews, type SessionView } from "./portal-events";

const publicSelect = {
  ...eventPageSelect,
  publicQuestionnaire: { select: { questions: true } },
  mainEvent: { select: { slug: true, name: true } },
} satisfies Prisma.EventSelect;

type PublicEventRow = Prisma.EventGetPayload<{ select: typeof publicSelect }>;
export type PublicEvent = Omit<PublicEventRow, "secondaryEvents"> & { secondaryEvents: SessionView[] };

/** The events with a public page: main events with public registration and their sessions. */
const publicVisible: Prisma.EventWhereInput = { OR: [{ publicRegistration: true, mainEventId: null }, { mainEvent: { publicRegistration: true } }] };

export async function getPublicEvent(db: DbOrTx, slug: string): Promise<PublicEvent> {
  const event = slug.length <= 200 ? await db.event.findFirst({ where: { slug, ...publicVisible }, select: publicSelect }) : null;
  if (!event) throw new NotFoundError("errors.notFoundBody");
  const sessionIds = event.secondaryEvents.map((s) => s.id);
  // A session links to its public page only when that page exists for the public.
  const reachable = sessionIds.length ? await db.event.findMany({ where: { id: { in: sessionIds }, ...publicVisible }, select: { id: true } }) : [];
  return { ...event, secondaryEvents: sessionViews(event.secondaryEvents, new Set(reachable.map((r) => r.id))) };
}

export function isRegistrationOpen(event: Pick<PublicEvent, "status" | "registrationDeadline">, at = now()): boolean {
  return event.status !== "CANCELLED" && (!event.registrationDeadline || event.registrationDeadline >= at);
}

/** The artwork file of an event the actor (or the public) may see, or null. */
export async function eventArtworkFileId(db: DbOrTx, actor: Actor | null, slug: string): Promise<string | null> {
  // Exactly the events whose page the viewer may open: the public pages, and the portal pages for a client.
  const visibility: Prisma.EventWhereInput =
    actor && isStaff(actor) ? {} : actor && isPortalClient(actor) ? { OR: [publicVisible, portalVisible(actor, now())] } : publicVisible;
  const event =
    slug.length <= 200 ? await db.event.findFirst({ where: { slug, artworkFileId: { not: null }, ...visibility }, select: { artworkFileId: true } }) : null;
  return event?.artworkFileId ?? null;
}
