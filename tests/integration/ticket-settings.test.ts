// Ticket settings: groups and types, staff teams, the default
// attendant general parameter and the blocked types of a profile, with their
// authorization (staff for settings, admin for profiles).
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { Role } from "@/lib/generated/prisma/enums";
import { setSetting } from "@/lib/settings/general";
import { blockedTypeIds, profileTicketTypeChoices, saveProfileBlockedTypes } from "@/lib/tickets/settings/blocked-types";
import { defaultAttendant, defaultAttendantId, defaultAttendantState, saveDefaultAttendant } from "@/lib/tickets/settings/default-attendant";
import {
  deleteGroup,
  deleteType,
  getGroup,
  getType,
  listGroupsWithTypes,
  moveGroup,
  saveGroup,
  saveType,
  setGroupActive,
  setTypeActive,
} from "@/lib/tickets/settings/groups-types";
import { deleteTeam, getTeam, listTeams, saveTeam } from "@/lib/tickets/settings/teams";
import { createActor, createProfile, createUser, uniqueTag } from "../helpers/factories";
import { fieldErrors, createStage, createTicketIn } from "../helpers/ticket-settings-fixtures";
import { withTestDatabase, type TestDatabase } from "../helpers/db-test";

const database = withTestDatabase();
let db: TestDatabase["prisma"];
let admin: Actor;
let staff: Actor;
let client: Actor;

beforeAll(async () => {
  db = database.prisma;
  ({ actor: admin } = await createActor(db, Role.ADMIN));
  ({ actor: staff } = await createActor(db, Role.STAFF));
  ({ actor: client } = await createActor(db, Role.CLIENT));
});

const typeInput = (groupId: string, name = uniqueTag("Type ")) => ({ groupId, name, description: "", active: true });

describe("groups and types", () => {
  it("creates, edits and (de)activates groups and types with unique names", async () => {
    const name = uniqueTag("Group ");
    const { id: groupId } = await saveGroup(db, staff, undefined, { name, active: true });
    expect(await fieldErrors(saveGroup(db, staff, undefined, { name, active: true }))).toEqual({ name: "validation.nameTaken" });
    await saveGroup(db, staff, groupId, { name: name + " renamed", active: true });
    await setGroupActive(db, staff, groupId, false);
    expect(await getGroup(db, staff, groupId)).toMatchObject({ name: name + " renamed", active: false });

    const { id: typeId } = await saveType(db, staff, undefined, typeInput(groupId, "Incident"));
    expect(await fieldErrors(saveType(db, staff, undefined, typeInput(groupId, "Incident")))).toEqual({ name: "validation.nameTaken" });
    // Unique within the group: another group may have its own "Incident".
    const other = await saveGroup(db, staff, undefined, { name: uniqueTag("Group "), active: true });
    await expect(saveType(db, staff, undefined, typeInput(other.id, "Incident"))).resolves.toBeTruthy();

    await saveType(db, staff, typeId, { groupId, name: "Incident", description: "Something broke", active: true });
    await setTypeActive(db, staff, typeId, false);
    expect(await getType(db, staff, typeId)).toMatchObject({ description: "Something broke", active: false, groupId });
    const listed = (await listGroupsWithTypes(db, staff)).find((g) => g.id === groupId);
    expect(listed?.types.map((t) => [t.name, t.active])).toEqual([["Incident", false]]);
    expect(await fieldErrors(saveType(db, staff, undefined, typeInput("00000000-0000-4000-8000-00000000ffff")))).toEqual({ groupId: "validation.invalid" });
  });

  it("deletes unused types and groups, and deactivates those with tickets", async () => {
    const { id: groupId } = await saveGroup(db, staff, undefined, { name: uniqueTag("Group "), active: true });
    const unused = await saveType(db, staff, undefined, typeInput(groupId));
    const used = await saveType(db, staff, undefined, typeInput(groupId));
    const stage = await createStage(db, used.id);
    await createTicketIn(db, { groupId, typeId: used.id, stageId: stage.id });

    expect(await deleteType(db, staff, unused.id)).toEqual({ archived: false });
    expect(await db.ticketType.findUnique({ where: { id: unused.id } })).toBeNull();
    expect(await deleteType(db, staff, used.id)).toEqual({ archived: true });
    expect(await db.ticketType.findUniqueOrThrow({ where: { id: used.id } })).toMatchObject({ active: false });
    expect(await db.ticketStage.count({ where: { typeId: used.id } })).toBe(1);

    expect(await deleteGroup(db, staff, groupId)).toEqual({ archived: true });
    expect(await db.ticketGroup.findUniqueOrThrow({ where: { id: groupId } })).toMatchObject({ active: false });

    const { id: emptyGroup } = await saveGroup(db, staff, undefined, { name: uniqueTag("Group "), active: true });
    await saveType(db, staff, undefined, typeInput(emptyGroup));
    await expect(deleteGroup(db, staff, emptyGroup)).rejects.toBeInstanceOf(ConflictError);
    const { id: lonely } = await saveGroup(db, staff, undefined, { name: uniqueTag("Group "), active: true });
    expect(await deleteGroup(db, staff, lonely)).toEqual({ archived: false });
    expect(await db.ticketGroup.findUnique({ where: { id: lonely } })).toBeNull();
  });

  it("keeps a type with tickets in its group", async () => {
    const a = await saveGroup(db, staff, undefined, { name: uniqueTag("Group "), active: true });
    const b = await saveGroup(db, staff, undefined, { name: uniqueTag("Group "), active: true });
    const free = await saveType(db, staff, undefined, typeInput(a.id, "Free"));
    await saveType(db, staff, free.id, typeInput(b.id, "Free"));
    expect((await getType(db, staff, free.id)).groupId).toBe(b.id);
    const used = await saveType(db, staff, undefined, typeInput(a.id, "Used"));
    const stage = await createStage(db, used.id);
    await createTicketIn(db, { groupId: a.id, typeId: used.id, stageId: stage.id });
    expect(await fieldErrors(saveType(db, staff, used.id, typeInput(b.id, "Used")))).toEqual({ groupId: "ticketSettings.errors.typeGroupLocked" });
  });

  it("orders groups and moves them up and down", async () => {
    const created: string[] = [];
    for (let i = 0; i < 3; i++) created.push((await saveGroup(db, staff, undefined, { name: uniqueTag(`Order ${i} `), active: true })).id);
    const order = async () => (await listGroupsWithTypes(db, staff)).map((g) => g.id).filter((id) => created.includes(id));
    expect(await order()).toEqual(created);
    await moveGroup(db, staff, created[2], "up");
    expect(await order()).toEqual([created[0], created[2], created[1]]);
  });

  it("answers not found for unknown or malformed ids", async () => {
    await expect(getGroup(db, staff, "nope")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getType(db, staff, "00000000-0000-4000-8000-00000000ffff")).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("staff teams", () => {
  it("creates and edits teams whose members are active staff users", async () => {
    const s1 = await createUser(db, { role: Role.STAFF });
    const s2 = await createUser(db, { role: Role.ADMIN });
    const inactive = await createUser(db, { role: Role.STAFF, active: false });
    const clientUser = await createUser(db, { role: Role.CLIENT });
    const name = uniqueTag("Team ");
    const { id } = await saveTeam(db, staff, undefined, { name, active: true, memberIds: [s1.id, s2.id, s1.id] });
    expect((await getTeam(db, staff, id)).members.map((m) => m.user.id).sort()).toEqual([s1.id, s2.id].sort());
    await saveTeam(db, staff, id, { name, active: true, memberIds: [s2.id] });
    expect((await getTeam(db, staff, id)).members.map((m) => m.user.id)).toEqual([s2.id]);
    expect(await fieldErrors(saveTeam(db, staff, id, { name, active: true, memberIds: [s2.id, inactive.id] }))).toEqual({
      memberIds: "ticketSettings.errors.memberNotStaff",
    });
    expect(await fieldErrors(saveTeam(db, staff, undefined, { name: uniqueTag(), active: true, memberIds: [clientUser.id] }))).toEqual({
      memberIds: "ticketSettings.errors.memberNotStaff",
    });
    expect(await fieldErrors(saveTeam(db, staff, undefined, { name, active: true, memberIds: [] }))).toEqual({ name: "validation.nameTaken" });
    expect((await getTeam(db, staff, id)).members.map((m) => m.user.id)).toEqual([s2.id]);
    expect((await listTeams(db, staff)).find((t) => t.id === id)?._count.members).toBe(1);
  });

  it("deletes an unused team and deactivates one a stage refers to", async () => {
    const unused = await saveTeam(db, staff, undefined, { name: uniqueTag("Team "), active: true, memberIds: [] });
    const used = await saveTeam(db, staff, undefined, { name: uniqueTag("Team "), active: true, memberIds: [] });
    const group = await db.ticketGroup.create({ data: { name: uniqueTag() } });
    const type = await db.ticketType.create({ data: { groupId: group.id, name: "T" } });
    await db.ticketStage.create({ data: { typeId: type.id, name: "S", position: 0, responsible: "STAFF", teamId: used.id } });
    expect(await deleteTeam(db, staff, unused.id)).toEqual({ archived: false });
    expect(await deleteTeam(db, staff, used.id)).toEqual({ archived: true });
    expect(await db.staffTeam.findUniqueOrThrow({ where: { id: used.id } })).toMatchObject({ active: false });
    expect(await db.ticketStage.count({ where: { teamId: used.id } })).toBe(1);
  });
});

describe("default attendant", () => {
  it("is an active staff user; unset or unfit reads as none, and the dashboard state says which", async () => {
    await saveDefaultAttendant(db, staff, null);
    expect(await defaultAttendant(db)).toBeNull();
    expect(await defaultAttendantState(db)).toBe("unset");

    const attendant = await createUser(db, { role: Role.STAFF, name: "Ana Attendant", locale: "pt-BR" });
    await saveDefaultAttendant(db, staff, attendant.id);
    expect(await defaultAttendant(db)).toEqual({ id: attendant.id, name: "Ana Attendant", email: attendant.email, locale: "pt-BR" });
    expect(await defaultAttendantState(db)).toBe("ok");
    expect(await defaultAttendantId(db, staff)).toBe(attendant.id);

    await db.user.update({ where: { id: attendant.id }, data: { active: false } });
    expect(await defaultAttendant(db)).toBeNull();
    expect(await defaultAttendantState(db)).toBe("invalid");
    await db.user.update({ where: { id: attendant.id }, data: { active: true, role: Role.CLIENT } });
    expect(await defaultAttendant(db)).toBeNull();
    expect(await defaultAttendantState(db)).toBe("invalid");
    await setSetting(db, "tickets.defaultAttendantId", "00000000-0000-4000-8000-00000000ffff");
    expect(await defaultAttendantState(db)).toBe("invalid");
  });

  it("refuses an inactive or non-staff user", async () => {
    const clientUser = await createUser(db, { role: Role.CLIENT });
    const inactive = await createUser(db, { role: Role.ADMIN, active: false });
    for (const id of [clientUser.id, inactive.id, "not-a-uuid"]) {
      expect(await fieldErrors(saveDefaultAttendant(db, staff, id))).toEqual({ attendantId: "ticketSettings.errors.attendantNotStaff" });
    }
  });
});

describe("blocked ticket types per profile", () => {
  it("replaces a profile's blocked types (admin only) and reads them for the runtime", async () => {
    const profile = await createProfile(db);
    const other = await createProfile(db);
    const group = await db.ticketGroup.create({ data: { name: uniqueTag("Group ") } });
    const [a, b, c] = await Promise.all(["A", "B", "C"].map((name) => db.ticketType.create({ data: { groupId: group.id, name } })));
    await saveProfileBlockedTypes(db, admin, profile.id, [a.id, b.id]);
    expect((await blockedTypeIds(db, profile.id)).sort()).toEqual([a.id, b.id].sort());
    await saveProfileBlockedTypes(db, admin, profile.id, [b.id, c.id, c.id]);
    expect((await blockedTypeIds(db, profile.id)).sort()).toEqual([b.id, c.id].sort());
    expect(await blockedTypeIds(db, other.id)).toEqual([]);
    expect(await blockedTypeIds(db, null)).toEqual([]);

    const choices = await profileTicketTypeChoices(db, admin, profile.id);
    expect(choices.find((g) => g.id === group.id)?.types.map((t) => [t.name, t.blocked])).toEqual([
      ["A", false],
      ["B", true],
      ["C", true],
    ]);
    await expect(saveProfileBlockedTypes(db, admin, profile.id, ["00000000-0000-4000-8000-00000000ffff"])).rejects.toBeInstanceOf(ValidationError);
    await expect(saveProfileBlockedTypes(db, admin, "00000000-0000-4000-8000-00000000ffff", [])).rejects.toBeInstanceOf(NotFoundError);
    await saveProfileBlockedTypes(db, admin, profile.id, []);
    expect(await blockedTypeIds(db, profile.id)).toEqual([]);
  });

  it("refuses staff who are not admins, and clients", async () => {
    const profile = await createProfile(db);
    const group = await db.ticketGroup.create({ data: { name: uniqueTag("Group ") } });
    const type = await db.ticketType.create({ data: { groupId: group.id, name: "T" } });
    for (const actor of [staff, client]) {
      await expect(saveProfileBlockedTypes(db, actor, profile.id, [type.id])).rejects.toBeInstanceOf(ForbiddenError);
      await expect(profileTicketTypeChoices(db, actor, profile.id)).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await blockedTypeIds(db, profile.id)).toEqual([]);
  });
});

describe("authorization of ticket settings", () => {
  it("refuses clients everywhere and changes nothing", async () => {
    const { id: groupId } = await saveGroup(db, staff, undefined, { name: uniqueTag("Group "), active: true });
    const { id: typeId } = await saveType(db, staff, undefined, typeInput(groupId));
    const { id: teamId } = await saveTeam(db, staff, undefined, { name: uniqueTag("Team "), active: true, memberIds: [] });
    const staffUser = await createUser(db, { role: Role.STAFF });
    const calls: (() => Promise<unknown>)[] = [
      () => listGroupsWithTypes(db, client),
      () => saveGroup(db, client, undefined, { name: uniqueTag(), active: true }),
      () => saveGroup(db, client, groupId, { name: "Hacked", active: true }),
      () => setGroupActive(db, client, groupId, false),
      () => deleteGroup(db, client, groupId),
      () => moveGroup(db, client, groupId, "up"),
      () => getType(db, client, typeId),
      () => saveType(db, client, undefined, typeInput(groupId)),
      () => saveType(db, client, typeId, typeInput(groupId, "Hacked")),
      () => setTypeActive(db, client, typeId, false),
      () => deleteType(db, client, typeId),
      () => listTeams(db, client),
      () => saveTeam(db, client, undefined, { name: uniqueTag(), active: true, memberIds: [] }),
      () => saveTeam(db, client, teamId, { name: "Hacked", active: true, memberIds: [] }),
      () => deleteTeam(db, client, teamId),
      () => defaultAttendantId(db, client),
      () => saveDefaultAttendant(db, client, staffUser.id),
    ];
    for (const call of calls) await expect(call()).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.ticketGroup.findUniqueOrThrow({ where: { id: groupId } })).toMatchObject({ active: true });
    expect(await db.ticketType.findUniqueOrThrow({ where: { id: typeId } })).toMatchObject({ active: true });
    expect(await db.staffTeam.findUniqueOrThrow({ where: { id: teamId } })).toMatchObject({ active: true });
  });
});
