"use server";

// Server actions of the workflow pages (stages, transitions, conditions;
// shape: lib/actions/define-action.ts).
import { defineAction } from "@/lib/actions/define-action";
import { requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { recordId } from "@/lib/forms/record-id";
import { direction, existingId, SETTINGS_BASE, typePath } from "./action-helpers";
import { stageSchema, transitionConditionsSchema, transitionSchema } from "./schemas";
import { deleteTransition, moveStage, removeStage, restoreStage, saveStage, saveTransition, saveTransitionConditions } from "./workflow-editor";

export const saveStageAction = defineAction({
  name: "ticketSettings.saveStage",
  guard: requireStaff,
  args: [recordId, existingId],
  input: stageSchema,
  revalidate: [[SETTINGS_BASE, "layout"]],
  run: async ({ actor, args: [typeId, stageId], input }) => {
    const { id } = await saveStage(db, actor, typeId, stageId, input);
    // A new stage opens on its own page, where its transitions are added.
    if (stageId === undefined) return { redirectTo: `${typePath(typeId)}/stages/${id}?notice=stageCreated` };
    return { message: { key: "common.saved" } };
  },
});

export const moveStageAction = defineAction({
  name: "ticketSettings.moveStage",
  guard: requireStaff,
  args: [recordId, direction],
  revalidate: [[SETTINGS_BASE, "layout"]],
  run: async ({ actor, args: [stageId, to] }) => {
    await moveStage(db, actor, stageId, to);
  },
});

export const removeStageAction = defineAction({
  name: "ticketSettings.removeStage",
  guard: requireStaff,
  args: [recordId],
  revalidate: [[SETTINGS_BASE, "layout"]],
  run: async ({ actor, args: [stageId] }) => {
    const { archived } = await removeStage(db, actor, stageId);
    return { message: { key: archived ? "ticketSettings.notices.stageArchived" : "ticketSettings.notices.stageDeleted" } };
  },
});

export const restoreStageAction = defineAction({
  name: "ticketSettings.restoreStage",
  guard: requireStaff,
  args: [recordId],
  revalidate: [[SETTINGS_BASE, "layout"]],
  run: async ({ actor, args: [stageId] }) => {
    await restoreStage(db, actor, stageId);
  },
});

export const saveTransitionAction = defineAction({
  name: "ticketSettings.saveTransition",
  guard: requireStaff,
  args: [recordId],
  input: transitionSchema,
  revalidate: [[SETTINGS_BASE, "layout"]],
  run: async ({ actor, args: [fromStageId], input }) => {
    await saveTransition(db, actor, fromStageId, input);
    return { message: { key: "common.saved" } };
  },
});

export const saveTransitionConditionsAction = defineAction({
  name: "ticketSettings.saveTransitionConditions",
  guard: requireStaff,
  args: [recordId],
  input: transitionConditionsSchema,
  revalidate: [[SETTINGS_BASE, "layout"]],
  run: async ({ actor, args: [transitionId], input }) => {
    await saveTransitionConditions(db, actor, transitionId, input);
    return { message: { key: "common.saved" } };
  },
});

export const deleteTransitionAction = defineAction({
  name: "ticketSettings.deleteTransition",
  guard: requireStaff,
  args: [recordId],
  revalidate: [[SETTINGS_BASE, "layout"]],
  run: async ({ actor, args: [transitionId] }) => {
    await deleteTransition(db, actor, transitionId);
  },
});
