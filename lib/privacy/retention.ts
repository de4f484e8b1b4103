// Retention: each kind of record is kept for the period an admin set
// (lib/privacy/retention-schema.ts), then anonymised or deleted. The report
// counts what the periods reach today and changes nothing; applying runs in
// small transactions, so a long backlog never holds locks for long. The daily
// maintenance job applies the periods only once an admin has turned that on,
// after reading the report.
//
// - public registrations of events that ended more than the period ago:
//   anonymised the way an erasure does it (counts and attendance stay);
// - guest requests submitted more than the period ago, once triaged:
//   anonymised, their files deleted;
// - the sent copy of e-mails (body, props, attachments) older than the period:
//   cleared; the row stays for delivery statistics;
// - technical rows older than the period (rate-limit counters, password-reset
//   tokens, passkey challenges, single sign-on tickets, and sign-in sessions
//   that ended or expired, which hold the IP address and device): deleted.
// Audit entries and the access log are not technical rows: they are the trail
// of who did what and are kept.
import { assertAdmin, type Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import type { Db, DbOrTx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { getSetting, setSetting } from "@/lib/settings/general";
import type { FileStorage } from "@/lib/storage";
import { anonymiseGuestRequests, anonymiseRegistrations, deleteObjects } from "./erase";
import { ERASED_EMAIL_DOMAIN } from "./placeholder";
import { DEFAULT_RETENTION, RETENTION_KINDS, retentionSchema, type RetentionInput, type RetentionKind, type RetentionSettings } from "./retention-schema";

/** Records anonymised or cleared per transaction. */
const BATCH = 200;

async function getRetentionSettings(db: DbOrTx): Promise<RetentionSettings> {
  return (await getSetting(db, "privacy.retention")) ?? DEFAULT_RETENTION;
}

export async function saveRetentionSettings(db: DbOrTx, actor: Actor, input: RetentionInput): Promise<void> {
  assertAdmin(actor);
  await setSetting(db, "privacy.retention", retentionSchema.parse(input));
}

type Cutoffs = Record<RetentionKind, Date>;

function monthsBefore(at: Date, months: number): Date {
  const date = new Date(at);
  date.setUTCMonth(date.getUTCMonth() - months);
  return date;
}

function retentionCutoffs(settings: RetentionSettings, at: Date = now()): Cutoffs {
  const day = 86_400_000;
  return {
    registrations: monthsBefore(at, settings.registrationsMonths),
    guestRequests: monthsBefore(at, settings.guestRequestsMonths),
    emailBodies: new Date(at.getTime() - settings.emailBodiesDays * day),
    technical: new Date(at.getTime() - settings.technicalDays * day),
  };
}

// Copies of a registration in the event's sessions go with it (anonymiseRegistrations).
const registrationsWhere = (cutoff: Date): Prisma.RegistrationWhereInput => ({
  source: "PUBLIC",
  replicatedFromId: null,
  event: { endsAt: { lt: cutoff } },
  NOT: { email: { endsWith: ERASED_EMAIL_DOMAIN } },
});

// A request still waiting for triage is work in progress, whatever its age.
const guestRequestsWhere = (cutoff: Date): Prisma.GuestRequestWhereInput => ({
  createdAt: { lt: cutoff },
  status: { not: "CREATED" },
  NOT: { statusTokenHash: { startsWith: "erased-" } },
});

// Mail still to be sent keeps what it needs; only delivered or given-up copies are cleared.
const emailBodiesWhere = (cutoff: Date): Prisma.EmailMessageWhereInput => ({
  status: { in: ["SENT", "FAILED"] },
  createdAt: { lt: cutoff },
  OR: [{ html: { not: null } }, { text: { not: null } }, { props: { not: Prisma.DbNull } }, { attachments: { some: {} } }],
});

/** Technical rows past the cutoff, per table. A session is over once it ended or expired; the period counts from then. */
function technicalWhere(cutoff: Date) {
  const lt = { lt: cutoff };
  return {
    rateLimitBuckets: { windowStart: lt },
    resetTokens: { createdAt: lt },
    passkeyChallenges: { createdAt: lt },
    ssoTickets: { createdAt: lt },
    sessions: { OR: [{ endedAt: lt }, { expiresAt: lt }] },
  } satisfies Record<string, object>;
}

function countTechnical(db: DbOrTx, cutoff: Date): Promise<number> {
  const w = technicalWhere(cutoff);
  return Promise.all([
    db.rateLimitBucket.count({ where: w.rateLimitBuckets }),
    db.passwordResetToken.count({ where: w.resetTokens }),
    db.webAuthnChallenge.count({ where: w.passkeyChallenges }),
    db.ssoSignInTicket.count({ where: w.ssoTickets }),
    db.userSession.count({ where: w.sessions }),
  ]).then((counts) => counts.reduce((a, b) => a + b, 0));
}

/** Plain deletes are cheap per row, so their batches are larger than the anonymising ones. */
const DELETE_BATCH = 5_000;

/**
 * Deletes what `next` finds, a batch per statement, so a long backlog never
 * holds its locks for long. Each batch starts after the last key of the one
 * before (in key order), so no batch scans again past the rows already deleted.
 */
async function deleteInBatches(
  next: (take: number, after: string | undefined) => Promise<string[]>,
  remove: (keys: string[]) => Promise<unknown>,
): Promise<number> {
  let deleted = 0;
  let after: string | undefined;
  for (;;) {
    const keys = await next(DELETE_BATCH, after);
    if (keys.length === 0) return deleted;
    await remove(keys);
    deleted += keys.length;
    after = keys.at(-1);
  }
}

async function deleteTechnical(db: Db, cutoff: Date): Promise<number> {
  const w = technicalWhere(cutoff);
  const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
  const counts = await Promise.all([
    deleteInBatches(
      (take, after) =>
        db.rateLimitBucket
          .findMany({ where: { ...w.rateLimitBuckets, key: { gt: after } }, select: { key: true }, orderBy: { key: "asc" }, take })
          .then((rows) => rows.map((r) => r.key)),
      (keys) => db.rateLimitBucket.deleteMany({ where: { key: { in: keys } } }),
    ),
    deleteInBatches(
      (take, after) =>
        db.passwordResetToken.findMany({ where: { ...w.resetTokens, id: { gt: after } }, select: { id: true }, orderBy: { id: "asc" }, take }).then(ids),
      (batch) => db.passwordResetToken.deleteMany({ where: { id: { in: batch } } }),
    ),
    deleteInBatches(
      (take, after) =>
        db.webAuthnChallenge.findMany({ where: { ...w.passkeyChallenges, id: { gt: after } }, select: { id: true }, orderBy: { id: "asc" }, take }).then(ids),
      (batch) => db.webAuthnChallenge.deleteMany({ where: { id: { in: batch } } }),
    ),
    deleteInBatches(
      (take, after) =>
        db.ssoSignInTicket.findMany({ where: { ...w.ssoTickets, id: { gt: after } }, select: { id: true }, orderBy: { id: "asc" }, take }).then(ids),
      (batch) => db.ssoSignInTicket.deleteMany({ where: { id: { in: batch } } }),
    ),
    deleteInBatches(
      (take, after) => db.userSession.findMany({ where: { ...w.sessions, id: { gt: after } }, select: { id: true }, orderBy: { id: "asc" }, take }).then(ids),
      (batch) => db.userSession.deleteMany({ where: { id: { in: batch } } }),
    ),
  ]);
  return counts.reduce((a, b) => a + b, 0);
}

interface RetentionReportRow {
  kind: RetentionKind;
  /** Records this kind reaches: created (or ended) before this instant. */
  cutoff: Date;
  count: number;
}

export interface RetentionReport {
  settings: RetentionSettings;
  rows: RetentionReportRow[];
}

/** The dry run: what applying the periods now would anonymise, clear or delete. Changes nothing. */
export async function retentionReport(db: DbOrTx, actor: Actor): Promise<RetentionReport> {
  assertAdmin(actor);
  const settings = await getRetentionSettings(db);
  const cutoffs = retentionCutoffs(settings);
  const [registrations, guestRequests, emailBodies, technical] = await Promise.all([
    db.registration.count({ where: registrationsWhere(cutoffs.registrations) }),
    db.guestRequest.count({ where: guestRequestsWhere(cutoffs.guestRequests) }),
    db.emailMessage.count({ where: emailBodiesWhere(cutoffs.emailBodies) }),
    countTechnical(db, cutoffs.technical),
  ]);
  const counts: Record<RetentionKind, number> = { registrations, guestRequests, emailBodies, technical };
  return { settings, rows: RETENTION_KINDS.map((kind) => ({ kind, cutoff: cutoffs[kind], count: counts[kind] })) };
}

export type RetentionCounts = Record<RetentionKind, number>;

/** Applies the periods; returns how many records of each kind were anonymised, cleared or deleted. */
async function applyRetention(db: Db, storage: FileStorage, settings: RetentionSettings): Promise<RetentionCounts> {
  const cutoffs = retentionCutoffs(settings);
  const counts: RetentionCounts = { registrations: 0, guestRequests: 0, emailBodies: 0, technical: 0 };

  for (;;) {
    const keys = await db.$transaction(async (tx) => {
      const ids = (await tx.registration.findMany({ where: registrationsWhere(cutoffs.registrations), select: { id: true }, take: BATCH })).map((r) => r.id);
      counts.registrations += ids.length;
      return ids.length ? await anonymiseRegistrations(tx, ids) : null;
    });
    if (keys === null) break;
    await deleteObjects(storage, keys);
  }
  for (;;) {
    const keys = await db.$transaction(async (tx) => {
      const ids = (await tx.guestRequest.findMany({ where: guestRequestsWhere(cutoffs.guestRequests), select: { id: true }, take: BATCH })).map((r) => r.id);
      counts.guestRequests += ids.length;
      return ids.length ? await anonymiseGuestRequests(tx, ids) : null;
    });
    if (keys === null) break;
    await deleteObjects(storage, keys);
  }
  for (;;) {
    const cleared = await db.$transaction(async (tx) => {
      const ids = (await tx.emailMessage.findMany({ where: emailBodiesWhere(cutoffs.emailBodies), select: { id: true }, take: BATCH })).map((m) => m.id);
      if (ids.length === 0) return 0;
      await tx.emailAttachment.deleteMany({ where: { emailMessageId: { in: ids } } });
      await tx.emailMessage.updateMany({ where: { id: { in: ids } }, data: { html: null, text: null, props: Prisma.DbNull } });
      return ids.length;
    });
    if (cleared === 0) break;
    counts.emailBodies += cleared;
  }
  counts.technical = await deleteTechnical(db, cutoffs.technical);
  return counts;
}

async function audit(db: DbOrTx, actor: Actor | null, trigger: "manual" | "schedule", counts: RetentionCounts): Promise<void> {
  await db.auditLog.create({
    data: {
      actorId: actor?.userId ?? null,
      actorName: actor?.name ?? "",
      action: "privacy.retention",
      entityType: "Retention",
      entityId: trigger,
      data: { trigger, counts },
      createdAt: now(),
    },
  });
}

/** An admin's explicit "apply now", after the report. */
export async function applyRetentionNow(db: Db, storage: FileStorage, actor: Actor): Promise<RetentionCounts> {
  assertAdmin(actor);
  const counts = await applyRetention(db, storage, await getRetentionSettings(db));
  await audit(db, actor, "manual", counts);
  return counts;
}

/** The daily job: applies the periods when an admin turned that on; null otherwise. */
export async function runScheduledRetention(db: Db, storage: FileStorage): Promise<RetentionCounts | null> {
  const settings = await getRetentionSettings(db);
  if (!settings.automatic) return null;
  const counts = await applyRetention(db, storage, settings);
  await audit(db, null, "schedule", counts);
  return counts;
}

export interface RetentionRun {
  id: string;
  at: Date;
  actorName: string;
  trigger: "manual" | "schedule";
  counts: Partial<RetentionCounts>;
}

/** The last runs, newest first (admins only). */
export async function recentRetentionRuns(db: DbOrTx, actor: Actor, take = 10): Promise<RetentionRun[]> {
  assertAdmin(actor);
  const rows = await db.auditLog.findMany({
    where: { entityType: "Retention", entityId: { in: ["manual", "schedule"] } },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, createdAt: true, actorName: true, data: true },
  });
  return rows.map((r) => {
    const data = (r.data ?? {}) as { trigger?: string; counts?: Partial<RetentionCounts> };
    return { id: r.id, at: r.createdAt, actorName: r.actorName, trigger: data.trigger === "schedule" ? "schedule" : "manual", counts: data.counts ?? {} };
  });
}
