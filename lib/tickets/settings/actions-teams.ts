"use server";

// Server actions of the staff team pages.
import { redirect } from "next/navigation";
import { requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { invalid, type ActionResult } from "@/lib/forms/action-result";
import { attempt, idOrNew, SETTINGS_BASE } from "./action-helpers";
import { teamSchema, type TeamInput } from "./schemas";
import { deleteTeam, saveTeam } from "./teams";

const TEAMS = `${SETTINGS_BASE}/teams`;

export async function saveTeamAction(id: string | undefined, input: TeamInput): Promise<ActionResult> {
  const actor = await requireStaff();
  const parsed = teamSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const teamId = idOrNew(id);
  const done = await attempt(() => saveTeam(db, actor, teamId, parsed.data));
  if (!done.ok) return done.result;
  if (teamId === undefined) redirect(`${TEAMS}?created=1`);
  return { ok: true, message: { key: "common.saved" } };
}

export async function deleteTeamAction(id: string): Promise<ActionResult> {
  const actor = await requireStaff();
  const done = await attempt(() => deleteTeam(db, actor, String(id)));
  if (!done.ok) return done.result;
  if (done.value.archived) return { ok: true, message: { key: "ticketSettings.notices.teamArchived" } };
  redirect(`${TEAMS}?notice=teamDeleted`);
}
