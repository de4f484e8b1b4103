// The installation's reminder schedule (Settings → Reminders), a general
// parameter; unset means DEFAULT_REMINDER_SCHEDULE, the reminder on the day
// before at 09:00. Events may carry their own (Event.reminderSchedule).
// No "server-only" marker: the standalone worker reads the schedule.
import { assertAdmin, type Actor } from "@/lib/auth/actor";
import type { DbOrTx } from "@/lib/db";
import { getSetting, setSetting } from "@/lib/settings/general";
import { DEFAULT_REMINDER_SCHEDULE, type ReminderSchedule } from "./reminder-schedule";

export async function getReminderSchedule(db: DbOrTx): Promise<ReminderSchedule> {
  return (await getSetting(db, "events.reminderSchedule")) ?? DEFAULT_REMINDER_SCHEDULE;
}

/** A general parameter of the whole installation: admins only. Reminders already sent stay sent. */
export async function setReminderSchedule(db: DbOrTx, actor: Actor, schedule: ReminderSchedule): Promise<void> {
  assertAdmin(actor);
  await setSetting(db, "events.reminderSchedule", schedule);
}
