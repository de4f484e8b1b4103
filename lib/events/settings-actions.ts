"use server";

// Server actions of the event settings pages (types, places, questionnaire
// templates; shape: lib/actions/define-action.ts). Creating goes back to the
// list; editing stays with a "Saved" message.
import { defineAction, type ActionOutcome } from "@/lib/actions/define-action";
import { requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { recordId } from "@/lib/forms/record-id";
import { saveEventPlace, saveEventType } from "./event-settings";
import { saveQuestionnaire } from "./questionnaire-templates";
import { questionnaireSchema } from "./schemas";
import { eventPlaceSchema, eventTypeSchema } from "./settings-schemas";

/** The bound id of the record being edited; absent when creating. */
const existingId = recordId.optional();

function saved(base: string, id: string | undefined): ActionOutcome<undefined> {
  if (id === undefined) return { redirectTo: `${base}?created=1` };
  return { revalidate: [`${base}/${id}`], message: { key: "common.saved" } };
}

const TYPES = "/admin/settings/event-types";
export const saveEventTypeAction = defineAction({
  name: "events.saveType",
  guard: requireStaff,
  args: [existingId],
  input: eventTypeSchema,
  revalidate: [TYPES],
  run: async ({ actor, args: [id], input }) => {
    await saveEventType(db, actor, id, input);
    return saved(TYPES, id);
  },
});

const PLACES = "/admin/settings/event-places";
export const saveEventPlaceAction = defineAction({
  name: "events.savePlace",
  guard: requireStaff,
  args: [existingId],
  input: eventPlaceSchema,
  revalidate: [PLACES],
  run: async ({ actor, args: [id], input }) => {
    await saveEventPlace(db, actor, id, input);
    return saved(PLACES, id);
  },
});

const QUESTIONNAIRES = "/admin/settings/questionnaires";
export const saveQuestionnaireAction = defineAction({
  name: "events.saveQuestionnaire",
  guard: requireStaff,
  args: [existingId],
  input: questionnaireSchema,
  revalidate: [QUESTIONNAIRES],
  run: async ({ actor, args: [id], input }) => {
    await saveQuestionnaire(db, actor, id, input);
    return saved(QUESTIONNAIRES, id);
  },
});
