"use server";

// Server actions of the parameters (custom fields) and field-rule pages
// (shape: lib/actions/define-action.ts).
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { recordId } from "@/lib/forms/record-id";
import { direction, existingId, SETTINGS_BASE, typePath } from "./action-helpers";
import { saveRuleMatrix } from "./rule-matrix";
import { deleteField, moveField, saveField, setFieldActive } from "./fields";
import { fieldSchema, ruleMatrixSchema } from "./schemas";

export const saveFieldAction = defineAction({
  name: "ticketSettings.saveField",
  guard: requireStaff,
  args: [recordId, existingId],
  input: fieldSchema,
  revalidate: [[SETTINGS_BASE, "layout"]],
  run: async ({ actor, args: [typeId, fieldId], input }) => {
    // The domain parses again; the schema's normalization (trimmed, de-blanked choices) gives the same result twice.
    await saveField(db, actor, typeId, fieldId, input);
    if (fieldId === undefined) return { redirectTo: `${typePath(typeId)}/fields?notice=fieldCreated` };
    return { message: { key: "common.saved" } };
  },
});

export const moveFieldAction = defineAction({
  name: "ticketSettings.moveField",
  guard: requireStaff,
  args: [recordId, direction],
  revalidate: [[SETTINGS_BASE, "layout"]],
  run: async ({ actor, args: [fieldId, to] }) => {
    await moveField(db, actor, fieldId, to);
  },
});

export const setFieldActiveAction = defineAction({
  name: "ticketSettings.setFieldActive",
  guard: requireStaff,
  args: [recordId, z.boolean()],
  revalidate: [[SETTINGS_BASE, "layout"]],
  run: async ({ actor, args: [fieldId, active] }) => {
    await setFieldActive(db, actor, fieldId, active);
  },
});

export const deleteFieldAction = defineAction({
  name: "ticketSettings.deleteField",
  guard: requireStaff,
  args: [recordId],
  revalidate: [[SETTINGS_BASE, "layout"]],
  run: async ({ actor, args: [fieldId] }) => {
    const { archived } = await deleteField(db, actor, fieldId);
    return { message: { key: archived ? "ticketSettings.notices.fieldArchived" : "ticketSettings.notices.fieldDeleted" } };
  },
});

export const saveRuleMatrixAction = defineAction({
  name: "ticketSettings.saveRuleMatrix",
  guard: requireStaff,
  args: [recordId],
  input: ruleMatrixSchema,
  revalidate: [[SETTINGS_BASE, "layout"]],
  run: async ({ actor, args: [typeId], input }) => {
    await saveRuleMatrix(db, actor, typeId, input);
    return { message: { key: "common.saved" } };
  },
});
