"use server";

// Server actions of the parameters (custom fields) and field-rule pages.
import { redirect } from "next/navigation";
import { requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { invalid, type ActionResult } from "@/lib/forms/action-result";
import { attempt, direction, idOrNew, typePath } from "./action-helpers";
import { saveRuleMatrix } from "./field-rules";
import { deleteField, moveField, saveField, setFieldActive } from "./fields";
import { fieldSchema, ruleMatrixSchema, type FieldInput, type RuleMatrixInput } from "./schemas";

export async function saveFieldAction(typeId: string, fieldId: string | undefined, input: FieldInput): Promise<ActionResult> {
  const actor = await requireStaff();
  const parsed = fieldSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const id = idOrNew(fieldId);
  // The domain parses the form's input again (it normalizes options), so it gets the raw input.
  const done = await attempt(() => saveField(db, actor, String(typeId), id, input));
  if (!done.ok) return done.result;
  if (id === undefined) redirect(`${typePath(String(typeId))}/fields?notice=fieldCreated`);
  return { ok: true, message: { key: "common.saved" } };
}

export async function moveFieldAction(fieldId: string, to: "up" | "down"): Promise<ActionResult> {
  const actor = await requireStaff();
  const done = await attempt(() => moveField(db, actor, String(fieldId), direction(to)));
  return done.ok ? { ok: true } : done.result;
}

export async function setFieldActiveAction(fieldId: string, active: boolean): Promise<ActionResult> {
  const actor = await requireStaff();
  const done = await attempt(() => setFieldActive(db, actor, String(fieldId), active === true));
  return done.ok ? { ok: true } : done.result;
}

export async function deleteFieldAction(fieldId: string): Promise<ActionResult> {
  const actor = await requireStaff();
  const done = await attempt(() => deleteField(db, actor, String(fieldId)));
  if (!done.ok) return done.result;
  return { ok: true, message: { key: done.value.archived ? "ticketSettings.notices.fieldArchived" : "ticketSettings.notices.fieldDeleted" } };
}

export async function saveRuleMatrixAction(typeId: string, input: RuleMatrixInput): Promise<ActionResult> {
  const actor = await requireStaff();
  const parsed = ruleMatrixSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const done = await attempt(() => saveRuleMatrix(db, actor, String(typeId), parsed.data));
  return done.ok ? { ok: true, message: { key: "common.saved" } } : done.result;
}
