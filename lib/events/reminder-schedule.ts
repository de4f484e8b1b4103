// When participants are reminded of an event: a list of offsets before the
// start ("1d" = one day before, "1h" = one hour before) and the hour at which
// the day-based ones go out, read in the event's time zone ("1d" at 9 = 09:00
// on the calendar day before). Staff set it for the installation
// (Settings → Reminders) and may give an event a schedule of its own. An empty
// list sends no reminders. Shared by the forms and the server: no server imports.
import { z } from "zod";

/** The offsets staff choose from, farthest first. */
export const REMINDER_OFFSETS = ["14d", "7d", "3d", "2d", "1d", "12h", "6h", "3h", "2h", "1h"] as const;
export type ReminderOffset = (typeof REMINDER_OFFSETS)[number];

export const reminderScheduleSchema = z.object({
  offsets: z.array(z.enum(REMINDER_OFFSETS)).max(REMINDER_OFFSETS.length),
  hour: z.number().int().min(0).max(23),
});
export type ReminderSchedule = z.infer<typeof reminderScheduleSchema>;

/** An installation that never chose: the reminder on the day before, at 09:00. */
export const DEFAULT_REMINDER_SCHEDULE: ReminderSchedule = { offsets: ["1d"], hour: 9 };

/** Checkbox values as typed: known offsets only, each once, farthest first. */
export function normalizeOffsets(values: readonly string[] | undefined): ReminderOffset[] {
  return REMINDER_OFFSETS.filter((o) => values?.includes(o));
}

const hourField = z.coerce.number({ error: "validation.invalid" }).int("validation.invalid").min(0, "validation.invalid").max(23, "validation.invalid");

/** The installation's form (Settings → Reminders). */
export const reminderSettingsFormSchema = z.object({
  offsets: z.array(z.string()).default([]),
  hour: hourField,
});
export type ReminderSettingsFormInput = z.input<typeof reminderSettingsFormSchema>;

export function scheduleFromForm(input: z.output<typeof reminderSettingsFormSchema>): ReminderSchedule {
  return { offsets: normalizeOffsets(input.offsets), hour: input.hour };
}

/** "1d" → { amount: 1, unit: "d" }. */
export function parseOffset(offset: ReminderOffset): { amount: number; unit: "d" | "h" } {
  return { amount: Number(offset.slice(0, -1)), unit: offset.endsWith("d") ? "d" : "h" };
}
