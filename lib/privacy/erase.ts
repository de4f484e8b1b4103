// Erasure by anonymisation: a person's identifying data is replaced by a
// placeholder everywhere, while what others rely on stays: an event keeps its
// registration and attendance counts, a ticket its discussion and workflow
// history (with the person's words and name replaced), an issued certificate
// its code, which the public check then answers as "revoked for privacy".
// The person's files leave storage. Irreversible: nothing is kept to undo it.
//
// Refused while a legal hold applies (legalHolds): work still in progress for
// the person that needs their details to be finished (an open ticket or
// contact, a guest request waiting for triage, a registration for an event
// that has not ended yet), or an active staff account (deactivate it first: a
// colleague's name on their own work is not erased while they work there).
import { randomBytes, randomUUID } from "node:crypto";
import { assertPrivacyOfficer, type Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import type { Db, DbOrTx } from "@/lib/db";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { formatCpf } from "@/lib/settings/cpf-number";
import { Prisma } from "@/lib/generated/prisma/client";
import type { FileStorage } from "@/lib/storage";
import { ERASED_EMAIL, ERASED_EMAIL_DOMAIN, placeholderEmail, PRIVACY_PLACEHOLDER } from "./placeholder";
import { parsePersonKey, personWhere, resolvePerson, type PersonIdentity, type PersonKey } from "./person";

type LegalHoldReason = "openTicket" | "openContact" | "pendingGuestRequest" | "upcomingRegistration" | "activeStaff" | "self";

export interface LegalHold {
  reason: LegalHoldReason;
  /** The record's number or name, for the message. */
  label: string;
  href: string | null;
}

/** Why the person cannot be erased now; empty when nothing holds. */
export async function legalHolds(db: DbOrTx, actor: Actor, person: PersonIdentity): Promise<LegalHold[]> {
  const w = personWhere(person);
  const at = now();
  const [tickets, contacts, guestRequests, registrations, staff] = await Promise.all([
    db.ticket.findMany({ where: { AND: [w.ticket, { status: "OPEN" }] }, select: { number: true }, orderBy: { number: "asc" }, take: 50 }),
    db.contact.findMany({ where: { AND: [w.contact, { status: "OPEN" }] }, select: { number: true }, orderBy: { number: "asc" }, take: 50 }),
    db.guestRequest.findMany({ where: { AND: [w.guestRequest, { status: "CREATED" }] }, select: { number: true }, orderBy: { number: "asc" }, take: 50 }),
    db.registration.findMany({
      where: {
        AND: [
          w.registration,
          { status: { in: ["REGISTERED", "RESERVE"] }, replicatedFromId: null, event: { endsAt: { gt: at }, status: { not: "CANCELLED" } } },
        ],
      },
      select: { event: { select: { id: true, number: true, name: true } } },
      take: 50,
    }),
    db.user.findMany({ where: { AND: [w.user, { active: true, role: { in: ["ADMIN", "STAFF"] } }] }, select: { id: true, name: true } }),
  ]);
  return [
    ...(person.userIds.includes(actor.userId) ? [{ reason: "self" as const, label: actor.name, href: null }] : []),
    ...staff.map((u) => ({ reason: "activeStaff" as const, label: u.name, href: `/admin/users/${u.id}` })),
    ...tickets.map((t) => ({ reason: "openTicket" as const, label: `#${t.number}`, href: `/admin/tickets/${t.number}` })),
    ...contacts.map((c) => ({ reason: "openContact" as const, label: `#${c.number}`, href: `/admin/contacts/${c.number}` })),
    ...guestRequests.map((g) => ({ reason: "pendingGuestRequest" as const, label: `#${g.number}`, href: `/admin/guest-requests/${g.number}` })),
    ...registrations.map((r) => ({
      reason: "upcomingRegistration" as const,
      label: `#${r.event.number} · ${r.event.name}`,
      href: `/admin/events/${r.event.id}`,
    })),
  ];
}

/**
 * Anonymises registrations (and their session copies, which carry the same
 * person): name, e-mail, CPF, answers and private links go; status, source,
 * arrival and attendance stay, so every count still adds up. Their
 * certificates keep the code and are marked revoked for privacy. Returns the
 * storage keys of the certificate PDFs, for the caller to delete after commit.
 * No actor check: the caller decides (erasure, retention).
 */
export async function anonymiseRegistrations(tx: DbOrTx, registrationIds: readonly string[]): Promise<string[]> {
  if (registrationIds.length === 0) return [];
  const ids = [...registrationIds];
  const copies = await tx.registration.findMany({ where: { replicatedFromId: { in: ids } }, select: { id: true } });
  const all = [...new Set([...ids, ...copies.map((c) => c.id)])];
  await tx.registrationLink.deleteMany({ where: { registrationId: { in: all } } });
  // One statement: the unique (event, e-mail) needs a distinct address per row.
  await tx.$executeRaw`
    UPDATE "Registration"
       SET "name" = ${PRIVACY_PLACEHOLDER}, "email" = 'erased-' || "id"::text || ${ERASED_EMAIL_DOMAIN}, "cpf" = NULL,
           "userId" = NULL, "answers" = '[]'::jsonb, "accessTokenHash" = NULL,
           "cancelReason" = CASE WHEN "cancelReason" IS NULL THEN NULL ELSE ${PRIVACY_PLACEHOLDER} END, "updatedAt" = ${now()}
     WHERE "id" = ANY(${all}::uuid[])`;
  const certificates = await tx.certificate.findMany({ where: { registrationId: { in: all } }, select: { storageKey: true } });
  await tx.certificate.updateMany({
    where: { registrationId: { in: all } },
    data: { participantName: PRIVACY_PLACEHOLDER, revokedForPrivacyAt: now() },
  });
  return certificates.map((c) => c.storageKey).filter(Boolean);
}

/**
 * Anonymises guest requests: the requester's details, words and custom
 * answers go, and their private status link stops working; the number, status
 * and the ticket it became stay. Their files are deleted (rows here, objects
 * by the caller after commit, from the returned keys). No actor check.
 */
export async function anonymiseGuestRequests(tx: DbOrTx, requestIds: readonly string[]): Promise<string[]> {
  if (requestIds.length === 0) return [];
  const ids = [...requestIds];
  const files = await tx.storedFile.findMany({ where: { guestRequestFile: { requestId: { in: ids } } }, select: { id: true, storageKey: true } });
  await tx.storedFile.deleteMany({ where: { id: { in: files.map((f) => f.id) } } });
  await tx.$executeRaw`
    UPDATE "GuestRequest"
       SET "requesterName" = NULL, "email" = NULL, "phone" = NULL, "location" = NULL, "asset" = NULL,
           "description" = CASE WHEN "description" IS NULL THEN NULL ELSE ${PRIVACY_PLACEHOLDER} END,
           "customValues" = '[]'::jsonb, "statusTokenHash" = 'erased-' || "id"::text, "updatedAt" = ${now()}
     WHERE "id" = ANY(${ids}::uuid[])`;
  return files.map((f) => f.storageKey);
}

interface ErasureSummary {
  erasureId: string;
  counts: Record<string, number>;
  /** Storage objects the caller deletes after the transaction committed. */
  storageKeys: string[];
}

/** The confirmation must repeat the person's e-mail (or CPF), ignoring case and punctuation. */
function confirms(key: PersonKey, typed: string): boolean {
  const parsed = parsePersonKey(key.kind, typed);
  return parsed !== null && parsed.value === key.value;
}

/**
 * Erases the person named by `key`. The caller passed the confirmation typed
 * by the officer; the holds are checked again inside the transaction.
 */
export async function erasePerson(db: Db, storage: FileStorage, actor: Actor, key: PersonKey, input: { confirm: string }): Promise<ErasureSummary> {
  assertPrivacyOfficer(actor);
  if (!confirms(key, input.confirm)) throw new ValidationError({ confirm: "personData.erase.confirmMismatch" });
  const summary = await db.$transaction(
    async (tx) => {
      const person = await resolvePerson(tx, key);
      const holds = await legalHolds(tx, actor, person);
      if (holds.length > 0) throw new ConflictError("personData.erase.held", { count: holds.length });
      const result = await anonymisePerson(tx, person);
      if (Object.values(result.counts).every((n) => n === 0)) throw new NotFoundError("personData.notFound");
      // The trail names the officer and what was done, never whom: the record
      // of an erasure must not keep what it erased.
      await tx.auditLog.create({
        data: {
          actorId: actor.userId,
          actorName: actor.name,
          action: "person.erase",
          entityType: "Person",
          entityId: result.erasureId,
          data: { by: key.kind, counts: result.counts },
          createdAt: now(),
        },
      });
      return result;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  await deleteObjects(storage, summary.storageKeys);
  return summary;
}

export async function deleteObjects(storage: FileStorage, keys: readonly string[]): Promise<void> {
  for (const key of new Set(keys)) {
    try {
      await storage.delete(key);
    } catch (error) {
      console.error("[privacy] could not delete a stored object; delete it by hand", key, error);
    }
  }
}

async function anonymisePerson(tx: DbOrTx, person: PersonIdentity): Promise<ErasureSummary> {
  const w = personWhere(person);
  const { userIds } = person;

  const [users, customers, contactPersons, registrations, guestRequests, contacts, tickets, files, emails, exports] = await Promise.all([
    tx.user.findMany({ where: w.user, select: { id: true, name: true } }),
    tx.customer.findMany({ where: w.customer, select: { id: true, name: true, kind: true, userId: true } }),
    tx.contactPerson.findMany({ where: w.contactPerson, select: { id: true, name: true } }),
    tx.registration.findMany({ where: w.registration, select: { id: true, name: true } }),
    tx.guestRequest.findMany({ where: w.guestRequest, select: { id: true, requesterName: true, ticketId: true } }),
    tx.contact.findMany({ where: w.contact, select: { id: true, contactName: true } }),
    tx.ticket.findMany({ where: { OR: [w.ticket, { messages: { some: w.ticketMessage } }] }, select: { id: true } }),
    tx.storedFile.findMany({ where: w.file, select: { id: true, storageKey: true } }),
    tx.emailMessage.findMany({ where: w.emailMessage, select: { id: true } }),
    tx.personExport.findMany({ where: { subject: { in: [...person.emails, ...person.cpfs] } }, select: { id: true, storageKey: true } }),
  ]);
  const names = new Set<string>();
  for (const n of [
    ...users.map((u) => u.name),
    ...customers.filter((c) => c.kind !== "COMPANY").map((c) => c.name),
    ...contactPersons.map((c) => c.name),
    ...registrations.map((r) => r.name),
    ...guestRequests.map((g) => g.requesterName),
    ...contacts.map((c) => c.contactName),
  ]) {
    if (n && n.trim().length >= 4 && n !== PRIVACY_PLACEHOLDER) names.add(n.trim());
  }

  const storageKeys: string[] = [];
  // Files first: their attachment rows go with them.
  await tx.storedFile.deleteMany({ where: { id: { in: files.map((f) => f.id) } } });
  storageKeys.push(...files.map((f) => f.storageKey));
  storageKeys.push(
    ...(await anonymiseRegistrations(
      tx,
      registrations.map((r) => r.id),
    )),
  );
  storageKeys.push(
    ...(await anonymiseGuestRequests(
      tx,
      guestRequests.map((g) => g.id),
    )),
  );

  // Contributions keep their place in the conversation, without the person's words or name.
  const ticketMessages = await tx.ticketMessage.updateMany({ where: w.ticketMessage, data: { authorName: PRIVACY_PLACEHOLDER, body: PRIVACY_PLACEHOLDER } });
  const contactMessages = await tx.contactMessage.updateMany({ where: w.contactMessage, data: { authorName: PRIVACY_PLACEHOLDER, body: PRIVACY_PLACEHOLDER } });
  // The workflow history stays whole; only who moved it is no longer named.
  await tx.ticketMovement.updateMany({ where: { actorId: { in: userIds } }, data: { actorName: PRIVACY_PLACEHOLDER } });
  await tx.ticketMovement.updateMany({ where: { clientUserId: { in: userIds } }, data: { clientName: PRIVACY_PLACEHOLDER } });
  await tx.auditLog.updateMany({ where: { actorId: { in: userIds } }, data: { actorName: PRIVACY_PLACEHOLDER } });
  await tx.sensitiveAccess.updateMany({ where: { actorId: { in: userIds } }, data: { actorName: PRIVACY_PLACEHOLDER } });

  await tx.contact.updateMany({ where: { id: { in: contacts.map((c) => c.id) } }, data: { contactName: PRIVACY_PLACEHOLDER, email: ERASED_EMAIL, phone: "" } });
  await tx.contactPerson.updateMany({
    where: { id: { in: contactPersons.map((c) => c.id) } },
    data: { name: PRIVACY_PLACEHOLDER, email: null, phone: null, userId: null },
  });
  // A company stays a company: only the person's address or number is taken off it.
  const own = customers.filter((c) => c.kind !== "COMPANY").map((c) => c.id);
  await tx.customer.updateMany({ where: { id: { in: own } }, data: { name: PRIVACY_PLACEHOLDER, document: null, email: null, phone: null, active: false } });
  await tx.customer.updateMany({ where: { kind: "COMPANY", email: { in: person.emails } }, data: { email: null } });
  await tx.customer.updateMany({ where: { kind: "COMPANY", userId: { in: userIds } }, data: { userId: null } });

  // Mail to the person: the copy and its attachments go; what is still queued is never sent.
  const emailIds = emails.map((e) => e.id);
  await tx.emailAttachment.deleteMany({ where: { emailMessageId: { in: emailIds } } });
  await tx.emailMessage.updateMany({
    where: { id: { in: emailIds } },
    data: { to: ERASED_EMAIL, subject: PRIVACY_PLACEHOLDER, props: Prisma.DbNull, html: null, text: null, lastError: null },
  });
  await tx.emailMessage.updateMany({
    where: { id: { in: emailIds }, status: { in: ["QUEUED", "SENDING"] } },
    data: { status: "FAILED", lastError: PRIVACY_PLACEHOLDER, leaseExpiresAt: null, claimKey: null },
  });

  // Exports not downloaded yet would keep a copy of everything.
  await tx.personExport.updateMany({
    where: { id: { in: exports.map((e) => e.id) } },
    data: { subject: PRIVACY_PLACEHOLDER, storageKey: null, status: "DISCARDED" },
  });
  storageKeys.push(...exports.flatMap((e) => (e.storageKey ? [e.storageKey] : [])));

  // The account: unusable, signed out everywhere, its address freed.
  await tx.passwordResetToken.deleteMany({ where: { userId: { in: userIds } } });
  await tx.staffTeamMember.deleteMany({ where: { userId: { in: userIds } } });
  for (const user of users) {
    await tx.user.update({
      where: { id: user.id },
      data: {
        email: placeholderEmail(user.id),
        name: PRIVACY_PLACEHOLDER,
        cpf: null,
        passwordHash: `!${randomBytes(16).toString("hex")}`,
        active: false,
        sessionVersion: { increment: 1 },
      },
    });
  }
  await eraseAccountExtras(tx, userIds);

  // Whatever still carries the person's address or number, wherever it was
  // copied (audit details, e-mail bodies to others, free text), and their
  // name in free text of the conversations they took part in and in logs.
  const cpfs = person.cpfs.flatMap((c) => [c, formatCpf(c)]);
  await scrubEverywhere(tx, [...person.emails, ...cpfs]);
  await scrubNames(tx, [...names], { ticketIds: tickets.map((t) => t.id), contactIds: contacts.map((c) => c.id) });

  return {
    erasureId: randomUUID(),
    storageKeys,
    counts: {
      users: users.length,
      customers: customers.length,
      contactPersons: contactPersons.length,
      registrations: registrations.length,
      guestRequests: guestRequests.length,
      contacts: contacts.length,
      ticketMessages: ticketMessages.count,
      contactMessages: contactMessages.count,
      files: files.length,
      emails: emails.length,
    },
  };
}

/**
 * Rows that exist only for the account: its sign-in methods (passkeys, the
 * second factor and its recovery codes), sessions with their addresses and
 * browsers, every pending sign-in token and the calendar subscription link.
 * Deleted with it. (Check-in scans stay: they are the attendance history.)
 */
async function eraseAccountExtras(tx: DbOrTx, userIds: string[]): Promise<void> {
  if (userIds.length === 0) return;
  const mine = { userId: { in: userIds } };
  await tx.passkey.deleteMany({ where: mine });
  await tx.webAuthnChallenge.deleteMany({ where: mine });
  await tx.ssoSignInTicket.deleteMany({ where: mine });
  await tx.userSession.deleteMany({ where: mine });
  await tx.totpCredential.deleteMany({ where: mine });
  await tx.recoveryCode.deleteMany({ where: mine });
  await tx.signInChallenge.deleteMany({ where: mine });
  await tx.signInLink.deleteMany({ where: mine });
  await tx.calendarFeed.deleteMany({ where: mine });
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Every text and JSON column of the application's tables. */
async function textColumns(tx: DbOrTx): Promise<Column[]> {
  const rows = await tx.$queryRaw<{ table_name: string; column_name: string; data_type: string }[]>`
    SELECT table_name, column_name, data_type FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name <> '_prisma_migrations'
       AND data_type IN ('text', 'character varying', 'jsonb', 'json')
       AND table_name IN (SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE')`;
  return rows.map((r) => ({ table: r.table_name, column: r.column_name, json: r.data_type === "jsonb" ? "jsonb" : r.data_type === "json" ? "json" : null }));
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** A text column, or a JSON one (searched and rewritten as its text). */
interface Column {
  table: string;
  column: string;
  json: "json" | "jsonb" | null;
}

async function scrubColumn(tx: DbOrTx, c: Column, pattern: string, replacement: string, extraWhere = "", params: unknown[] = []) {
  const col = ident(c.column);
  const text = c.json ? `${col}::text` : col;
  const value = c.json ? `regexp_replace(${text}, $1, $2, 'gi')::${c.json}` : `regexp_replace(${text}, $1, $2, 'gi')`;
  await tx.$executeRawUnsafe(`UPDATE ${ident(c.table)} SET ${col} = ${value} WHERE ${text} ~* $1${extraWhere}`, pattern, replacement, ...params);
}

/** Replaces e-mails and national ids in every text and JSON column (they are distinctive enough to replace blindly). */
async function scrubEverywhere(tx: DbOrTx, needles: string[]): Promise<void> {
  const distinct = [...new Set(needles.filter((n) => n.length >= 5))];
  if (distinct.length === 0) return;
  const pattern = distinct.map(escapeRegex).join("|");
  for (const c of await textColumns(tx)) await scrubColumn(tx, c, pattern, PRIVACY_PLACEHOLDER);
}

/**
 * Names are not unique: another person may share one. They are replaced only
 * where the erased person's name appears as free text around their own
 * records (tickets and contacts they took part in) and in logs and mail
 * copies, never in other people's records.
 */
async function scrubNames(tx: DbOrTx, names: string[], scope: { ticketIds: string[]; contactIds: string[] }): Promise<void> {
  if (names.length === 0) return;
  const pattern = names.map(escapeRegex).join("|");
  const columns: Column[] = [
    { table: "AuditLog", column: "data", json: "jsonb" },
    { table: "EmailMessage", column: "subject", json: null },
    { table: "EmailMessage", column: "props", json: "jsonb" },
    { table: "EmailMessage", column: "html", json: null },
    { table: "EmailMessage", column: "text", json: null },
  ];
  for (const c of columns) await scrubColumn(tx, c, pattern, PRIVACY_PLACEHOLDER);
  if (scope.ticketIds.length) {
    for (const column of ["subject", "description", "understanding", "cancelReason"])
      await scrubColumn(tx, { table: "Ticket", column, json: null }, pattern, PRIVACY_PLACEHOLDER, ` AND "id" = ANY($3::uuid[])`, [scope.ticketIds]);
    await scrubColumn(tx, { table: "TicketMessage", column: "body", json: null }, pattern, PRIVACY_PLACEHOLDER, ` AND "ticketId" = ANY($3::uuid[])`, [
      scope.ticketIds,
    ]);
    await scrubColumn(tx, { table: "TicketMovement", column: "reason", json: null }, pattern, PRIVACY_PLACEHOLDER, ` AND "ticketId" = ANY($3::uuid[])`, [
      scope.ticketIds,
    ]);
    await scrubColumn(tx, { table: "TicketFieldValue", column: "value", json: "jsonb" }, pattern, PRIVACY_PLACEHOLDER, ` AND "ticketId" = ANY($3::uuid[])`, [
      scope.ticketIds,
    ]);
  }
  if (scope.contactIds.length)
    await scrubColumn(tx, { table: "ContactMessage", column: "body", json: null }, pattern, PRIVACY_PLACEHOLDER, ` AND "contactId" = ANY($3::uuid[])`, [
      scope.contactIds,
    ]);
}
