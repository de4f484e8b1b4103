"use server";

// Server actions of the workflow pages (stages, transitions, conditions).
import { redirect } from "next/navigation";
import { requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { invalid, type ActionResult } from "@/lib/forms/action-result";
import { attempt, direction, idOrNew, typePath } from "./action-helpers";
import { stageSchema, transitionConditionsSchema, transitionSchema, type StageInput, type TransitionConditionsInput, type TransitionInput } from "./schemas";
import { deleteTransition, moveStage, removeStage, restoreStage, saveStage, saveTransition, saveTransitionConditions } from "./workflow";

export async function saveStageAction(typeId: string, stageId: string | undefined, input: StageInput): Promise<ActionResult> {
  const actor = await requireStaff();
  const parsed = stageSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const id = idOrNew(stageId);
  const done = await attempt(() => saveStage(db, actor, String(typeId), id, parsed.data));
  if (!done.ok) return done.result;
  // A new stage opens on its own page, where its transitions are added.
  if (id === undefined) redirect(`${typePath(String(typeId))}/stages/${done.value.id}?notice=stageCreated`);
  return { ok: true, message: { key: "common.saved" } };
}

export async function moveStageAction(stageId: string, to: "up" | "down"): Promise<ActionResult> {
  const actor = await requireStaff();
  const done = await attempt(() => moveStage(db, actor, String(stageId), direction(to)));
  return done.ok ? { ok: true } : done.result;
}

export async function removeStageAction(stageId: string): Promise<ActionResult> {
  const actor = await requireStaff();
  const done = await attempt(() => removeStage(db, actor, String(stageId)));
  if (!done.ok) return done.result;
  return { ok: true, message: { key: done.value.archived ? "ticketSettings.notices.stageArchived" : "ticketSettings.notices.stageDeleted" } };
}

export async function restoreStageAction(stageId: string): Promise<ActionResult> {
  const actor = await requireStaff();
  const done = await attempt(() => restoreStage(db, actor, String(stageId)));
  return done.ok ? { ok: true } : done.result;
}

export async function saveTransitionAction(fromStageId: string, input: TransitionInput): Promise<ActionResult> {
  const actor = await requireStaff();
  const parsed = transitionSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const done = await attempt(() => saveTransition(db, actor, String(fromStageId), parsed.data));
  return done.ok ? { ok: true, message: { key: "common.saved" } } : done.result;
}

export async function saveTransitionConditionsAction(transitionId: string, input: TransitionConditionsInput): Promise<ActionResult> {
  const actor = await requireStaff();
  const parsed = transitionConditionsSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const done = await attempt(() => saveTransitionConditions(db, actor, String(transitionId), parsed.data));
  return done.ok ? { ok: true, message: { key: "common.saved" } } : done.result;
}

export async function deleteTransitionAction(transitionId: string): Promise<ActionResult> {
  const actor = await requireStaff();
  const done = await attempt(() => deleteTransition(db, actor, String(transitionId)));
  return done.ok ? { ok: true } : done.result;
}
