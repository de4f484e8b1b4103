// Check-in at the door: staff scan (or type) a participant's check-in code on
// the event's check-in page, and attendance is recorded exactly as the online
// join link records it (./attendance), so certificates follow.
//
// The page queues scans while the network is away and sends them again when
// it is back, so a scan may arrive twice (a reply lost on the way back). Each
// scan carries an id the page made; the first arrival is kept as a
// CheckInScan row with what it did, and any later arrival of the same id is
// answered from that row without touching the registration: no scan is
// counted twice, and the answer a resend gets is the answer the first got.
import "server-only";
import { assertPortalClient, assertStaff, type Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { isUniqueViolation, isUuid } from "@/lib/db/query-guards";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAttendance } from "./attendance";
import { checkInCode, checkInSecret, matchCheckInTag, parseCheckInCode, prismaSecretStore } from "./check-in-code";
import { canEditEvent } from "./event-rules";
import { isPlausibleToken, registrationByToken } from "./private-links";
import type { CheckInOutcome, CheckInScanData } from "./check-in-schemas";

/** A queued scan may arrive late, but its time is believed only within this window (else the arrival time counts). */
const SCAN_TIME_TRUSTED_MS = 24 * 60 * 60 * 1000;

export interface CheckInEvent {
  id: string;
  number: number;
  name: string;
  timeZone: string;
  startsAt: Date;
  status: "OPEN" | "CONFIRMED" | "CANCELLED";
  mainEvent: { id: string; number: number } | null;
}

/** The event for its check-in page: staff who may change it (admins, or anyone when it has no responsible person). */
export async function checkInEvent(db: Db, actor: Actor, eventId: string): Promise<CheckInEvent> {
  assertStaff(actor);
  const event = isUuid(eventId)
    ? await db.event.findUnique({
        where: { id: eventId },
        select: {
          id: true,
          number: true,
          name: true,
          timeZone: true,
          startsAt: true,
          status: true,
          responsibleId: true,
          mainEvent: { select: { id: true, number: true } },
        },
      })
    : null;
  if (!event) throw new NotFoundError("common.notFound");
  if (!canEditEvent(actor, event)) throw new ForbiddenError("events.errors.onlyResponsible");
  return {
    id: event.id,
    number: event.number,
    name: event.name,
    timeZone: event.timeZone,
    startsAt: event.startsAt,
    status: event.status,
    mainEvent: event.mainEvent,
  };
}

export async function checkIn(db: Db, actor: Actor, eventId: string, scan: CheckInScanData): Promise<CheckInOutcome> {
  const event = await checkInEvent(db, actor, eventId);
  const earlier = await answerFromEarlierScan(db, event.id, scan.scanId);
  if (earlier) return earlier;

  const parsed = parseCheckInCode(scan.code);
  if (!parsed) return { result: "unknownCode" };
  // A session's participants carry their main event's code (registrations are replicated from it).
  const codeEvent = parsed.eventNumber === event.number ? event : parsed.eventNumber === event.mainEvent?.number ? event.mainEvent : null;
  if (!codeEvent) return { result: "otherEvent", eventNumber: parsed.eventNumber };
  const candidates = await db.registration.findMany({ where: { eventId: codeEvent.id }, select: { id: true } });
  const secret = await checkInSecret(prismaSecretStore(db));
  const matched = matchCheckInTag(
    secret,
    parsed.tag,
    candidates.map((c) => c.id),
  );
  if (!matched) return { result: "unknownCode" };
  const registration = await db.registration.findFirst({
    where: codeEvent.id === event.id ? { id: matched } : { eventId: event.id, replicatedFromId: matched },
    select: { id: true, name: true, status: true, hold: true, replicatedFrom: { select: { hold: true } } },
  });
  if (!registration) return { result: "unknownCode" };
  if (event.status === "CANCELLED") return { result: "eventCancelled" };
  if (registration.status !== "REGISTERED") return { result: "notRegistered", name: registration.name, status: registration.status };
  // A public sign-up whose e-mailed link was never clicked holds no seat yet.
  if ((registration.replicatedFrom?.hold ?? registration.hold) === "HELD") return { result: "notConfirmed", name: registration.name };

  const arrived = now();
  const told = scan.scannedAt ? new Date(scan.scannedAt) : null;
  const at = told && told <= arrived && arrived.getTime() - told.getTime() <= SCAN_TIME_TRUSTED_MS ? told : arrived;
  try {
    const recorded = await db.$transaction(async (tx) => {
      const recorded = await recordAttendance(tx, registration.id, at);
      // The scan's id is the key: a second arrival of the same scan fails here and its attendance update is rolled back.
      await tx.checkInScan.create({
        data: { id: scan.scanId, eventId: event.id, registrationId: registration.id, staffId: actor.userId, recorded, scannedAt: at },
        select: { id: true },
      });
      return recorded;
    });
    const current = await db.registration.findUniqueOrThrow({ where: { id: registration.id }, select: { name: true, status: true, attendedAt: true } });
    return {
      result: recorded ? "checkedIn" : "alreadyCheckedIn",
      name: current.name,
      status: current.status,
      attendedAt: (current.attendedAt ?? at).toISOString(),
    };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // The same scan arriving twice at once: the other arrival won; answer as it did.
    const answer = await answerFromEarlierScan(db, event.id, scan.scanId);
    if (!answer) throw error;
    return answer;
  }
}

async function answerFromEarlierScan(db: Db, eventId: string, scanId: string): Promise<CheckInOutcome | null> {
  const earlier = await db.checkInScan.findUnique({
    where: { id: scanId },
    select: { eventId: true, recorded: true, scannedAt: true, registration: { select: { name: true, status: true, attendedAt: true } } },
  });
  if (!earlier) return null;
  // Scan ids are random per scan: one from another event is a page's mistake, not a resend.
  if (earlier.eventId !== eventId) throw new ConflictError("events.checkIn.scanIdTaken");
  const { registration } = earlier;
  return {
    result: earlier.recorded ? "checkedIn" : "alreadyCheckedIn",
    name: registration.name,
    status: registration.status,
    attendedAt: (registration.attendedAt ?? earlier.scannedAt).toISOString(),
  };
}

/** Not a public sign-up still waiting for its confirmation click (on a session: its main registration's). */
const seatConfirmed = {
  AND: [
    { OR: [{ hold: null }, { hold: { not: "HELD" } }] },
    { OR: [{ replicatedFromId: null }, { replicatedFrom: { OR: [{ hold: null }, { hold: { not: "HELD" } }] } }] },
  ],
} satisfies Prisma.RegistrationWhereInput;

export interface CheckInListRow {
  id: string;
  name: string;
  email: string;
  code: string;
  attendedAt: Date | null;
}

/**
 * The printable list for staff at the door: every registered participant with
 * their code, by name. An event's participants are bounded by its seats, so
 * the list is whole (it is printed), as the CSV export is.
 */
export async function checkInList(db: Db, actor: Actor, eventId: string): Promise<{ event: CheckInEvent; rows: CheckInListRow[] }> {
  const event = await checkInEvent(db, actor, eventId);
  const [registrations, secret] = await Promise.all([
    db.registration.findMany({
      where: { eventId: event.id, status: "REGISTERED", ...seatConfirmed },
      select: { id: true, name: true, email: true, attendedAt: true, replicatedFromId: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
    }),
    checkInSecret(prismaSecretStore(db)),
  ]);
  // A session's participant shows the code they hold: their main-event registration's.
  const codeEventNumber = event.mainEvent?.number ?? event.number;
  return {
    event,
    rows: registrations.map((r) => ({
      id: r.id,
      name: r.name,
      email: r.email,
      attendedAt: r.attendedAt,
      code: checkInCode(secret, codeEventNumber, r.replicatedFromId ?? r.id),
    })),
  };
}

/**
 * The code a registrant shows at the door, for their own registration: null
 * unless it holds a seat. A session's registration shows its main event's
 * code, the one the person holds for every session.
 */
async function codeOf(db: Db, where: Prisma.RegistrationWhereInput): Promise<string | null> {
  const registration = await db.registration.findFirst({
    where: { AND: [where, { status: "REGISTERED" }, seatConfirmed] },
    select: { id: true, replicatedFromId: true, event: { select: { number: true, mainEvent: { select: { number: true } } } } },
  });
  if (!registration) return null;
  const secret = await checkInSecret(prismaSecretStore(db));
  return checkInCode(secret, registration.event.mainEvent?.number ?? registration.event.number, registration.replicatedFromId ?? registration.id);
}

/** The portal user's own registration's code. */
export async function myCheckInCode(db: Db, actor: Actor, registrationId: string): Promise<string | null> {
  assertPortalClient(actor);
  if (!isUuid(registrationId)) return null;
  return codeOf(db, { id: registrationId, userId: actor.userId });
}

/** The code of the registration a private link opens. */
export async function checkInCodeByToken(db: Db, token: string): Promise<string | null> {
  if (!isPlausibleToken(token)) return null;
  return codeOf(db, registrationByToken(token));
}
