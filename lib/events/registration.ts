// Registering for an event, from the portal, the public page or by staff. THE
// invariant: no overbooking. Every decision reads the counters under the event
// row lock (seat-lock.ts) and writes them in the same transaction, with the
// registration, its replicas in secondary events and its confirmation e-mail.
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { isPortalClient, isStaff } from "@/lib/auth/actor";
import { canEditEvent } from "./event-rules";
import { normalizeEmail } from "@/lib/auth/normalize-email";
import { now } from "@/lib/clock";
import type { Db, DbOrTx } from "@/lib/db";
import { assertRecipient, enqueueEmail } from "@/lib/email/outbox";
import { stringifyProps } from "@/lib/email/props";
import { renderSubject } from "@/lib/email/render";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { defaultLocale, isLocale } from "@/lib/i18n/config";
import type { Consent } from "@/lib/privacy/notice";
import { getNationalIdSetting, optionalNationalId } from "@/lib/settings/national-id";
import { eventCalendarAttachment } from "./event-calendar-file";
import { fillFreeSeats, openOfferCount } from "./promotion";
import { assertValidAnswers, parseQuestions } from "./questionnaire";
import { registrationByToken } from "./private-links";
import { mirrorToSecondaries } from "./replication";
import type { AnswersInput } from "./schemas";
import {
  eventRowForEmail,
  eventEmailDetails,
  publicEventRowForEmail,
  claimSeat,
  newAccessToken,
  privateRegistrationUrl,
  reservePosition,
  SEAT_TRANSACTION,
  writeCounters,
  type Counters,
  type LockedEvent,
} from "./seat-lock";

export { cancelRegistration } from "./cancellation";

/** The audit log's action for a participant staff seated past the event's seats. */
export const BEYOND_SEAT_LIMIT_ACTION = "event.registerBeyondSeatLimit";
export { reservePosition } from "./seat-lock";

export type Registrant =
  | { source: "PORTAL"; actor: Actor }
  | {
      source: "PUBLIC";
      name: string;
      email: string;
      cpf?: string | null;
      locale: string;
      /** The privacy notice accepted and the news consent (lib/privacy/notice.ts consentFor). */
      consent?: Consent;
    }
  | {
      source: "STAFF";
      actor: Actor;
      name: string;
      email: string;
      userId?: string | null;
      cpf?: string | null;
      locale?: string;
      /** A walk-in at a full event gets a seat past `seats` (staff who may edit the event only; audited). */
      beyondSeatLimit?: boolean;
    };

export interface RegistrationResult {
  registrationId: string;
  status: "REGISTERED" | "RESERVE";
  reservePosition?: number;
  /** Set when staff seated the participant beyond the seat limit. */
  beyondSeatLimit?: boolean;
  /** PUBLIC only: the raw private-link token, returned this once (only its hash is stored). */
  accessToken?: string;
  /**
   * Set when the place is held until the registrant confirms by the e-mailed
   * link: the browser then must not be handed the private link (the click in
   * the e-mail is the proof that the address is real).
   */
  holdExpiresAt?: Date;
  /** Outbox rows written; hand them to notifyOutbox after the call returns. */
  emailIds: string[];
}

interface Person {
  userId: string | null;
  name: string;
  email: string;
  cpf: string | null;
  locale: string;
}

/** A national id typed at sign-up, checked against the installation's setting (refused when it asks for none). */
async function typedNationalId(tx: DbOrTx, cpf: string | null | undefined): Promise<string | null> {
  if (!cpf?.trim()) return null;
  return optionalNationalId(await getNationalIdSetting(tx), cpf, "cpf", "events.errors.invalidCpf");
}

/**
 * A portal user's national id lives on the user alone (one per person): staff
 * typing one for a client who has none stores it there; one that differs from
 * what the client keeps is refused (the client changes it on their profile).
 */
async function userNationalId(tx: DbOrTx, user: { id: string; cpf: string | null }, typed: string | null): Promise<void> {
  if (!typed || typed === user.cpf) return;
  if (user.cpf) throw new ValidationError({ cpf: "events.errors.cpfOnProfile" });
  const holder = await tx.user.findFirst({ where: { cpf: typed, id: { not: user.id } }, select: { id: true } });
  if (holder) throw new ValidationError({ cpf: "events.errors.cpfTaken" });
  await tx.user.updateMany({ where: { id: user.id, cpf: null }, data: { cpf: typed } });
}

async function personOf(tx: DbOrTx, registrant: Registrant): Promise<Person> {
  if (registrant.source === "PUBLIC") {
    return {
      userId: null,
      name: registrant.name.trim(),
      email: normalizeEmail(registrant.email),
      cpf: await typedNationalId(tx, registrant.cpf),
      locale: registrant.locale,
    };
  }
  const userId = registrant.source === "PORTAL" ? registrant.actor.userId : registrant.userId;
  const user = userId ? await tx.user.findUnique({ where: { id: userId }, select: { id: true, name: true, email: true, cpf: true, locale: true } }) : null;
  if (userId && !user) throw new NotFoundError("errors.notFoundBody");
  if (registrant.source === "PORTAL") return { userId: user!.id, name: user!.name, email: normalizeEmail(user!.email), cpf: null, locale: user!.locale };
  const typed = await typedNationalId(tx, registrant.cpf);
  if (user) await userNationalId(tx, user, typed);
  return {
    userId: user?.id ?? null,
    name: registrant.name.trim(),
    email: normalizeEmail(registrant.email),
    // A client's registration reads the client's own national id (personNationalId).
    cpf: user ? null : typed,
    locale: registrant.locale ?? user?.locale ?? defaultLocale,
  };
}

function assertMayRegister(registrant: Registrant): void {
  if (registrant.source === "STAFF" && !isStaff(registrant.actor)) throw new ForbiddenError("errors.forbiddenBody");
  if (registrant.source === "PORTAL" && !isPortalClient(registrant.actor)) throw new ForbiddenError("errors.forbiddenBody");
}

/** The rules that close an event to this kind of registrant (checked under the lock). */
function assertOpenFor(event: LockedEvent | null, registrant: Registrant): asserts event is LockedEvent {
  // Events a registrant may not see are "not found", so their existence does not leak.
  if (!event) throw new NotFoundError("events.errors.notFound");
  if (registrant.source === "PORTAL" && !event.visibleInPortal) throw new NotFoundError("events.errors.notFound");
  if (registrant.source === "PUBLIC" && !event.publicRegistration) throw new NotFoundError("events.errors.notFound");
  if (event.mainEventId) throw new ConflictError("events.errors.registerInMainEvent");
  if (event.status === "CANCELLED") throw new ConflictError("events.errors.cancelled");
  // Staff may still add a participant after the last registration date, or
  // record a walk-in after the event; nobody else signs up to an event that has
  // taken place (its page says registration is closed).
  if (registrant.source !== "STAFF" && event.endsAt < now()) throw new ConflictError("events.errors.eventEnded");
  if (registrant.source !== "STAFF" && event.registrationDeadline && now() > event.registrationDeadline) {
    throw new ConflictError("events.errors.registrationClosed");
  }
}

function answersFor(event: LockedEvent, registrant: Registrant, input: AnswersInput | undefined) {
  const template = registrant.source === "PUBLIC" ? event.publicQuestionnaire : event.portalQuestionnaire;
  const questions = parseQuestions(template?.questions ?? []);
  // Staff adding someone by hand may leave questions blank.
  return assertValidAnswers(questions, input, { enforceRequired: registrant.source !== "STAFF" });
}

async function nextArrival(tx: DbOrTx): Promise<bigint> {
  const [row] = await tx.$queryRaw<{ next: bigint }[]>`SELECT nextval(pg_get_serial_sequence('"Registration"', 'arrival')) AS next`;
  return BigInt(row.next);
}

/**
 * Registers someone for a MAIN event: REGISTERED while seats last, then RESERVE
 * while reserve seats last, else ConflictError("events.errors.full"). One
 * registration per e-mail: an active one is "already registered"; a cancelled
 * one is reused and goes to the end of the line.
 */
export async function registerForEvent(db: Db, eventId: string, registrant: Registrant, answersInput?: AnswersInput): Promise<RegistrationResult> {
  return register(db, registrant, answersInput, () => eventRowForEmail(db, eventId));
}

/**
 * A public sign-up, by the event's slug: the same rules, with the event found
 * among main events with public registration (else NotFoundError) by the same
 * read that loads what registering needs.
 */
export async function registerForPublicEvent(
  db: Db,
  slug: string,
  registrant: Extract<Registrant, { source: "PUBLIC" }>,
  answersInput?: AnswersInput,
): Promise<RegistrationResult> {
  const snapshot = await publicEventRowForEmail(db, slug);
  if (!snapshot) throw new NotFoundError("errors.notFoundBody");
  return register(db, registrant, answersInput, async () => snapshot);
}

async function register(
  db: Db,
  registrant: Registrant,
  answersInput: AnswersInput | undefined,
  readEvent: () => Promise<EmailEvent | null>,
): Promise<RegistrationResult> {
  assertMayRegister(registrant);
  const person = await personOf(db, registrant);
  const token = registrant.source === "PUBLIC" ? newAccessToken() : null;
  // An event's registrations take turns on its row lock, so everything that
  // does not decide the seat happens before it: reading the event and checking
  // the answers. Under the lock the deciding columns are read fresh. The
  // confirmation is stored as its template and props; the sender renders it.
  const snapshot = await readEvent();
  assertOpenFor(snapshot, registrant);
  // Seating someone past the limit is the event's owners' call, like changing its seats.
  const beyond = registrant.source === "STAFF" && registrant.beyondSeatLimit === true;
  if (beyond && !canEditEvent(registrant.actor, snapshot)) throw new ForbiddenError("events.errors.onlyResponsible");
  const answers = answersFor(snapshot, registrant, answersInput) as unknown as Prisma.InputJsonValue;
  if (snapshot.registeredCount < snapshot.seats && snapshot.reserveCount === 0) {
    const fast = await registerInOneStatement(db, snapshot, registrant.source, person, answers, token, consentOf(registrant));
    if (fast) return fast;
  }
  // Seats and reserve seats all taken when the event was read: a refusal
  // changes nothing, so it needs no lock (the counters only change under it).
  if (!beyond && snapshot.registeredCount >= snapshot.seats && snapshot.reserveCount >= snapshot.reserveSeats) {
    throw await fullOrAlreadyRegistered(db, snapshot.id, person.email);
  }

  return db.$transaction(async (tx) => {
    const claim = await claimSeat(tx, snapshot);
    assertOpenFor(claim?.event ?? null, registrant);
    const { event, sessions, decision } = claim!;

    // The counters as they stand with this registration's seat taken.
    const counters: Counters = { registered: event.registeredCount, reserve: event.reserveCount };
    const emailIds: string[] = [];
    let promoted: string[] = [];
    let status: "REGISTERED" | "RESERVE";
    if (decision === "REGISTERED" || (decision === "RESERVE" && !beyond)) {
      status = decision;
      if (status === "REGISTERED") counters.registered++;
      else counters.reserve++;
    } else if (decision === "PROMOTE") {
      // Seats were freed while reserves wait (staff raised the seats): reserves
      // first, and seats now under offer are theirs.
      promoted = await fillFreeSeats(tx, event, counters, emailIds);
      if (counters.registered + (await openOfferCount(tx, event.id)) < event.seats || beyond) status = "REGISTERED";
      else if (counters.reserve < event.reserveSeats) status = "RESERVE";
      else throw await fullOrAlreadyRegistered(tx, event.id, person.email);
      if (status === "REGISTERED") counters.registered++;
      else counters.reserve++;
      await writeCounters(tx, event.id, counters);
    } else if (beyond) {
      // No seat left (a reserve seat claimed above is given back): the walk-in
      // is seated past the limit, ahead of the reserve list, as staff chose.
      status = "REGISTERED";
      counters.registered++;
      await writeCounters(tx, event.id, counters);
    } else {
      throw await fullOrAlreadyRegistered(tx, event.id, person.email);
    }
    const beyondSeatLimit = status === "REGISTERED" && counters.registered > event.seats;
    const holdExpiresAt = holdDeadline(event, registrant.source);

    const data = {
      userId: person.userId,
      name: person.name,
      cpf: person.cpf,
      locale: person.locale,
      status,
      source: registrant.source,
      answers,
      accessTokenHash: token?.hash ?? null,
      ...consentOf(registrant),
      hold: holdExpiresAt ? ("HELD" as const) : null,
      holdExpiresAt,
      offer: null,
      offerExpiresAt: null,
      registeredAt: now(),
      cancelledAt: null,
      cancelledByStaff: false,
      cancelReason: null,
      attendedAt: null,
    };
    // Insert-or-nothing in one statement (the usual case); an existing row for the
    // e-mail is either active ("already registered") or cancelled and reused.
    const [inserted] = await tx.registration.createManyAndReturn({
      data: [{ ...data, eventId: event.id, email: person.email }],
      skipDuplicates: true,
      select: { id: true },
    });
    const registration = inserted ?? (await reuseCancelled(tx, event.id, person.email, data));

    if (sessions > 0) await mirrorToSecondaries(tx, event.id, [registration.id, ...promoted]);
    if (beyondSeatLimit && registrant.source === "STAFF") {
      await tx.auditLog.create({
        data: {
          actorId: registrant.actor.userId,
          actorName: registrant.actor.name,
          action: BEYOND_SEAT_LIMIT_ACTION,
          entityType: "Registration",
          entityId: registration.id,
          data: { eventId: event.id, eventNumber: event.number, seats: event.seats, registered: counters.registered, name: person.name, email: person.email },
          createdAt: now(),
        },
      });
    }

    // A new reserve joins the end of the list (its arrival is the newest), so
    // its position is the number of reserves.
    const position = status === "RESERVE" ? counters.reserve : undefined;
    emailIds.push(
      await enqueueEmail(tx, {
        to: person.email,
        locale: person.locale,
        timeZone: event.timeZone,
        template: "eventRegistration",
        props: confirmationProps(event, person, token, status, position ?? null, holdExpiresAt),
        attachments: [eventCalendarAttachment(event, person.locale)],
      }),
    );
    return {
      registrationId: registration.id,
      status,
      reservePosition: position,
      accessToken: token?.token,
      ...(holdExpiresAt ? { holdExpiresAt } : {}),
      emailIds,
      ...(beyondSeatLimit ? { beyondSeatLimit } : {}),
    };
  }, SEAT_TRANSACTION);
}

/**
 * The common case in one statement (portico_register_seat, see its migrations):
 * a free seat, nobody on the reserve list, no sessions, no earlier row for the
 * e-mail. The event's lock is then held for that one statement only. Returns
 * null when the general path must decide (nothing was written then). The
 * confirmation (template props, subject, .ics) comes from the event row read
 * before the lock, and is stored unrendered like any enqueued e-mail.
 */
async function registerInOneStatement(
  db: Db,
  event: EmailEvent,
  source: Registrant["source"],
  person: Person,
  answers: Prisma.InputJsonValue,
  token: { token: string; hash: string } | null,
  consent: Consent,
): Promise<RegistrationResult | null> {
  assertRecipient(person.email);
  const registrationId = randomUUID();
  const emailId = randomUUID();
  const locale = isLocale(person.locale) ? person.locale : defaultLocale;
  const holdExpiresAt = holdDeadline(event, source);
  const props = confirmationProps(event, person, token, "REGISTERED", null, holdExpiresAt);
  const attachment = eventCalendarAttachment(event, person.locale);
  const [row] = await db.$queryRaw<{ outcome: string }[]>`
    SELECT portico_register_seat(
      ${event.id}::uuid, ${source}, ${now()}, ${registrationId}::uuid, ${person.userId}::uuid, ${person.name}, ${person.email}, ${person.cpf},
      ${person.locale}, ${JSON.stringify(answers)}::jsonb, ${token?.hash ?? null}, ${emailId}::uuid, ${locale},
      ${stringifyProps(props)}::jsonb, ${event.timeZone}, ${renderSubject("eventRegistration", locale, props, { timeZone: props.timeZone })}, ${randomUUID()}::uuid, ${attachment.fileName}, ${attachment.contentType},
      ${attachment.content}, ${holdExpiresAt}, ${consent.privacyNoticeId}::uuid, ${consent.privacyAcceptedAt}, ${consent.marketingConsent}) AS outcome`;
  if (row?.outcome !== "REGISTERED") return null;
  return { registrationId, status: "REGISTERED", accessToken: token?.token, ...(holdExpiresAt ? { holdExpiresAt } : {}), emailIds: [emailId] };
}

const NO_CONSENT: Consent = { privacyNoticeId: null, privacyAcceptedAt: null, marketingConsent: false };

/** What a public registrant agreed to; portal and staff registrations record none. */
function consentOf(registrant: Registrant): Consent {
  return registrant.source === "PUBLIC" && registrant.consent ? registrant.consent : NO_CONSENT;
}

/** Someone already in is told so even when the event is full. */
async function fullOrAlreadyRegistered(tx: DbOrTx, eventId: string, email: string): Promise<ConflictError> {
  const existing = await tx.registration.findUnique({ where: { eventId_email: { eventId, email } }, select: { status: true } });
  return new ConflictError(existing && existing.status !== "CANCELLED" ? "events.errors.alreadyRegistered" : "events.errors.full");
}

/** The e-mail's earlier registration, if cancelled, becomes this one (at the end of the line). */
async function reuseCancelled(tx: DbOrTx, eventId: string, email: string, data: Prisma.RegistrationUncheckedUpdateInput): Promise<{ id: string }> {
  const existing = await tx.registration.findUniqueOrThrow({ where: { eventId_email: { eventId, email } }, select: { id: true, status: true } });
  if (existing.status !== "CANCELLED") throw new ConflictError("events.errors.alreadyRegistered");
  return tx.registration.update({ where: { id: existing.id }, data: { ...data, arrival: await nextArrival(tx) }, select: { id: true } });
}

type EmailEvent = NonNullable<Awaited<ReturnType<typeof eventRowForEmail>>>;

function confirmationProps(
  event: EmailEvent,
  person: Person,
  token: { token: string } | null,
  status: "REGISTERED" | "RESERVE",
  position: number | null,
  holdExpiresAt: Date | null,
) {
  const privateUrl = token ? privateRegistrationUrl(event.slug, token.token) : null;
  return {
    ...eventEmailDetails(event, person.name, privateUrl, person),
    status,
    reservePosition: position,
    // Until confirmed, the e-mail asks for the click that keeps the place.
    confirmUrl: holdExpiresAt && privateUrl ? `${privateUrl}/confirm` : null,
    holdExpiresAt,
  };
}

/**
 * A public sign-up to an event that asks for confirmation keeps its place
 * only until this moment, unless the registrant clicks the e-mailed link: an
 * address nobody reads cannot fill the event with invented people.
 */
function holdDeadline(event: Pick<EmailEvent, "confirmPublicSignups" | "holdMinutes">, source: Registrant["source"]): Date | null {
  if (source !== "PUBLIC" || !event.confirmPublicSignups) return null;
  return new Date(now().getTime() + event.holdMinutes * 60_000);
}

/** The registration behind a public registrant's private link, with its event; null for an unknown token. */
export async function findRegistrationByToken(db: DbOrTx, token: string) {
  if (!token || token.length > 200) return null;
  const registration = await db.registration.findFirst({
    where: registrationByToken(token),
    select: {
      id: true,
      name: true,
      email: true,
      status: true,
      hold: true,
      holdExpiresAt: true,
      offer: true,
      offerExpiresAt: true,
      registeredAt: true,
      cancelledAt: true,
      cancelledByStaff: true,
      cancelReason: true,
      attendedAt: true,
      answers: true,
      event: {
        select: {
          id: true,
          slug: true,
          number: true,
          name: true,
          startsAt: true,
          endsAt: true,
          timeZone: true,
          status: true,
          onlineUrl: true,
          cancellationDeadline: true,
        },
      },
    },
  });
  if (!registration) return null;
  return { ...registration, reservePosition: await reservePosition(db, registration.id) };
}
