// Ticket e-mails, written to the outbox in the caller's
// transaction and in the recipient's language. The client is the user who
// opened the ticket; the staff side is the assigned attendant, else the
// default attendant.
import { appUrl } from "@/lib/app-url";
import type { DbOrTx } from "@/lib/db";
import { enqueueEmail } from "@/lib/email";
import type { TicketClientNoticeProps } from "@/lib/email/templates/ticket-client-notice";
import type { TicketStaffNoticeProps } from "@/lib/email/templates/ticket-staff-notice";
import type { Actor } from "@/lib/auth/actor";
import { isPortalClient, isStaff, loadActor } from "@/lib/auth/actor";
import { Role, StageResponsible } from "@/lib/generated/prisma/enums";
import { localizedName } from "@/lib/i18n/labels";
import { mailGuestRequester } from "@/lib/guests/requester-mail";
import { clientTicketScope } from "./access";
import { defaultAttendant } from "./settings/default-attendant";

const excerpt = (text: string | null | undefined) => (text ? (text.length > 500 ? `${text.slice(0, 500)}…` : text) : null);

async function ticketForMail(tx: DbOrTx, ticketId: string) {
  return tx.ticket.findUniqueOrThrow({
    where: { id: ticketId },
    select: {
      number: true,
      subject: true,
      stage: { select: { name: true, labels: true } },
      openedById: true,
      openedBy: { select: { name: true, email: true, locale: true, role: true, active: true } },
      assignee: { select: { name: true, email: true, locale: true, active: true } },
      guestRequest: { select: { id: true } },
    },
  });
}

/** Whether the opener still sees the ticket in the portal (a contact person who left the company does not). */
async function stillReaches(tx: DbOrTx, userId: string | null, ticketId: string): Promise<boolean> {
  const actor = userId ? await loadActor(tx, userId) : null;
  if (!actor || !isPortalClient(actor)) return false;
  const scope = await clientTicketScope(tx, actor);
  return (await tx.ticket.count({ where: { id: ticketId, ...scope.where } })) > 0;
}

/** To the client: their turn, a public reply, completion or an administrator's cancellation (`text` is then the reason, in full). [] when the ticket has no client user. */
export async function mailClient(tx: DbOrTx, ticketId: string, kind: TicketClientNoticeProps["kind"], text?: string): Promise<string[]> {
  const ticket = await ticketForMail(tx, ticketId);
  const ids: string[] = [];
  const client = ticket.openedBy;
  if (client?.active && client.role === Role.CLIENT && (await stillReaches(tx, ticket.openedById, ticketId))) {
    ids.push(
      await enqueueEmail(tx, {
        to: client.email,
        locale: client.locale,
        template: "ticketClientNotice",
        props: {
          kind,
          name: client.name,
          number: ticket.number,
          subject: ticket.subject,
          stageName: localizedName(ticket.stage, client.locale),
          excerpt: kind === "cancelled" ? (text ?? null) : excerpt(text),
          url: appUrl(`/portal/tickets/${ticket.number}`),
        },
      }),
    );
  }
  // A ticket opened from a guest request: the requester hears when it is closed.
  if (kind === "completed" && ticket.guestRequest) ids.push(...(await mailGuestRequester(tx, ticket.guestRequest.id, "closed")));
  return ids;
}

/** To the attendant (assigned, else the default one): the client forwarded, replied or decided. */
export async function mailAttendant(tx: DbOrTx, ticketId: string, kind: TicketStaffNoticeProps["kind"], clientName: string, text?: string): Promise<string[]> {
  const ticket = await ticketForMail(tx, ticketId);
  const to = ticket.assignee?.active ? ticket.assignee : await defaultAttendant(tx);
  if (!to) return [];
  return [
    await enqueueEmail(tx, {
      to: to.email,
      locale: to.locale,
      template: "ticketStaffNotice",
      props: {
        kind,
        name: to.name,
        clientName,
        number: ticket.number,
        subject: ticket.subject,
        stageName: localizedName(ticket.stage, to.locale),
        excerpt: excerpt(text),
        url: appUrl(`/admin/tickets/${ticket.number}`),
      },
    }),
  ];
}

type MovedTo = { terminal: boolean; responsible: StageResponsible };

/** After a client hands a ticket on: the attendant hears of it; a terminal or client stage tells the client. */
export async function notifyAfterClientMove(tx: DbOrTx, ticketId: string, toStage: MovedTo, clientName: string, reason: string): Promise<string[]> {
  if (toStage.terminal) return mailClient(tx, ticketId, "completed");
  if (toStage.responsible === StageResponsible.STAFF) return mailAttendant(tx, ticketId, "forwarded", clientName, reason);
  return [];
}

/** The e-mails a move causes: staff handing it to the client or completing it; a client handing it back. */
export async function notifyMove(tx: DbOrTx, actor: Actor, ticketId: string, toStage: MovedTo, reason: string): Promise<string[]> {
  if (!isStaff(actor)) return notifyAfterClientMove(tx, ticketId, toStage, actor.name, reason);
  if (toStage.terminal) return mailClient(tx, ticketId, "completed");
  if (toStage.responsible === StageResponsible.CLIENT) return mailClient(tx, ticketId, "yourTurn");
  return [];
}
