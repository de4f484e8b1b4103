"use server";

// Server actions of the ticket settings index, group and type pages (shape:
// lib/actions/define-action.ts): staff guard, the form's schema, the domain
// function, then revalidate or redirect.
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { recordId } from "@/lib/forms/record-id";
import { direction, existingId, SETTINGS_BASE, typePath } from "./action-helpers";
import { saveDefaultAttendant } from "./default-attendant";
import { deleteGroup, deleteType, moveGroup, saveGroup, saveType, setGroupActive } from "./groups-types";
import { defaultAttendantSchema, groupSchema, typeSchema } from "./schemas";

export const saveGroupAction = defineAction({
  name: "ticketSettings.saveGroup",
  guard: requireStaff,
  args: [existingId],
  input: groupSchema,
  revalidate: [[SETTINGS_BASE, "layout"]],
  run: async ({ actor, args: [groupId], input }) => {
    await saveGroup(db, actor, groupId, input);
    if (groupId === undefined) return { redirectTo: `${SETTINGS_BASE}?notice=groupCreated` };
    return { message: { key: "common.saved" } };
  },
});

export const setGroupActiveAction = defineAction({
  name: "ticketSettings.setGroupActive",
  guard: requireStaff,
  args: [recordId, z.boolean()],
  revalidate: [[SETTINGS_BASE, "layout"]],
  run: async ({ actor, args: [groupId, active] }) => {
    await setGroupActive(db, actor, groupId, active);
  },
});

export const moveGroupAction = defineAction({
  name: "ticketSettings.moveGroup",
  guard: requireStaff,
  args: [recordId, direction],
  revalidate: [[SETTINGS_BASE, "layout"]],
  run: async ({ actor, args: [groupId, to] }) => {
    await moveGroup(db, actor, groupId, to);
  },
});

export const deleteGroupAction = defineAction({
  name: "ticketSettings.deleteGroup",
  guard: requireStaff,
  args: [recordId],
  revalidate: [[SETTINGS_BASE, "layout"]],
  run: async ({ actor, args: [groupId] }) => {
    const { archived } = await deleteGroup(db, actor, groupId);
    return { redirectTo: `${SETTINGS_BASE}?notice=${archived ? "groupArchived" : "groupDeleted"}` };
  },
});

export const saveTypeAction = defineAction({
  name: "ticketSettings.saveType",
  guard: requireStaff,
  args: [existingId],
  input: typeSchema,
  revalidate: [[SETTINGS_BASE, "layout"]],
  run: async ({ actor, args: [typeId], input }) => {
    const { id } = await saveType(db, actor, typeId, input);
    if (typeId === undefined) return { redirectTo: `${typePath(id)}?notice=typeCreated` };
    return { message: { key: "common.saved" } };
  },
});

/** A type with tickets is archived and stays on its page; otherwise back to the index. */
export const deleteTypeAction = defineAction({
  name: "ticketSettings.deleteType",
  guard: requireStaff,
  args: [recordId],
  revalidate: [[SETTINGS_BASE, "layout"]],
  run: async ({ actor, args: [typeId] }) => {
    const { archived } = await deleteType(db, actor, typeId);
    return { redirectTo: archived ? `${typePath(typeId)}?notice=typeArchived` : `${SETTINGS_BASE}?notice=typeDeleted` };
  },
});

export const saveDefaultAttendantAction = defineAction({
  name: "ticketSettings.saveDefaultAttendant",
  guard: requireStaff,
  input: defaultAttendantSchema,
  revalidate: [[SETTINGS_BASE, "layout"]],
  run: async ({ actor, input }) => {
    await saveDefaultAttendant(db, actor, input.attendantId ?? null);
    return { message: { key: "common.saved" } };
  },
});
