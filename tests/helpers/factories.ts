// Valid records for tests, with overrides: createUser(db, { role: "ADMIN" }).
// They write through Prisma directly (fast, no rules); tests exercise the rules
// by calling the domain functions. actorFor() loads the Actor of a user.
import { randomBytes } from "node:crypto";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import type { Db, DbOrTx } from "@/lib/db";
import { createEvent as saveEvent } from "@/lib/events/event-save";
import { registerForEvent, type Registrant } from "@/lib/events/registration";
import { eventSchema, type EventInput } from "@/lib/events/schemas";
import { openTicket } from "@/lib/tickets/open-ticket";
import type { NewTicketInput } from "@/lib/tickets/schemas";
import type { NewContactInput } from "@/lib/contacts/schemas";
import type { FileStorage } from "@/lib/storage";
import type { Prisma } from "@/lib/generated/prisma/client";
import { CustomerKind, Permission, Role } from "@/lib/generated/prisma/enums";
import { centralInput, createOptions as createContactOptions, send as sendContact } from "./contacts";
import { enableGuestPortal, submit as submitGuest, type FormEntries } from "./guest-fixtures";
import { createTicketClient, createTicketWorkflow, type TicketWorkflow } from "./ticket-fixtures";

export const DEFAULT_PASSWORD = "correct horse battery";

/** Unique per call, so records of one test never collide with another's. */
export const uniqueTag = (prefix = "t") => `${prefix}${randomBytes(4).toString("hex")}`;

// argon2 is slow on purpose; hash the default password once per test process.
let defaultHash: Promise<string> | undefined;
const passwordHashFor = (password?: string) => (password ? hashPassword(password) : (defaultHash ??= hashPassword(DEFAULT_PASSWORD)));

export async function createProfile(db: DbOrTx, overrides: Partial<Prisma.ProfileUncheckedCreateInput> = {}) {
  return db.profile.create({
    data: { name: uniqueTag("Profile "), description: "", permissions: [Permission.PORTAL_ACCESS], ...overrides },
  });
}

export type UserOverrides = Partial<Omit<Prisma.UserUncheckedCreateInput, "passwordHash">> & { password?: string };

/** A user; a CLIENT gets a new portal profile unless profileId is given. */
export async function createUser(db: DbOrTx, overrides: UserOverrides = {}) {
  const { password, ...data } = overrides;
  const tag = uniqueTag("user");
  const role = data.role ?? Role.CLIENT;
  const profileId = data.profileId !== undefined ? data.profileId : role === Role.CLIENT ? (await createProfile(db)).id : null;
  return db.user.create({
    data: { name: `User ${tag}`, email: `${tag}@example.test`, ...data, role, profileId, passwordHash: await passwordHashFor(password) },
  });
}

export async function actorFor(db: DbOrTx, user: { id: string }): Promise<Actor> {
  const actor = await loadActor(db, user.id);
  if (!actor) throw new Error(`user ${user.id} is missing or inactive`);
  return actor;
}

/** A user of the role and its Actor, for calling domain functions as them. */
export async function createActor(db: DbOrTx, role: Role = Role.ADMIN, overrides: UserOverrides = {}) {
  const user = await createUser(db, { role, ...overrides });
  return { user, actor: await actorFor(db, user) };
}

export async function createCustomer(db: DbOrTx, overrides: Partial<Prisma.CustomerUncheckedCreateInput> = {}) {
  return db.customer.create({ data: { kind: CustomerKind.PERSON, name: `Customer ${uniqueTag()}`, ...overrides } });
}

export async function createContactPerson(
  db: DbOrTx,
  customerId: string,
  overrides: Partial<Omit<Prisma.ContactPersonUncheckedCreateInput, "customerId">> = {},
) {
  return db.contactPerson.create({ data: { customerId, name: `Contact ${uniqueTag()}`, ...overrides } });
}

/**
 * The event form's input as the staff form sends it: every field present,
 * blanks meaning "none". Parse it with eventSchema as the server does.
 */
export function eventFormInput(typeId: string, overrides: Partial<EventInput> = {}): EventInput {
  return {
    name: `Training ${uniqueTag()}`,
    startsAt: "2030-03-01T12:00:00Z",
    endsAt: "2030-03-01T15:00:00Z",
    timeZone: "UTC",
    typeId,
    seats: 10,
    responsibleId: "",
    customerId: "",
    placeId: "",
    onlineUrl: "",
    registrationDeadline: "",
    cancellationDeadline: "",
    portalQuestionnaireId: "",
    publicQuestionnaireId: "",
    workloadHours: "",
    mainEventNumber: "",
    ...overrides,
  } as EventInput;
}

// Records made through the domain functions, as the app makes them. Each takes
// what it needs from its options and creates the rest (an admin to act, an
// event type), so a test names only what it is about.

/** A staff member (or an admin: { role: "ADMIN" }) and its Actor. */
export async function createStaff(db: DbOrTx, overrides: UserOverrides = {}) {
  return createActor(db, overrides.role ?? Role.STAFF, overrides);
}

/** A portal client reaching a company customer as its contact person. */
export async function createClient(db: DbOrTx, overrides: UserOverrides & { customer?: Partial<Prisma.CustomerUncheckedCreateInput> } = {}) {
  const { customer: customerOverrides, ...userOverrides } = overrides;
  const user = await createUser(db, { ...userOverrides, role: Role.CLIENT });
  const customer = await createCustomer(db, { kind: CustomerKind.COMPANY, ...customerOverrides });
  await createContactPerson(db, customer.id, { userId: user.id, name: user.name });
  return { user, actor: await actorFor(db, user), customer };
}

/**
 * An event row written straight to the database (no rules, no admin, no
 * seats or sessions worked out): ten days ahead, an hour long, ten seats.
 * For tests of what readers see of events in a given state.
 */
export async function createEventRecord(db: DbOrTx, overrides: Partial<Prisma.EventUncheckedCreateInput> & { typeId: string }) {
  const tag = uniqueTag("ev");
  const tenDays = Date.now() + 10 * 24 * 3600 * 1000;
  return db.event.create({
    data: {
      name: `Event ${tag}`,
      slug: tag,
      startsAt: new Date(tenDays),
      endsAt: new Date(tenDays + 3600_000),
      timeZone: "America/Sao_Paulo",
      seats: 10,
      ...overrides,
    },
  });
}

async function createEventType(db: DbOrTx, overrides: Partial<Prisma.EventTypeUncheckedCreateInput> = {}) {
  return db.eventType.create({ data: { name: uniqueTag("Type "), ...overrides } });
}

export interface EventOptions extends Partial<EventInput> {
  /** Who creates it (an admin by default). */
  actor?: Actor;
  /** Reserve seats (the form's reserveSeats). */
  reserve?: number;
  /** How many sessions (secondary events) to create under it. */
  sessions?: number;
}

/** An event through the staff form's schema and createEvent, with its sessions. */
export async function createEvent(db: Db, options: EventOptions = {}) {
  const { actor: given, reserve, sessions: sessionCount = 0, typeId: givenType, ...overrides } = options;
  const actor = given ?? (await createActor(db, Role.ADMIN)).actor;
  const typeId = givenType ?? (await createEventType(db)).id;
  const saved = await saveEvent(
    db,
    actor,
    eventSchema.parse(eventFormInput(typeId, { ...(reserve !== undefined ? { reserveSeats: reserve } : {}), ...overrides })),
  );
  const sessions = [];
  for (let i = 0; i < sessionCount; i++) {
    sessions.push(
      await saveEvent(
        db,
        actor,
        eventSchema.parse(eventFormInput(typeId, { name: `Session ${i + 1} ${uniqueTag()}`, mainEventNumber: String(saved.number) } as Partial<EventInput>)),
      ),
    );
  }
  return { ...saved, typeId, actor, sessions };
}

export interface RegistrationOptions {
  /** A portal client registering themselves; otherwise staff add a participant by name and e-mail. */
  client?: Actor;
  /** The staff member adding the participant (an admin by default). */
  staff?: Actor;
  name?: string;
  email?: string;
  locale?: string;
}

/** A registration through registerForEvent (seats, then reserve, as the app decides), and its row. */
export async function createRegistration(db: Db, eventId: string, options: RegistrationOptions = {}) {
  const registrant: Registrant = options.client
    ? { source: "PORTAL", actor: options.client }
    : {
        source: "STAFF",
        actor: options.staff ?? (await createActor(db, Role.ADMIN)).actor,
        name: options.name ?? `Participant ${uniqueTag()}`,
        email: options.email ?? `${uniqueTag()}@example.test`,
        locale: options.locale,
      };
  const result = await registerForEvent(db, eventId, registrant);
  return { ...result, registration: await db.registration.findUniqueOrThrow({ where: { id: result.registrationId } }) };
}

export interface TicketOptions {
  /** The workflow to open it in (a new one from ticket-fixtures by default). */
  workflow?: TicketWorkflow;
  /** The portal client opening it (a new one by default). */
  client?: { actor: Actor; customer: { id: string } };
  subject?: string;
  description?: string;
  values?: Record<string, unknown>;
}

/** A ticket a portal client opens with openTicket, moved from Opening to Analysis. */
export async function createTicket(db: Db, options: TicketOptions = {}) {
  const workflow = options.workflow ?? (await createTicketWorkflow(db));
  const client = options.client ?? (await createTicketClient(db));
  const opened = await openTicket(db, client.actor, {
    customerId: client.customer.id,
    typeId: workflow.type.id,
    subject: options.subject ?? `Printer offline ${uniqueTag()}`,
    description: options.description ?? "The second-floor printer does not answer.",
    values: (options.values ?? { [workflow.fields.system.id]: "ERP" }) as NewTicketInput["values"],
    toStageId: workflow.stages.analysis.id,
    conditionId: workflow.conditions.request,
    reason: "Please look at it",
    fileIds: [],
  });
  return { ...opened, workflow, client };
}

/** A "Contact us" message through the form's schema and createContact (Central module by default). */
export async function createContact(db: Db, options: { actor?: Actor; input?: Partial<NewContactInput> } = {}) {
  const actor = options.actor ?? (await createClient(db)).actor;
  const o = await createContactOptions(db);
  const sent = await sendContact(db, actor, centralInput(o, options.input));
  return { ...sent, actor, options: o };
}

/** A guest request through the public form's path (enabling the guest portal when no token is given). */
export async function createGuestRequest(db: Db, storage: FileStorage, options: { portalToken?: string; entries?: FormEntries; locale?: string } = {}) {
  const portalToken = options.portalToken ?? (await enableGuestPortal(db));
  const result = await submitGuest(
    db,
    storage,
    { title: "Broken window", description: "Glass on the floor.", ...options.entries },
    { portalToken, locale: options.locale },
  );
  if (result.status !== 201) throw new Error(`guest request refused: ${JSON.stringify(result.body)}`);
  const { number, statusPath } = result.body as { number: number; statusPath: string };
  const request = await db.guestRequest.findUniqueOrThrow({ where: { number } });
  return { request, number, portalToken, statusToken: statusPath.split("/").at(-1)! };
}
