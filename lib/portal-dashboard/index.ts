// The client's home page (/portal): what waits for them, section by section,
// each with its count, the first few rows and a link to the full list. Every
// query is scoped like the full lists it links to: tickets by the customer
// records the client reaches (minus blocked types), contacts by the companies
// they reach, events by their own registrations. Each section is one list
// query and one count, all run together: a fixed number of queries whatever
// the number of rows.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertPortalClient } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { contactSummarySelect, type ContactSummary } from "@/lib/contacts/thread";
import type { ReachableCustomer } from "@/lib/customers/access";
import type { DbOrTx } from "@/lib/db";
import { accessWindow } from "@/lib/events/attendance";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ContactStatus, CustomerKind, StageResponsible, TicketStatus, UnderstandingState } from "@/lib/generated/prisma/enums";
import { clientTicketScope } from "@/lib/tickets/access";

/** Rows shown per section; the count and the link cover the rest. */
export const DASHBOARD_LIMIT = 5;

const ticketSelect = {
  id: true,
  number: true,
  subject: true,
  updatedAt: true,
  stage: { select: { name: true } },
  customer: { select: { name: true } },
} satisfies Prisma.TicketSelect;

export type DashboardTicket = Prisma.TicketGetPayload<{ select: typeof ticketSelect }>;

interface DashboardEvent {
  registrationId: string;
  status: "REGISTERED" | "RESERVE";
  number: number;
  name: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  /** Online access is open now (from an hour before the start to the end): offer the join button. */
  canJoin: boolean;
}

interface DashboardSection<T> {
  count: number;
  rows: T[];
}

export interface PortalDashboard {
  /** The customer records the client reaches (their own, or as a contact person). */
  customers: ReachableCustomer[];
  /** Open tickets under the client's responsibility (the "My responsibility" filter). */
  yourTurn: DashboardSection<DashboardTicket>;
  /** Of those, the ones whose understanding waits for the client's approval or rejection. */
  decisions: DashboardSection<DashboardTicket>;
  /** Registrations (registered or reserve) for events that have not ended. */
  events: DashboardSection<DashboardEvent>;
  /** Open contacts of the companies the client reaches; null when they reach none (no Contact us). */
  contacts: DashboardSection<ContactSummary> | null;
}

const yourTurnWhere: Prisma.TicketWhereInput = { status: TicketStatus.OPEN, responsible: StageResponsible.CLIENT };
// The same test as the ticket page's decision buttons: an understanding handed to the client, waiting.
const decisionWhere: Prisma.TicketWhereInput = {
  ...yourTurnWhere,
  understandingState: UnderstandingState.PENDING,
  understandingShared: true,
  understanding: { not: "" },
};
const newestFirst = [{ updatedAt: "desc" }, { id: "desc" }] satisfies Prisma.TicketOrderByWithRelationInput[];

export async function portalDashboard(db: DbOrTx, actor: Actor): Promise<PortalDashboard> {
  assertPortalClient(actor);
  const at = now();
  const scope = await clientTicketScope(db, actor);
  const companyIds = scope.customers.filter((c) => c.kind === CustomerKind.COMPANY).map((c) => c.id);
  const registrationWhere: Prisma.RegistrationWhereInput = {
    userId: actor.userId,
    status: { in: ["REGISTERED", "RESERVE"] },
    event: { status: { not: "CANCELLED" }, endsAt: { gte: at } },
  };
  const contactWhere: Prisma.ContactWhereInput = { customerId: { in: companyIds }, status: ContactStatus.OPEN };

  const [yourTurnCount, yourTurn, decisionCount, decisions, eventCount, registrations, contactCount, contacts] = await Promise.all([
    db.ticket.count({ where: { ...scope.where, ...yourTurnWhere } }),
    db.ticket.findMany({ where: { ...scope.where, ...yourTurnWhere }, orderBy: newestFirst, select: ticketSelect, take: DASHBOARD_LIMIT }),
    db.ticket.count({ where: { ...scope.where, ...decisionWhere } }),
    db.ticket.findMany({ where: { ...scope.where, ...decisionWhere }, orderBy: newestFirst, select: ticketSelect, take: DASHBOARD_LIMIT }),
    db.registration.count({ where: registrationWhere }),
    db.registration.findMany({
      where: registrationWhere,
      orderBy: [{ event: { startsAt: "asc" } }, { event: { number: "asc" } }],
      take: DASHBOARD_LIMIT,
      select: { id: true, status: true, event: { select: { number: true, name: true, startsAt: true, endsAt: true, timeZone: true, onlineUrl: true } } },
    }),
    companyIds.length ? db.contact.count({ where: contactWhere }) : Promise.resolve(0),
    companyIds.length
      ? db.contact.findMany({ where: contactWhere, orderBy: [{ updatedAt: "desc" }, { number: "desc" }], select: contactSummarySelect, take: DASHBOARD_LIMIT })
      : Promise.resolve([]),
  ]);

  return {
    customers: scope.customers,
    yourTurn: { count: yourTurnCount, rows: yourTurn },
    decisions: { count: decisionCount, rows: decisions },
    events: {
      count: eventCount,
      rows: registrations.map((r) => ({
        registrationId: r.id,
        status: r.status as "REGISTERED" | "RESERVE",
        number: r.event.number,
        name: r.event.name,
        startsAt: r.event.startsAt,
        endsAt: r.event.endsAt,
        timeZone: r.event.timeZone,
        // A reserve holds no seat, so has no way in (the join page would refuse them).
        canJoin: r.status === "REGISTERED" && Boolean(r.event.onlineUrl) && accessWindow(r.event, at).state === "open",
      })),
    },
    contacts: companyIds.length ? { count: contactCount, rows: contacts } : null,
  };
}
