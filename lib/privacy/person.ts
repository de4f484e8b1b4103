// A person, as the privacy officer sees them: everything Portico holds about
// one human being, wherever it is recorded (an account, a customer record, a
// company's contact person, event registrations, guest requests, "Contact us"
// threads, tickets they opened or wrote in, e-mails sent to them, files they
// uploaded). A person is named by an e-mail address or a national id (CPF);
// the records found by one of them bring in the person's other addresses and
// numbers (an account's CPF, the CPF a registration was made with), so an
// export or an erasure reaches records made under either.
import { normalizeEmail } from "@/lib/auth/normalize-email";
import type { DbOrTx } from "@/lib/db";
import { formatCpf, normalizeCpf } from "@/lib/settings/cpf-number";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Who an export or an erasure is about: the identifier the officer chose. */
export type PersonKey = { kind: "email"; value: string } | { kind: "cpf"; value: string };

/** A typed key as stored: e-mails lower-cased, CPFs as their 11 digits (punctuation optional). */
export function parsePersonKey(kind: string | undefined, raw: string | undefined): PersonKey | null {
  const value = (raw ?? "").trim();
  if (!value || value.length > 254) return null;
  if (kind === "email") return value.includes("@") ? { kind: "email", value: normalizeEmail(value) } : null;
  if (kind === "cpf") {
    const digits = normalizeCpf(value);
    return digits ? { kind: "cpf", value: digits } : null;
  }
  return null;
}

/** The query string of a person's page. */
export function personKeyQuery(key: PersonKey): string {
  return new URLSearchParams({ [key.kind]: key.value }).toString();
}

/** What a search box holds: an e-mail, a CPF (with or without punctuation) or part of a name. */
export type PersonQuery = { kind: "email"; email: string } | { kind: "cpf"; cpf: string } | { kind: "name"; name: string };

export function parsePersonQuery(raw: string): PersonQuery | null {
  const value = raw.trim().slice(0, 254);
  if (value.length < 2) return null;
  if (value.includes("@")) return { kind: "email", email: normalizeEmail(value) };
  const cpf = normalizeCpf(value);
  if (cpf) return { kind: "cpf", cpf };
  return { kind: "name", name: value };
}

/** A national id as it may have been typed into a free-form field (customer documents): digits or punctuated. */
export function cpfSpellings(cpfs: Iterable<string>): string[] {
  const all = new Set<string>();
  for (const cpf of cpfs) {
    all.add(cpf);
    all.add(formatCpf(cpf));
  }
  return [...all];
}

/** The person's identifiers after following the links between records once. */
export interface PersonIdentity {
  key: PersonKey;
  emails: string[];
  cpfs: string[];
  userIds: string[];
}

/**
 * Widens a key to the person's identifiers: the accounts and registrations
 * made under it give their other e-mail and CPF. One step only: a CPF typed
 * by mistake into someone else's registration must not pull a second person in
 * through their account.
 */
export async function resolvePerson(db: DbOrTx, key: PersonKey): Promise<PersonIdentity> {
  const emails = new Set<string>();
  const cpfs = new Set<string>();
  if (key.kind === "email") emails.add(key.value);
  else cpfs.add(key.value);
  const byKey = key.kind === "email" ? { email: key.value } : { cpf: key.value };
  const [users, registrations] = await Promise.all([
    db.user.findMany({ where: byKey, select: { id: true, email: true, cpf: true } }),
    db.registration.findMany({ where: byKey, select: { email: true, cpf: true, userId: true } }),
  ]);
  const userIds = new Set(users.map((u) => u.id));
  for (const u of users) {
    emails.add(u.email);
    if (u.cpf) cpfs.add(u.cpf);
  }
  for (const r of registrations) {
    emails.add(r.email);
    if (r.cpf) cpfs.add(r.cpf);
    if (r.userId) userIds.add(r.userId);
  }
  if (userIds.size > users.length) {
    for (const u of await db.user.findMany({ where: { id: { in: [...userIds] } }, select: { email: true, cpf: true } })) {
      emails.add(u.email);
      if (u.cpf) cpfs.add(u.cpf);
    }
  }
  return { key, emails: [...emails], cpfs: [...cpfs], userIds: [...userIds] };
}

/** Where-clauses of every kind of record that belongs to the person. */
export function personWhere(p: PersonIdentity) {
  const { emails, cpfs, userIds } = p;
  const documents = cpfSpellings(cpfs);
  const customer: Prisma.CustomerWhereInput = {
    OR: [{ userId: { in: userIds } }, { email: { in: emails } }, { document: { in: documents } }],
  };
  return {
    user: { id: { in: userIds } } satisfies Prisma.UserWhereInput,
    customer,
    contactPerson: { OR: [{ userId: { in: userIds } }, { email: { in: emails } }] } satisfies Prisma.ContactPersonWhereInput,
    registration: {
      OR: [{ userId: { in: userIds } }, { email: { in: emails } }, { cpf: { in: cpfs } }],
    } satisfies Prisma.RegistrationWhereInput,
    guestRequest: { email: { in: emails } } satisfies Prisma.GuestRequestWhereInput,
    // Contacts keep the address as typed, so it is compared ignoring case.
    contact: {
      OR: [{ createdById: { in: userIds } }, ...emails.map((email) => ({ email: { equals: email, mode: "insensitive" as const } }))],
    } satisfies Prisma.ContactWhereInput,
    // Tickets they opened, and tickets opened from their guest requests.
    ticket: {
      OR: [{ openedById: { in: userIds } }, { guestRequest: { email: { in: emails } } }],
    } satisfies Prisma.TicketWhereInput,
    ticketMessage: { authorId: { in: userIds } } satisfies Prisma.TicketMessageWhereInput,
    contactMessage: { authorId: { in: userIds } } satisfies Prisma.ContactMessageWhereInput,
    file: {
      OR: [{ ownerId: { in: userIds } }, { guestRequestFile: { request: { email: { in: emails } } } }],
    } satisfies Prisma.StoredFileWhereInput,
    emailMessage: { to: { in: emails } } satisfies Prisma.EmailMessageWhereInput,
  };
}
