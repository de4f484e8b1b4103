"use server";

// Server actions of the staff team pages (shape: lib/actions/define-action.ts).
import { defineAction } from "@/lib/actions/define-action";
import { requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { recordId } from "@/lib/forms/record-id";
import { existingId, SETTINGS_BASE } from "./action-helpers";
import { teamSchema } from "./schemas";
import { deleteTeam, saveTeam } from "./teams";

const TEAMS = `${SETTINGS_BASE}/teams`;

export const saveTeamAction = defineAction({
  name: "ticketSettings.saveTeam",
  guard: requireStaff,
  args: [existingId],
  input: teamSchema,
  revalidate: [[SETTINGS_BASE, "layout"]],
  run: async ({ actor, args: [teamId], input }) => {
    await saveTeam(db, actor, teamId, input);
    if (teamId === undefined) return { redirectTo: `${TEAMS}?created=1` };
    return { message: { key: "common.saved" } };
  },
});

/** A team still named on stages or tickets is archived and stays on its page; otherwise back to the list. */
export const deleteTeamAction = defineAction({
  name: "ticketSettings.deleteTeam",
  guard: requireStaff,
  args: [recordId],
  revalidate: [[SETTINGS_BASE, "layout"]],
  run: async ({ actor, args: [teamId] }) => {
    const { archived } = await deleteTeam(db, actor, teamId);
    if (archived) return { message: { key: "ticketSettings.notices.teamArchived" } };
    return { redirectTo: `${TEAMS}?notice=teamDeleted` };
  },
});
