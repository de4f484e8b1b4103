// Answering a seat offered from the reserve list: the reserve accepts (the
// seat becomes theirs) or declines (they leave the reserve list and the seat
// is offered to the next). Clients answer in the portal, public registrants
// through their private link. Under the event's lock, like every change of
// seats; an offer answered after its deadline is refused (the sweep passes it on).
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { findCancellable, type Canceller } from "./cancellation";
import { enqueuePromotedEmail, fillFreeSeats } from "./promotion";
import { mirrorToSecondaries } from "./replication";
import { lockEvent, SEAT_TRANSACTION, writeCounters, type Counters } from "./seat-lock";

export interface OfferAnswer {
  registrationId: string;
  eventNumber: number;
  /** True when the offer was already answered this way: nothing changed (double click, retry). */
  already: boolean;
  /** Outbox rows written; hand them to notifyOutbox after the call returns. */
  emailIds: string[];
}

/** Accepts the seat offered to this reserve: REGISTERED now, e-mailed as a promotion. */
export function acceptOffer(db: Db, by: Canceller, registrationId: string): Promise<OfferAnswer> {
  return answerOffer(db, by, registrationId, "accept");
}

/** Declines it: the registration leaves the reserve list and the seat is offered to the next reserve. */
export function declineOffer(db: Db, by: Canceller, registrationId: string): Promise<OfferAnswer> {
  return answerOffer(db, by, registrationId, "decline");
}

async function answerOffer(db: Db, by: Canceller, registrationId: string, answer: "accept" | "decline"): Promise<OfferAnswer> {
  return db.$transaction(async (tx) => {
    const target = await findCancellable(tx, by, registrationId);
    const event = await lockEvent(tx, target.eventId);
    if (!event) throw new NotFoundError("events.errors.registrationNotFound");
    // Read again under the lock: the sweep or another tab may have answered first.
    const registration = await tx.registration.findUniqueOrThrow({
      where: { id: target.id },
      select: { id: true, status: true, offer: true, offerExpiresAt: true, hold: true, name: true, email: true, locale: true, userId: true },
    });
    const done = { registrationId: registration.id, eventNumber: event.number, already: true, emailIds: [] };
    if (answer === "accept" && registration.offer === "ACCEPTED") return done;
    if (answer === "decline" && registration.offer === "DECLINED") return done;
    if (registration.offer === "EXPIRED") throw new ConflictError("events.errors.offerExpired");
    if (registration.offer !== "OPEN" || registration.status !== "RESERVE") throw new ConflictError("events.errors.noOffer");
    // The deadline is exclusive for the registrant and inclusive for the sweep, so exactly one of them wins.
    if (!registration.offerExpiresAt || now() >= registration.offerExpiresAt) throw new ConflictError("events.errors.offerExpired");
    if (answer === "accept" && event.status === "CANCELLED") throw new ConflictError("events.errors.cancelled");

    const counters: Counters = { registered: event.registeredCount, reserve: event.reserveCount - 1 };
    const emailIds: string[] = [];
    let promoted: string[] = [];
    if (answer === "accept") {
      counters.registered++;
      await tx.registration.update({
        where: { id: registration.id },
        // The offer reached the registrant's address, so a sign-up still awaiting confirmation is confirmed too.
        data: { status: "REGISTERED", offer: "ACCEPTED", ...(registration.hold === "HELD" && "accessToken" in by ? { hold: "CONFIRMED" as const } : {}) },
      });
      emailIds.push(await enqueuePromotedEmail(tx, event, registration));
    } else {
      await tx.registration.update({
        where: { id: registration.id },
        data: { status: "CANCELLED", offer: "DECLINED", cancelledAt: now(), cancelledByStaff: false, cancelReason: null },
      });
      promoted = await fillFreeSeats(tx, event, counters, emailIds);
    }
    await writeCounters(tx, event.id, counters);
    await mirrorToSecondaries(tx, event.id, [registration.id, ...promoted]);
    return { registrationId: registration.id, eventNumber: event.number, already: false, emailIds };
  }, SEAT_TRANSACTION);
}
