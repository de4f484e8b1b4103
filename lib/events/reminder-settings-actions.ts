"use server";

// Server action of Settings → Reminders (admins only; shape: lib/actions/define-action.ts).
import { defineAction } from "@/lib/actions/define-action";
import { requireAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { reminderSettingsFormSchema, scheduleFromForm } from "./reminder-schedule";
import { setReminderSchedule } from "./reminder-settings";

export const setReminderScheduleAction = defineAction({
  name: "settings.setReminderSchedule",
  guard: requireAdmin,
  input: reminderSettingsFormSchema,
  revalidate: ["/admin/settings/reminders"],
  run: async ({ actor, input }) => {
    await setReminderSchedule(db, actor, scheduleFromForm(input));
    return { message: { key: "settings.reminders.saved" } };
  },
});
