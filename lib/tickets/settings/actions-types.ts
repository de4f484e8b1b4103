"use server";

// Server actions of the ticket settings index, group and type pages: staff
// guard, the form's schema, the domain function, then revalidate or redirect.
import { redirect } from "next/navigation";
import { requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { invalid, type ActionResult } from "@/lib/forms/action-result";
import { attempt, direction, idOrNew, SETTINGS_BASE, typePath } from "./action-helpers";
import { saveDefaultAttendant } from "./default-attendant";
import { deleteGroup, deleteType, moveGroup, saveGroup, saveType, setGroupActive, setTypeActive } from "./groups-types";
import { defaultAttendantSchema, groupSchema, typeSchema, type DefaultAttendantInput, type GroupInput, type TypeInput } from "./schemas";

export async function saveGroupAction(id: string | undefined, input: GroupInput): Promise<ActionResult> {
  const actor = await requireStaff();
  const parsed = groupSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const groupId = idOrNew(id);
  const done = await attempt(() => saveGroup(db, actor, groupId, parsed.data));
  if (!done.ok) return done.result;
  if (groupId === undefined) redirect(`${SETTINGS_BASE}?notice=groupCreated`);
  return { ok: true, message: { key: "common.saved" } };
}

export async function setGroupActiveAction(id: string, active: boolean): Promise<ActionResult> {
  const actor = await requireStaff();
  const done = await attempt(() => setGroupActive(db, actor, String(id), active === true));
  return done.ok ? { ok: true } : done.result;
}

export async function moveGroupAction(id: string, to: "up" | "down"): Promise<ActionResult> {
  const actor = await requireStaff();
  const done = await attempt(() => moveGroup(db, actor, String(id), direction(to)));
  return done.ok ? { ok: true } : done.result;
}

export async function deleteGroupAction(id: string): Promise<ActionResult> {
  const actor = await requireStaff();
  const done = await attempt(() => deleteGroup(db, actor, String(id)));
  if (!done.ok) return done.result;
  redirect(`${SETTINGS_BASE}?notice=${done.value.archived ? "groupArchived" : "groupDeleted"}`);
}

export async function saveTypeAction(id: string | undefined, input: TypeInput): Promise<ActionResult> {
  const actor = await requireStaff();
  const parsed = typeSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const typeId = idOrNew(id);
  const done = await attempt(() => saveType(db, actor, typeId, parsed.data));
  if (!done.ok) return done.result;
  if (typeId === undefined) redirect(`${typePath(done.value.id)}?notice=typeCreated`);
  return { ok: true, message: { key: "common.saved" } };
}

export async function setTypeActiveAction(id: string, active: boolean): Promise<ActionResult> {
  const actor = await requireStaff();
  const done = await attempt(() => setTypeActive(db, actor, String(id), active === true));
  return done.ok ? { ok: true } : done.result;
}

export async function deleteTypeAction(id: string): Promise<ActionResult> {
  const actor = await requireStaff();
  const done = await attempt(() => deleteType(db, actor, String(id)));
  if (!done.ok) return done.result;
  redirect(done.value.archived ? `${typePath(String(id))}?notice=typeArchived` : `${SETTINGS_BASE}?notice=typeDeleted`);
}

export async function saveDefaultAttendantAction(input: DefaultAttendantInput): Promise<ActionResult> {
  const actor = await requireStaff();
  const parsed = defaultAttendantSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const done = await attempt(() => saveDefaultAttendant(db, actor, parsed.data.attendantId ?? null));
  return done.ok ? { ok: true, message: { key: "common.saved" } } : done.result;
}
