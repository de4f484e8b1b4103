// A public registrant's private links open their main-event registration.
// Its replica in each session (registered and cancelled only through the main
// event) opens with the same link at the session's address, so the session's
// page can show its state and point back to the main event's page instead of
// answering "not found".
import type { DbOrTx } from "@/lib/db";
import { registrationByToken } from "./private-links";
import { reservePosition } from "./seat-lock";

export async function findSessionRegistrationByToken(db: DbOrTx, slug: string, token: string) {
  if (!token || token.length > 200 || !slug || slug.length > 200) return null;
  const registration = await db.registration.findFirst({
    where: { event: { slug, mainEventId: { not: null } }, replicatedFrom: registrationByToken(token) },
    select: {
      name: true,
      email: true,
      status: true,
      replicatedFromId: true,
      event: {
        select: {
          number: true,
          name: true,
          startsAt: true,
          timeZone: true,
          status: true,
          onlineUrl: true,
          mainEventId: true,
          cancellationDeadline: true,
          mainEvent: { select: { slug: true, name: true } },
        },
      },
    },
  });
  const mainEvent = registration?.event.mainEvent;
  if (!registration || !mainEvent || !registration.replicatedFromId) return null;
  const { replicatedFromId, event, ...rest } = registration;
  // The reserve list is the main event's: a session's replica holds the main registration's place.
  const position = rest.status === "RESERVE" ? await reservePosition(db, replicatedFromId) : null;
  return { ...rest, reservePosition: position, event: { ...event, mainEvent } };
}

export type SessionRegistration = NonNullable<Awaited<ReturnType<typeof findSessionRegistrationByToken>>>;
