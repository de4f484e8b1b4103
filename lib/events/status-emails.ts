// Status e-mails: after a change to Confirmed or Cancelled, or on demand
// ("Resend e-mail"), one individual e-mail
// per active participant (registered and reserve) with the event's details and
// status, in the participant's language. A session e-mails its own participants.
// A public registrant's e-mail carries a private link issued for it (only
// hashes are stored, so the link of the confirmation cannot be repeated; the
// older links stay valid, see private-links.ts); in a session it opens their
// main-event registration, where the session's copy is reached too.
import type { Actor } from "@/lib/auth/actor";
import type { Db, DbOrTx } from "@/lib/db";
import { isUuid } from "@/lib/db/query-guards";
import { enqueueBulkEmails } from "@/lib/email/outbox";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { canEditEvent } from "./event-rules";
import { mailEventSelect, mailRegistrationSelect, participantMail } from "./participant-mail";
import { issuePrivateLinks, privateRegistrationUrl } from "./private-links";

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

/** A public registrant's way in is their private link's join page (it records attendance), instead of the bare event page. */
function withPrivateLink<P extends ReturnType<typeof participantMail>>(props: P, privateUrl: string | null): P {
  if (!privateUrl) return props;
  return { ...props, privateUrl, joinUrl: props.publicPageUrl ? `${privateUrl}/join` : props.joinUrl, publicPageUrl: null };
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
      const registrations = await tx.registration.findMany({
        where: { eventId, status: ACTIVE },
        select: { ...mailRegistrationSelect, replicatedFromId: true, replicatedFrom: { select: { event: { select: { slug: true } } } } },
        orderBy: { arrival: "asc" },
      });
      const publicOnes = registrations.filter((r) => r.source === "PUBLIC" && !r.userId);
      const tokens = await issuePrivateLinks(
        tx,
        publicOnes.map((r) => r.replicatedFromId ?? r.id),
      );
      const privateUrlOf = (r: (typeof registrations)[number]) => {
        const token = r.source === "PUBLIC" && !r.userId ? tokens.get(r.replicatedFromId ?? r.id) : undefined;
        return token ? privateRegistrationUrl(r.replicatedFrom?.event.slug ?? event.slug, token) : null;
      };
      // In arrival order, so the n-th reserve met here is reserve number n.
      let reserves = 0;
      const { batchId, emailIds } = await enqueueBulkEmails(
        tx,
        { template: "eventStatus", eventId, createdById: actor.userId },
        registrations.map((registration) => ({
          to: registration.email,
          locale: registration.locale,
          timeZone: event.timeZone,
          props: withPrivateLink(
            { ...participantMail(event, registration), status: event.status, reservePosition: registration.status === "RESERVE" ? ++reserves : null },
            privateUrlOf(registration),
          ),
        })),
      );
      return { count: emailIds.length, emailIds, batchId };
    },
    { maxWait: 15_000, timeout: 120_000 },
  );
}
