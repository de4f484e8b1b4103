import { beforeAll, describe, expect, it } from "vitest";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { verifyPassword } from "@/lib/auth/password";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { Role } from "@/lib/generated/prisma/enums";
import { getUser, listUsers, parseUserListQuery } from "@/lib/users/list-users";
import { createUser as createUserRecord, updateUser } from "@/lib/users/save-user";
import { createUserSchema, updateUserSchema, type CreateUserInput } from "@/lib/users/schemas";
import { setUserActive } from "@/lib/users/set-user-active";
import { createActor, createProfile, createUser, uniqueTag } from "../helpers/factories";
import { withTestDatabase, type TestDatabase } from "../helpers/db-test";

const database = withTestDatabase();
let db: TestDatabase["prisma"];
let admin: Actor;
let staff: Actor;
let profileId: string;

beforeAll(async () => {
  db = database.prisma;
  ({ actor: admin } = await createActor(db, Role.ADMIN));
  ({ actor: staff } = await createActor(db, Role.STAFF));
  profileId = (await createProfile(db)).id;
});

function userInput(overrides: Partial<CreateUserInput> = {}): CreateUserInput {
  const tag = uniqueTag();
  return {
    name: `Ana ${tag}`,
    email: `${tag}@example.test`,
    role: Role.CLIENT,
    profileId,
    password: "a long password",
    locale: "en",
    timeZone: "UTC",
    active: true,
    ...overrides,
  };
}

async function fieldErrors(promise: Promise<unknown>): Promise<Record<string, string>> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).fields;
}

const storedHash = async (id: string) => (await db.user.findUniqueOrThrow({ where: { id }, select: { passwordHash: true } })).passwordHash;

describe("creating and editing users", () => {
  it("creates a user with a normalised e-mail and a hashed password", async () => {
    const input = userInput({ email: "  Mixed.Case@Example.TEST ", locale: "pt-BR", timeZone: "America/Sao_Paulo" });
    const { id } = await createUserRecord(db, admin, input);
    const user = await getUser(db, admin, id);
    expect(user).toMatchObject({
      name: input.name,
      email: "mixed.case@example.test",
      role: Role.CLIENT,
      profileId,
      locale: "pt-BR",
      timeZone: "America/Sao_Paulo",
      active: true,
    });
    expect(user).not.toHaveProperty("passwordHash");
    expect(await verifyPassword(await storedHash(id), "a long password")).toBe(true);
  });

  it("refuses a duplicate e-mail, whatever its case, with a field error", async () => {
    const existing = await createUser(db);
    expect(await fieldErrors(createUserRecord(db, admin, userInput({ email: existing.email.toUpperCase() })))).toEqual({ email: "validation.emailTaken" });
    const other = await createUser(db);
    expect(await fieldErrors(updateUser(db, admin, other.id, { ...userInput({ email: existing.email }), password: "" }))).toEqual({
      email: "validation.emailTaken",
    });
  });

  it("refuses a client without a profile, in the schema and in the domain", async () => {
    const input = userInput({ profileId: "" });
    const parsed = createUserSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ["profileId"], message: "users.clientNeedsProfile" });
    expect(await fieldErrors(createUserRecord(db, admin, input))).toEqual({ profileId: "users.clientNeedsProfile" });
    // Staff and admins may have none.
    await expect(createUserRecord(db, admin, userInput({ role: Role.STAFF, profileId: "" }))).resolves.toHaveProperty("id");
  });

  it("gives an inactive profile to nobody new, but lets its users keep it", async () => {
    const inactive = await createProfile(db, { active: false });
    expect(await fieldErrors(createUserRecord(db, admin, userInput({ profileId: inactive.id })))).toEqual({ profileId: "users.profileInactive" });
    const holder = await createUser(db, { profileId: inactive.id });
    await updateUser(db, admin, holder.id, { ...userInput({ profileId: inactive.id }), password: "" });
    expect((await getUser(db, admin, holder.id)).profileId).toBe(inactive.id);
  });

  it("keeps the password when left blank on edit and changes it when given", async () => {
    const user = await createUser(db, { password: "the first password" });
    const before = await storedHash(user.id);
    await updateUser(db, admin, user.id, { ...userInput({ name: "Renamed" }), password: "" });
    expect(await storedHash(user.id)).toBe(before);
    expect((await getUser(db, admin, user.id)).name).toBe("Renamed");

    await updateUser(db, admin, user.id, { ...userInput(), password: "the second password" });
    const after = await storedHash(user.id);
    expect(await verifyPassword(after, "the second password")).toBe(true);
    expect(await verifyPassword(after, "the first password")).toBe(false);
  });

  it("validates the edit form: blank or long enough password, known locale, IANA time zone", () => {
    const base = { ...userInput(), password: "" };
    expect(updateUserSchema.safeParse(base).success).toBe(true);
    expect(updateUserSchema.safeParse({ ...base, password: "short" }).error?.issues[0].message).toBe("validation.passwordTooShort");
    expect(updateUserSchema.safeParse({ ...base, timeZone: "Mars/Olympus" }).error?.issues[0].message).toBe("validation.timeZone");
    expect(updateUserSchema.safeParse({ ...base, locale: "xx" }).success).toBe(false);
    expect(createUserSchema.safeParse(base).error?.issues[0]).toMatchObject({ path: ["password"], message: "validation.passwordTooShort" });
  });

  it("answers not found for unknown and malformed ids", async () => {
    await expect(getUser(db, admin, "00000000-0000-4000-8000-000000000000")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getUser(db, admin, "not-a-uuid")).rejects.toBeInstanceOf(NotFoundError);
    await expect(setUserActive(db, admin, "not-a-uuid", false)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("deactivating users", () => {
  it("deactivates and reactivates a user; an inactive user has no actor", async () => {
    const user = await createUser(db);
    await setUserActive(db, admin, user.id, false);
    expect(await loadActor(db, user.id)).toBeNull();
    await setUserActive(db, admin, user.id, true);
    expect(await loadActor(db, user.id)).not.toBeNull();
  });

  it("does not let an admin deactivate or demote themself", async () => {
    await expect(setUserActive(db, admin, admin.userId, false)).rejects.toBeInstanceOf(ConflictError);
    const self = { ...userInput({ name: admin.name, email: admin.email, role: Role.ADMIN, profileId: "" }), password: "" };
    expect(await fieldErrors(updateUser(db, admin, admin.userId, { ...self, active: false }))).toEqual({ active: "users.cannotDeactivateSelf" });
    expect(await fieldErrors(updateUser(db, admin, admin.userId, { ...self, role: Role.STAFF }))).toEqual({ role: "users.cannotChangeOwnRole" });
    expect(await loadActor(db, admin.userId)).toMatchObject({ role: Role.ADMIN });
  });
});

describe("authorization", () => {
  it("refuses every user operation to staff", async () => {
    const user = await createUser(db);
    const refused = [
      createUserRecord(db, staff, userInput()),
      updateUser(db, staff, user.id, { ...userInput(), password: "" }),
      setUserActive(db, staff, user.id, false),
      getUser(db, staff, user.id),
      listUsers(db, staff, parseUserListQuery({})),
    ];
    for (const attempt of refused) await expect(attempt).rejects.toBeInstanceOf(ForbiddenError);
    expect((await getUser(db, admin, user.id)).active).toBe(true);
  });
});

describe("the user list", () => {
  it("searches name and e-mail case-insensitively, filters by role and status, and paginates", async () => {
    const tag = uniqueTag("list");
    const profile = await createProfile(db, { name: `Profile ${tag}` });
    for (let i = 0; i < 23; i++) {
      await createUser(db, { name: `${tag} client ${String(i).padStart(2, "0")}`, profileId: profile.id, active: i % 4 !== 0 });
    }
    // Found by e-mail only; the name sorts last under any collation.
    await createUser(db, { name: "zz staff member", email: `${tag}-staff@example.test`, role: Role.STAFF });

    const all = await listUsers(db, admin, parseUserListQuery({ q: tag.toUpperCase() }));
    expect(all).toMatchObject({ total: 24, page: 1, pageCount: 2 });
    expect(all.rows).toHaveLength(20);
    expect(all.rows[0]).toMatchObject({ name: `${tag} client 00`, role: Role.CLIENT, profile: { name: `Profile ${tag}` } });

    const second = await listUsers(db, admin, parseUserListQuery({ q: tag, page: "2" }));
    expect(second.rows.map((r) => r.name)).toEqual([`${tag} client 20`, `${tag} client 21`, `${tag} client 22`, "zz staff member"]);

    expect((await listUsers(db, admin, parseUserListQuery({ q: tag, role: "STAFF" }))).rows.map((r) => r.name)).toEqual(["zz staff member"]);
    expect((await listUsers(db, admin, parseUserListQuery({ q: tag, role: "CLIENT", status: "inactive" }))).total).toBe(6);
    expect((await listUsers(db, admin, parseUserListQuery({ q: tag, role: "CLIENT", status: "active" }))).total).toBe(17);
    // Unknown filter values are ignored.
    expect((await listUsers(db, admin, parseUserListQuery({ q: tag, role: "KING", status: "maybe" }))).total).toBe(24);
  });
});
