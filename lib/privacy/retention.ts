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

function technicalDeletes(db: DbOrTx, cutoff: Date, count: boolean) {
  const lt = { lt: cutoff };
  // A session is over once it ended or expired; the period counts from then.
  const over = (before: { lt: Date }) => ({ OR: [{ endedAt: before }, { expiresAt: before }] });
  return count
    ? [
        db.rateLimitBucket.count({ where: { windowStart: lt } }),
        db.passwordResetToken.count({ where: { createdAt: lt } }),
        db.webAuthnChallenge.count({ where: { createdAt: lt } }),
        db.ssoSignInTicket.count({ where: { createdAt: lt } }),
        db.userSession.count({ where: over(lt) }),
      ]
    : [
        db.rateLimitBucket.deleteMany({ where: { windowStart: lt } }).then((r) => r.count),
        db.passwordResetToken.deleteMany({ where: { createdAt: lt } }).then((r) => r.count),
        db.webAuthnChallenge.deleteMany({ where: { createdAt: lt } }).then((r) => r.count),
        db.ssoSignInTicket.deleteMany({ where: { createdAt: lt } }).then((r) => r.count),
        db.userSession.deleteMany({ where: over(lt) }).then((r) => r.count),
      ];
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
    Promise.all(technicalDeletes(db, cutoffs.technical, true)).then((counts) => counts.reduce((a, b) => a + b, 0)),
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
  counts.technical = (await Promise.all(technicalDeletes(db, cutoffs.technical, false))).reduce((a, b) => a + b, 0);
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
