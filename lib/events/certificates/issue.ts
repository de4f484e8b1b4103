// Automatic certificates, issued by the daily job:
// registered participants with recorded attendance of events that ended, were
// not cancelled and have a certificate template, within 15 days after the end.
// An event with sessions certifies attendance at its share of the sessions
// instead (./session-attendance.ts).
// With a CPF (the portal user's, else the registration's) the PDF is stored and
// e-mailed with the Certificate row in one transaction; without one the
// participant is asked for it once. Nothing is issued twice: the registration
// row is locked and re-checked, and Certificate.registrationId is unique.
// An installation that asks for no national id (setting "none") issues
// without one and asks nobody; with "other" the number is printed as typed.
// No "server-only" marker: the standalone worker (tsx lib/jobs/worker-main.ts) imports this.
import { randomBytes } from "node:crypto";
import { appUrl } from "@/lib/app-url";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/query-guards";
import { enqueueEmail } from "@/lib/email/outbox";
import type { Prisma } from "@/lib/generated/prisma/client";
import { personNationalId } from "@/lib/account/cpf";
import { ERASED_EMAIL_DOMAIN } from "@/lib/privacy/placeholder";
import { getNationalIdSetting } from "@/lib/settings/national-id";
import { formatNationalId } from "@/lib/settings/national-id-schema";
import { newStorageKey, type FileStorage } from "@/lib/storage";
import { issuePrivateLink, privateRegistrationUrl } from "../private-links";
import { verificationUrl } from "./content";
import { attendedSessionHours, registrationsMeetingSessionShare } from "./session-attendance";
import { renderCertificatePdf } from "./pdf";
import { certificateLayout } from "./layout";

export const CERTIFICATE_WINDOW_DAYS = 15;
const DAY_MS = 86_400_000;
const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // base32 without look-alikes (0/O, 1/I)

/** 10 characters of a 32-letter alphabet from the CSPRNG: 50 bits, unguessable. */
function newCertificateCode(): string {
  const bytes = randomBytes(10);
  return Array.from(bytes, (b) => CODE_ALPHABET[b & 31]).join("");
}

/**
 * The same for main events with sessions, whose share of sessions attended and
 * window were checked by `registrationsMeetingSessionShare` (the ids).
 */
function sessionPendingWhere(at: Date, ids: string[]): Prisma.RegistrationWhereInput {
  return { ...pendingWhere(at, {}), attendedAt: undefined, event: { status: { not: "CANCELLED" }, certificateTemplateId: { not: null } }, id: { in: ids } };
}

/** The registrations that should get a certificate now (or a CPF request). */
function pendingWhere(at: Date, scope: { userId?: string; registrationId?: string; eventId?: string }): Prisma.RegistrationWhereInput {
  return {
    status: "REGISTERED",
    attendedAt: { not: null },
    certificate: { is: null },
    // An erased participant is certified nowhere any more.
    NOT: { email: { endsWith: ERASED_EMAIL_DOMAIN } },
    event: {
      status: { not: "CANCELLED" },
      certificateTemplateId: { not: null },
      endsAt: { lte: at, gte: new Date(at.getTime() - CERTIFICATE_WINDOW_DAYS * DAY_MS) },
      // Sessions count toward their main event's certificate (./session-attendance.ts), which has its own rule.
      mainEventId: null,
      secondaryEvents: { none: { status: { not: "CANCELLED" } } },
    },
    ...(scope.userId ? { userId: scope.userId } : {}),
    ...(scope.registrationId ? { id: scope.registrationId } : {}),
    ...(scope.eventId ? { eventId: scope.eventId } : {}),
  };
}

const candidateSelect = {
  id: true,
  name: true,
  email: true,
  cpf: true,
  locale: true,
  userId: true,
  cpfRequestedAt: true,
  replicatedFromId: true,
  eventId: true,
  user: { select: { cpf: true } },
  event: {
    select: {
      number: true,
      slug: true,
      name: true,
      startsAt: true,
      endsAt: true,
      timeZone: true,
      workloadHours: true,
      publicRegistration: true,
      certificateTemplate: { select: { title: true, body: true, signerName: true, signerRole: true, logoFileId: true } },
    },
  },
} satisfies Prisma.RegistrationSelect;
/** `sessions`: a main event's registration judged by its share of sessions attended. */
type Candidate = Prisma.RegistrationGetPayload<{ select: typeof candidateSelect }> & { sessions: boolean };

export interface IssueResult {
  /** Certificate ids issued by this run. */
  issued: string[];
  /** Registrations asked for a CPF by this run. */
  cpfRequested: string[];
  /** Outbox rows written; hand them to notifyOutbox. */
  emailIds: string[];
}

export interface IssueOptions {
  storage: FileStorage;
  /** Only this portal user's registrations (after they add a CPF). */
  userId?: string;
  /** Only this registration (a public registrant adding a CPF). */
  registrationId?: string;
  /** Only this event's registrations (staff issuing now instead of waiting for the job). */
  eventId?: string;
  /** At most this many registrations per run (default 500; the next run takes the rest). */
  limit?: number;
}

export async function issueCertificates(db: Db, options: IssueOptions): Promise<IssueResult> {
  const at = now();
  const result: IssueResult = { issued: [], cpfRequested: [], emailIds: [] };
  const limit = options.limit ?? 500;
  const ordinary = await db.registration.findMany({
    where: pendingWhere(at, options),
    select: candidateSelect,
    orderBy: { registeredAt: "asc" },
    take: limit,
  });
  const sessionIds = await registrationsMeetingSessionShare(db, at, CERTIFICATE_WINDOW_DAYS, options, limit);
  const withSessions = sessionIds.length
    ? await db.registration.findMany({ where: sessionPendingWhere(at, sessionIds), select: candidateSelect, orderBy: { registeredAt: "asc" } })
    : [];
  const candidates = [...ordinary.map((c) => ({ ...c, sessions: false })), ...withSessions.map((c) => ({ ...c, sessions: true }))];
  const failures: unknown[] = [];
  const setting = candidates.length ? await getNationalIdSetting(db) : null;
  for (const candidate of candidates) {
    const cpf = personNationalId(candidate);
    try {
      if (setting?.mode === "none") await issueOne(db, options.storage, candidate, "", at, result);
      else if (cpf && setting) await issueOne(db, options.storage, candidate, formatNationalId(setting, cpf), at, result);
      else if (!candidate.cpfRequestedAt && setting) await requestCpf(db, candidate, setting.mode === "other" ? setting.label : "CPF", at, result);
    } catch (error) {
      // One bad registration (say, a broken logo) must not hold back the others.
      console.error(`[certificates] registration ${candidate.id} failed`, error);
      failures.push(error);
    }
  }
  // Failing the run makes the job retry; what was issued is skipped next time.
  if (failures.length) throw new AggregateError(failures, `${failures.length} certificate(s) could not be issued`);
  return result;
}

/** Locks the registration and re-checks it is still pending (another run may have issued it meanwhile). */
async function claim(tx: Prisma.TransactionClient, candidate: Candidate, at: Date): Promise<boolean> {
  const registrationId = candidate.id;
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Registration" WHERE id = ${registrationId}::uuid FOR UPDATE`;
  if (rows.length === 0) return false;
  if (!candidate.sessions) return (await tx.registration.count({ where: { ...pendingWhere(at, {}), id: registrationId } })) === 1;
  const meets = await registrationsMeetingSessionShare(tx, at, CERTIFICATE_WINDOW_DAYS, { registrationId }, 1);
  return meets.length === 1 && (await tx.registration.count({ where: sessionPendingWhere(at, meets) })) === 1;
}

/** `cpf`: the national id as printed (formatted; empty when the installation asks for none). */
async function issueOne(db: Db, storage: FileStorage, candidate: Candidate, cpf: string, at: Date, result: IssueResult): Promise<void> {
  const { event } = candidate;
  const template = event.certificateTemplate!;
  const code = newCertificateCode();
  // With sessions, the hours of the sessions attended; else the event's workload.
  const sessionHours = candidate.sessions ? await attendedSessionHours(db, candidate.id, candidate.eventId) : null;
  const hours = sessionHours ?? (event.workloadHours === null ? null : Number(event.workloadHours));
  const facts = {
    participantName: candidate.name,
    cpf,
    eventName: event.name,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    timeZone: event.timeZone,
    hours,
    code,
    locale: candidate.locale,
  };
  const pdf = await renderCertificatePdf(await certificateLayout(db, storage, template), facts);
  // The file goes first: a committed Certificate always has its PDF. A failed
  // transaction removes it again, so no orphan is left behind.
  const storageKey = `certificates/${newStorageKey(at)}`;
  await storage.put(storageKey, pdf, "application/pdf");
  try {
    const done = await db.$transaction(async (tx) => {
      if (!(await claim(tx, candidate, at))) return null;
      const certificate = await tx.certificate.create({
        data: {
          registrationId: candidate.id,
          code,
          participantName: candidate.name,
          eventName: event.name,
          eventStartsAt: event.startsAt,
          eventEndsAt: event.endsAt,
          eventTimeZone: event.timeZone,
          hours,
          storageKey,
          issuedAt: at,
        },
        select: { id: true },
      });
      const emailId = await enqueueEmail(tx, {
        to: candidate.email,
        locale: candidate.locale,
        timeZone: event.timeZone,
        template: "certificateIssued",
        props: {
          name: candidate.name,
          eventName: event.name,
          code,
          verifyUrl: verificationUrl(code),
          portalUrl: candidate.userId ? appUrl(`/portal/events/${event.number}`) : null,
        },
        attachments: [{ fileName: certificateFileName(event.number, code), contentType: "application/pdf", content: pdf }],
      });
      return { certificateId: certificate.id, emailId };
    });
    if (!done) {
      await storage.delete(storageKey);
      return;
    }
    result.issued.push(done.certificateId);
    result.emailIds.push(done.emailId);
  } catch (error) {
    await storage.delete(storageKey).catch(() => {});
    if (isUniqueViolation(error)) return; // a concurrent run issued it (or the code collided: the next run retries)
    throw error;
  }
}

async function requestCpf(db: Db, candidate: Candidate, label: string, at: Date, result: IssueResult): Promise<void> {
  const { event } = candidate;
  const emailId = await db.$transaction(async (tx) => {
    // The conditional update is the claim: of concurrent runs only one asks.
    const { count } = await tx.registration.updateMany({ where: { id: candidate.id, cpfRequestedAt: null, cpf: null }, data: { cpfRequestedAt: at } });
    if (count === 0) return null;
    // A public registrant gets a private link of their own (only hashes are
    // stored, so the confirmation's link cannot be repeated; it stays valid).
    // A session's copy is reached through the main event's page instead.
    const privateUrl =
      !candidate.userId && event.publicRegistration && !candidate.replicatedFromId
        ? privateRegistrationUrl(event.slug, await issuePrivateLink(tx, candidate.id))
        : null;
    return enqueueEmail(tx, {
      to: candidate.email,
      locale: candidate.locale,
      timeZone: event.timeZone,
      template: "certificateCpfRequest",
      props: {
        name: candidate.name,
        eventName: event.name,
        deadline: new Date(event.endsAt.getTime() + CERTIFICATE_WINDOW_DAYS * DAY_MS),
        portal: Boolean(candidate.userId),
        actionUrl: candidate.userId
          ? appUrl("/portal/profile")
          : (privateUrl ?? (event.publicRegistration ? appUrl(`/e/${encodeURIComponent(event.slug)}`) : null)),
        privateLink: Boolean(privateUrl),
        label,
      },
    });
  });
  if (!emailId) return;
  result.cpfRequested.push(candidate.id);
  result.emailIds.push(emailId);
}

export function certificateFileName(eventNumber: number, code: string): string {
  return `certificate-${eventNumber}-${code}.pdf`;
}
