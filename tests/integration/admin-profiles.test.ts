import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { Permission, Role } from "@/lib/generated/prisma/enums";
import { getProfile, listProfileOptions, listProfiles, parseProfileListQuery } from "@/lib/profiles/list-profiles";
import { createProfile as createProfileRecord, setProfileActive, updateProfile } from "@/lib/profiles/save-profile";
import { profileSchema, type ProfileInput } from "@/lib/profiles/schemas";
import { createActor, createProfile, createUser, uniqueTag } from "../helpers/factories";
import { withTestDatabase, type TestDatabase } from "../helpers/db-test";

const database = withTestDatabase();
let db: TestDatabase["prisma"];
let admin: Actor;
let staff: Actor;

beforeAll(async () => {
  db = database.prisma;
  ({ actor: admin } = await createActor(db, Role.ADMIN));
  ({ actor: staff } = await createActor(db, Role.STAFF));
});

const profileInput = (overrides: Partial<ProfileInput> = {}): ProfileInput => ({
  name: `Profile ${uniqueTag()}`,
  description: "Clients of the portal",
  permissions: [Permission.PORTAL_ACCESS],
  active: true,
  ...overrides,
});

describe("profiles", () => {
  it("creates, edits, deactivates and reactivates a profile", async () => {
    const input = profileInput();
    const { id } = await createProfileRecord(db, admin, input);
    expect(await getProfile(db, admin, id)).toEqual({ id, ...input });

    await updateProfile(db, admin, id, { ...input, name: `${input.name} renamed`, permissions: [] });
    expect(await getProfile(db, admin, id)).toMatchObject({ name: `${input.name} renamed`, permissions: [] });

    await setProfileActive(db, admin, id, false);
    expect((await getProfile(db, admin, id)).active).toBe(false);
    expect((await listProfileOptions(db, admin)).map((p) => p.id)).not.toContain(id);
    // The user form still shows a deactivated profile its user already has.
    expect((await listProfileOptions(db, admin, id)).map((p) => p.id)).toContain(id);
    await setProfileActive(db, admin, id, true);
    expect((await getProfile(db, admin, id)).active).toBe(true);
  });

  it("refuses a duplicate name with a field error, on create and on edit", async () => {
    const taken = await createProfile(db);
    const create = await createProfileRecord(db, admin, profileInput({ name: taken.name })).catch((e: unknown) => e);
    expect(create).toBeInstanceOf(ValidationError);
    expect((create as ValidationError).fields).toEqual({ name: "validation.nameTaken" });

    const other = await createProfile(db);
    const edit = await updateProfile(db, admin, other.id, profileInput({ name: taken.name })).catch((e: unknown) => e);
    expect((edit as ValidationError).fields).toEqual({ name: "validation.nameTaken" });
  });

  it("accepts only known permissions and requires a name", () => {
    expect(profileSchema.safeParse(profileInput({ permissions: ["EVERYTHING" as Permission] })).success).toBe(false);
    expect(profileSchema.safeParse(profileInput({ name: "   " })).error?.issues[0]).toMatchObject({ path: ["name"], message: "validation.required" });
  });

  it("answers not found for unknown ids", async () => {
    await expect(updateProfile(db, admin, "00000000-0000-4000-8000-000000000000", profileInput())).rejects.toBeInstanceOf(NotFoundError);
    await expect(getProfile(db, admin, "nope")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("refuses every profile operation to staff", async () => {
    const profile = await createProfile(db);
    const refused = [
      createProfileRecord(db, staff, profileInput()),
      updateProfile(db, staff, profile.id, profileInput()),
      setProfileActive(db, staff, profile.id, false),
      getProfile(db, staff, profile.id),
      listProfiles(db, staff, parseProfileListQuery({})),
      listProfileOptions(db, staff),
    ];
    for (const attempt of refused) await expect(attempt).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("the profile list", () => {
  it("counts each profile's users, searches, filters by status and paginates", async () => {
    const tag = uniqueTag("plist");
    const busy = await createProfile(db, { name: `${tag} busy` });
    const idle = await createProfile(db, { name: `${tag} idle`, description: "Nobody here", active: false });
    for (let i = 0; i < 3; i++) await createUser(db, { profileId: busy.id });
    for (let i = 0; i < 20; i++) await createProfile(db, { name: `${tag} more ${String(i).padStart(2, "0")}` });

    const first = await listProfiles(db, admin, parseProfileListQuery({ q: tag.toUpperCase() }));
    expect(first).toMatchObject({ total: 22, page: 1, pageCount: 2 });
    expect(first.rows[0]).toMatchObject({ id: busy.id, _count: { users: 3 } });
    expect(first.rows[1]).toMatchObject({ id: idle.id, _count: { users: 0 } });
    expect((await listProfiles(db, admin, parseProfileListQuery({ q: tag, page: "2" }))).rows).toHaveLength(2);

    expect((await listProfiles(db, admin, parseProfileListQuery({ q: tag, status: "inactive" }))).rows.map((p) => p.id)).toEqual([idle.id]);
    expect((await listProfiles(db, admin, parseProfileListQuery({ q: "NOBODY HERE" }))).rows.map((p) => p.id)).toEqual([idle.id]);
  });
});
