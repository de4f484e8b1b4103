// Status e-mails: after a change to Confirmed or Cancelled, or on demand
// ("Resend e-mail"), one individual e-mail
// per active participant (registered and reserve) with the event's details and
// status, in the participant's language. A session e-mails its own participants.
import type { Actor } from "@/lib/auth/actor";
import type { Db, DbOrTx } from "@/lib/db";
import { isUuid } from "@/lib/db/query-guards";
import { enqueueBulkEmails } from "@/lib/email/outbox";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { canEditEvent } from "./event-rules";
import { mailEventSelect, mailRegistrationSelect, participantMail } from "./participant-mail";

const ACTIVE = { in: ["REGISTERED", "RESERVE"] as ("REGISTERED" | "RESERVE")[] };

/** How many participants a status e-mail would go to. */
export function activeParticipantCount(db: DbOrTx, eventId: string): Promise<number> {
  return db.registration.count({ where: { eventId, status: ACTIVE } });
}

export interface StatusEmailsResult {
  count: number;
  /** Outbox rows written; hand them to notifyOutbox after the call returns. */
  emailIds: string[];
  /** The bulk send staff follow on the event page and in the outbox (null when nobody was e-mailed). */
  batchId: string | null;
}

/** Queues one e-mail per active participant as one bulk send. Only staff who may change the event may send. */
export async function sendStatusEmails(db: Db, actor: Actor, eventId: string): Promise<StatusEmailsResult> {
  const found = isUuid(eventId) ? await db.event.findUnique({ where: { id: eventId }, select: { responsibleId: true } }) : null;
  if (!found) throw new NotFoundError("common.notFound");
  if (!canEditEvent(actor, found)) throw new ForbiddenError("events.errors.onlyResponsible");
  // One transaction: all of them or none. Rows carry the template and its props
  // (the sender renders them), so even thousands are queued in moments.
  return db.$transaction(
    async (tx) => {
      const event = await tx.event.findUniqueOrThrow({ where: { id: eventId }, select: mailEventSelect });
      const registrations = await tx.registration.findMany({ where: { eventId, status: ACTIVE }, select: mailRegistrationSelect, orderBy: { arrival: "asc" } });
      // In arrival order, so the n-th reserve met here is reserve number n.
      let reserves = 0;
      const { batchId, emailIds } = await enqueueBulkEmails(
        tx,
        { template: "eventStatus", eventId, createdById: actor.userId },
        registrations.map((registration) => ({
          to: registration.email,
          locale: registration.locale,
          timeZone: event.timeZone,
          props: { ...participantMail(event, registration), status: event.status, reservePosition: registration.status === "RESERVE" ? ++reserves : null },
        })),
      );
      return { count: emailIds.length, emailIds, batchId };
    },
    { maxWait: 15_000, timeout: 120_000 },
  );
}
