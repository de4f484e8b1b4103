// Staff teams a workflow stage can be handed to. Members are active staff
// users. A team that stages or tickets refer to is deactivated rather than
// deleted, so the references (SET NULL on delete) are not silently lost. Staff only.
import "server-only";
import { assertStaff, type Actor } from "@/lib/auth/actor";
import type { Db, DbOrTx } from "@/lib/db";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { teamSchema, type TeamInput } from "./schemas";
import { activeStaffWhere, assertUuid, nameTakenOr, parseInput } from "./shared";

export async function listTeams(db: DbOrTx, actor: Actor) {
  assertStaff(actor);
  return db.staffTeam.findMany({
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, active: true, _count: { select: { members: true, stages: true } } },
  });
}

export async function listTeamOptions(db: DbOrTx, actor: Actor) {
  assertStaff(actor);
  return db.staffTeam.findMany({ orderBy: [{ name: "asc" }], select: { id: true, name: true, active: true } });
}

export async function getTeam(db: DbOrTx, actor: Actor, id: string) {
  assertStaff(actor);
  assertUuid(id);
  const team = await db.staffTeam.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      active: true,
      members: { orderBy: { user: { name: "asc" } }, select: { user: { select: { id: true, name: true, email: true, active: true } } } },
    },
  });
  if (!team) throw new NotFoundError("common.notFound");
  return team;
}

/**
 * Creates (no id) or updates a team with exactly the given members. Members
 * already on the team stay even if no longer active staff (removing them is a
 * separate, visible choice); new members must be active staff.
 */
export async function saveTeam(db: Db, actor: Actor, id: string | undefined, input: TeamInput): Promise<{ id: string }> {
  assertStaff(actor);
  if (id !== undefined) assertUuid(id);
  const { memberIds, ...data } = parseInput(teamSchema, input);
  const wanted = [...new Set(memberIds)];
  try {
    return await db.$transaction(async (tx) => {
      const current = id === undefined ? [] : (await tx.staffTeamMember.findMany({ where: { teamId: id }, select: { userId: true } })).map((m) => m.userId);
      const added = wanted.filter((userId) => !current.includes(userId));
      if (added.length > 0 && (await tx.user.count({ where: { id: { in: added }, ...activeStaffWhere } })) !== added.length)
        throw new ValidationError({ memberIds: "ticketSettings.errors.memberNotStaff" });
      let teamId: string;
      if (id === undefined) {
        teamId = (await tx.staffTeam.create({ data, select: { id: true } })).id;
      } else {
        const { count } = await tx.staffTeam.updateMany({ where: { id }, data });
        if (count === 0) throw new NotFoundError("common.notFound");
        teamId = id;
      }
      await tx.staffTeamMember.deleteMany({ where: { teamId, userId: { notIn: wanted } } });
      await tx.staffTeamMember.createMany({ data: added.map((userId) => ({ teamId, userId })), skipDuplicates: true });
      return { id: teamId };
    });
  } catch (error) {
    throw nameTakenOr(error);
  }
}

/** Deletes a team nothing refers to; otherwise deactivates it. */
export async function deleteTeam(db: Db, actor: Actor, id: string): Promise<{ archived: boolean }> {
  assertStaff(actor);
  assertUuid(id);
  return db.$transaction(async (tx) => {
    const team = await tx.staffTeam.findUnique({ where: { id }, select: { _count: { select: { stages: true, tickets: true } } } });
    if (!team) throw new NotFoundError("common.notFound");
    if (team._count.stages + team._count.tickets > 0) {
      await tx.staffTeam.update({ where: { id }, data: { active: false } });
      return { archived: true };
    }
    await tx.staffTeam.delete({ where: { id } });
    return { archived: false };
  });
}
