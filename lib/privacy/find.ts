// "Find a person": one search by e-mail, CPF or name across every kind of
// record that names people, shown in one place, grouped by kind. E-mail and
// CPF are exact matches on indexed columns; a name matches any part of the
// names recorded. Each group is paginated by the same page number.
import { assertPrivacyOfficer, type Actor } from "@/lib/auth/actor";
import type { DbOrTx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ListQuery } from "@/lib/pagination";
import { cpfSpellings, parsePersonQuery, type PersonKey, type PersonQuery } from "./person";

type PersonKind = "users" | "customers" | "contactPersons" | "registrations" | "guestRequests" | "contacts" | "tickets" | "ticketMessages";

interface FoundRecord {
  id: string;
  /** The person's name as this record has it. */
  name: string;
  email: string | null;
  /** What the record is (event, ticket subject, company…). */
  detail: string;
  /** The record's admin page. */
  href: string;
  /** The person's page, when the record carries an e-mail or a CPF. */
  person: PersonKey | null;
}

interface FoundGroup {
  kind: PersonKind;
  total: number;
  rows: FoundRecord[];
}

interface PersonSearchResult {
  query: PersonQuery | null;
  groups: FoundGroup[];
  page: number;
  pageCount: number;
}

const personOf = (email: string | null | undefined, cpf?: string | null): PersonKey | null =>
  email ? { kind: "email", value: email.toLowerCase() } : cpf ? { kind: "cpf", value: cpf } : null;

/** Per kind: the where-clause for the query. */
function filters(q: PersonQuery) {
  const text = (value: string) => ({ contains: value, mode: "insensitive" as const });
  if (q.kind === "email") {
    return {
      user: { email: q.email },
      // Records linked to the person's account count as theirs even without an address of their own.
      customer: { OR: [{ email: q.email }, { user: { email: q.email } }] },
      contactPerson: { OR: [{ email: q.email }, { user: { email: q.email } }] },
      registration: { email: q.email },
      guestRequest: { email: q.email },
      contact: { email: { equals: q.email, mode: "insensitive" as const } },
      ticket: { OR: [{ openedBy: { email: q.email } }, { guestRequest: { email: q.email } }] },
      ticketMessage: { author: { email: q.email } },
    } satisfies Filters;
  }
  if (q.kind === "cpf") {
    return {
      user: { cpf: q.cpf },
      customer: { OR: [{ document: { in: cpfSpellings([q.cpf]) } }, { user: { cpf: q.cpf } }] },
      contactPerson: { user: { cpf: q.cpf } },
      registration: { cpf: q.cpf },
      guestRequest: { id: { in: [] } },
      contact: { createdBy: { cpf: q.cpf } },
      ticket: { openedBy: { cpf: q.cpf } },
      ticketMessage: { author: { cpf: q.cpf } },
    } satisfies Filters;
  }
  return {
    user: { name: text(q.name) },
    customer: { name: text(q.name) },
    contactPerson: { name: text(q.name) },
    registration: { name: text(q.name) },
    guestRequest: { requesterName: text(q.name) },
    contact: { contactName: text(q.name) },
    ticket: { openedBy: { name: text(q.name) } },
    ticketMessage: { authorName: text(q.name) },
  } satisfies Filters;
}

interface Filters {
  user: Prisma.UserWhereInput;
  customer: Prisma.CustomerWhereInput;
  contactPerson: Prisma.ContactPersonWhereInput;
  registration: Prisma.RegistrationWhereInput;
  guestRequest: Prisma.GuestRequestWhereInput;
  contact: Prisma.ContactWhereInput;
  ticket: Prisma.TicketWhereInput;
  ticketMessage: Prisma.TicketMessageWhereInput;
}

export async function findPeople(db: DbOrTx, actor: Actor, list: ListQuery): Promise<PersonSearchResult> {
  assertPrivacyOfficer(actor);
  const query = parsePersonQuery(list.q);
  if (!query) return { query: null, groups: [], page: 1, pageCount: 1 };
  const f = filters(query);
  const page = { skip: (list.page - 1) * list.pageSize, take: list.pageSize };

  const [users, customers, contactPersons, registrations, guestRequests, contacts, tickets, ticketMessages] = await Promise.all([
    Promise.all([
      db.user.findMany({
        where: f.user,
        orderBy: [{ name: "asc" }, { id: "asc" }],
        ...page,
        select: { id: true, name: true, email: true, cpf: true, role: true },
      }),
      db.user.count({ where: f.user }),
    ]),
    Promise.all([
      db.customer.findMany({
        where: f.customer,
        orderBy: [{ name: "asc" }, { id: "asc" }],
        ...page,
        select: { id: true, name: true, email: true, kind: true, user: { select: { email: true } } },
      }),
      db.customer.count({ where: f.customer }),
    ]),
    Promise.all([
      db.contactPerson.findMany({
        where: f.contactPerson,
        orderBy: [{ name: "asc" }, { id: "asc" }],
        ...page,
        select: { id: true, name: true, email: true, customerId: true, customer: { select: { name: true } }, user: { select: { email: true } } },
      }),
      db.contactPerson.count({ where: f.contactPerson }),
    ]),
    Promise.all([
      db.registration.findMany({
        where: { ...f.registration, replicatedFromId: null },
        orderBy: [{ registeredAt: "desc" }, { id: "asc" }],
        ...page,
        select: { id: true, name: true, email: true, cpf: true, source: true, event: { select: { id: true, number: true, name: true } } },
      }),
      db.registration.count({ where: { ...f.registration, replicatedFromId: null } }),
    ]),
    Promise.all([
      db.guestRequest.findMany({
        where: f.guestRequest,
        orderBy: [{ createdAt: "desc" }, { id: "asc" }],
        ...page,
        select: { id: true, number: true, requesterName: true, email: true, title: true },
      }),
      db.guestRequest.count({ where: f.guestRequest }),
    ]),
    Promise.all([
      db.contact.findMany({
        where: f.contact,
        orderBy: [{ createdAt: "desc" }, { id: "asc" }],
        ...page,
        select: { id: true, number: true, contactName: true, email: true, customer: { select: { name: true } } },
      }),
      db.contact.count({ where: f.contact }),
    ]),
    Promise.all([
      db.ticket.findMany({
        where: f.ticket,
        orderBy: [{ createdAt: "desc" }, { id: "asc" }],
        ...page,
        select: {
          id: true,
          number: true,
          subject: true,
          openedBy: { select: { name: true, email: true } },
          guestRequest: { select: { requesterName: true, email: true } },
        },
      }),
      db.ticket.count({ where: f.ticket }),
    ]),
    Promise.all([
      db.ticketMessage.findMany({
        where: f.ticketMessage,
        orderBy: [{ createdAt: "desc" }, { id: "asc" }],
        ...page,
        select: { id: true, authorName: true, author: { select: { email: true } }, ticket: { select: { number: true, subject: true } } },
      }),
      db.ticketMessage.count({ where: f.ticketMessage }),
    ]),
  ]);

  const groups: FoundGroup[] = [
    {
      kind: "users",
      total: users[1],
      rows: users[0].map((u) => ({ id: u.id, name: u.name, email: u.email, detail: u.role, href: `/admin/users/${u.id}`, person: personOf(u.email, u.cpf) })),
    },
    {
      kind: "customers",
      total: customers[1],
      rows: customers[0].map((c) => ({
        id: c.id,
        name: c.name,
        email: c.email,
        detail: c.kind,
        href: `/admin/customers/${c.id}`,
        person: c.kind === "COMPANY" ? null : personOf(c.email ?? c.user?.email),
      })),
    },
    {
      kind: "contactPersons",
      total: contactPersons[1],
      rows: contactPersons[0].map((c) => ({
        id: c.id,
        name: c.name,
        email: c.email,
        detail: c.customer.name,
        href: `/admin/customers/${c.customerId}`,
        person: personOf(c.email ?? c.user?.email),
      })),
    },
    {
      kind: "registrations",
      total: registrations[1],
      rows: registrations[0].map((r) => ({
        id: r.id,
        name: r.name,
        email: r.email,
        detail: `#${r.event.number} · ${r.event.name}`,
        href: `/admin/events/${r.event.id}`,
        person: personOf(r.email, r.cpf),
      })),
    },
    {
      kind: "guestRequests",
      total: guestRequests[1],
      rows: guestRequests[0].map((g) => ({
        id: g.id,
        name: g.requesterName ?? "",
        email: g.email,
        detail: `#${g.number}${g.title ? ` · ${g.title}` : ""}`,
        href: `/admin/guest-requests/${g.number}`,
        person: personOf(g.email),
      })),
    },
    {
      kind: "contacts",
      total: contacts[1],
      rows: contacts[0].map((c) => ({
        id: c.id,
        name: c.contactName,
        email: c.email,
        detail: `#${c.number} · ${c.customer.name}`,
        href: `/admin/contacts/${c.number}`,
        person: personOf(c.email),
      })),
    },
    {
      kind: "tickets",
      total: tickets[1],
      rows: tickets[0].map((t) => {
        const who = t.openedBy ?? (t.guestRequest ? { name: t.guestRequest.requesterName ?? "", email: t.guestRequest.email } : null);
        return {
          id: t.id,
          name: who?.name ?? "",
          email: who?.email ?? null,
          detail: `#${t.number} · ${t.subject}`,
          href: `/admin/tickets/${t.number}`,
          person: personOf(who?.email),
        };
      }),
    },
    {
      kind: "ticketMessages",
      total: ticketMessages[1],
      rows: ticketMessages[0].map((m) => ({
        id: m.id,
        name: m.authorName,
        email: m.author?.email ?? null,
        detail: `#${m.ticket.number} · ${m.ticket.subject}`,
        href: `/admin/tickets/${m.ticket.number}`,
        person: personOf(m.author?.email),
      })),
    },
  ];
  const pageCount = Math.max(1, ...groups.map((g) => Math.ceil(g.total / list.pageSize)));
  return { query, groups, page: list.page, pageCount };
}
