"use server";

// Server actions of the event settings pages (types, places, questionnaire
// templates): staff guard, the form's schema, the domain function, redirect.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { fromDomainError, invalid, type ActionResult } from "@/lib/forms/action-result";
import { saveEventPlace, saveEventType } from "./event-settings";
import { saveQuestionnaire } from "./questionnaire-templates";
import { questionnaireSchema, type QuestionnaireInput } from "./schemas";
import { eventPlaceSchema, eventTypeSchema, type EventPlaceInput, type EventTypeInput } from "./settings-schemas";

/** After a save: back to the list when creating, a "Saved" message when editing. */
async function saved(base: string, id: string | undefined, run: () => Promise<{ id: string }>): Promise<ActionResult> {
  try {
    await run();
  } catch (error) {
    return fromDomainError(error);
  }
  revalidatePath(base);
  if (id === undefined) redirect(`${base}?created=1`);
  revalidatePath(`${base}/${id}`);
  return { ok: true, message: { key: "common.saved" } };
}

const idOrNew = (id: string | undefined) => (typeof id === "string" ? id : undefined);

export async function saveEventTypeAction(id: string | undefined, input: EventTypeInput): Promise<ActionResult> {
  const actor = await requireStaff();
  const parsed = eventTypeSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return saved("/admin/settings/event-types", idOrNew(id), () => saveEventType(db, actor, idOrNew(id), parsed.data));
}

export async function saveEventPlaceAction(id: string | undefined, input: EventPlaceInput): Promise<ActionResult> {
  const actor = await requireStaff();
  const parsed = eventPlaceSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return saved("/admin/settings/event-places", idOrNew(id), () => saveEventPlace(db, actor, idOrNew(id), parsed.data));
}

export async function saveQuestionnaireAction(id: string | undefined, input: QuestionnaireInput): Promise<ActionResult> {
  const actor = await requireStaff();
  const parsed = questionnaireSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return saved("/admin/settings/questionnaires", idOrNew(id), () => saveQuestionnaire(db, actor, idOrNew(id), parsed.data));
}
