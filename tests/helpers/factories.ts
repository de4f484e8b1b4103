// Valid records for tests, with overrides: createUser(db, { role: "ADMIN" }).
// They write through Prisma directly (fast, no rules); tests exercise the rules
// by calling the domain functions. actorFor() loads the Actor of a user.
import { randomBytes } from "node:crypto";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import type { DbOrTx } from "@/lib/db";
import type { EventInput } from "@/lib/events/schemas";
import type { Prisma } from "@/lib/generated/prisma/client";
import { CustomerKind, Permission, Role } from "@/lib/generated/prisma/enums";

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

export async function createContactPerson(db: DbOrTx, customerId: string, overrides: Partial<Omit<Prisma.ContactPersonUncheckedCreateInput, "customerId">> = {}) {
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
