// Reminders before an event, on the schedule staff set (reminder-schedule.ts:
// the installation's, or the event's own): the "events.reminders" job, every
// quarter of an hour, e-mails REGISTERED participants of events that are not
// cancelled and did not opt out. A day-based offset is due at the schedule's
// hour on the calendar day that many days before the start, an hour-based one
// that many hours before the start, both in the event's time zone.
// At any moment only the latest offset already due is sent: someone who
// registers an hour before the start gets the one-hour reminder, not the
// one-day reminder as well. Sent once per participant, event and offset: each
// is claimed (an EventReminder row, unique per registration and offset) in the
// transaction that queues its e-mail, so a second run, a concurrent worker or
// a crash midway never repeats one.
// No "server-only" marker: the standalone worker (tsx lib/jobs/worker-main.ts) imports this.
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/outbox";
import { mailEventSelect, mailRegistrationSelect, participantMail, type MailEvent, type MailRegistration } from "./participant-mail";
import { parseOffset, reminderScheduleSchema, type ReminderOffset, type ReminderSchedule } from "./reminder-schedule";
import { getReminderSchedule } from "./reminder-settings";
import { utcToWallTime, wallTimeToUtc } from "./zoned-time";

const HOUR_MS = 3_600_000;
// The farthest offset (14 days) before a start at 23:59, plus a DST shift.
const LOOKAHEAD_MS = (16 * 24 + 2) * HOUR_MS;

/** When `offset` is due for an event starting at `startsAt`: the hour of the day N days before, or N hours before. */
export function reminderDueAt(startsAt: Date, timeZone: string, offset: ReminderOffset, hour: number): Date {
  const { amount, unit } = parseOffset(offset);
  if (unit === "h") return new Date(startsAt.getTime() - amount * HOUR_MS);
  const [y, m, d] = utcToWallTime(startsAt, timeZone).slice(0, 10).split("-").map(Number);
  const day = new Date(Date.UTC(y, m - 1, d - amount)).toISOString().slice(0, 10);
  const due = wallTimeToUtc(`${day}T${String(hour).padStart(2, "0")}:00`, timeZone);
  if (!due) throw new RangeError(`Invalid reminder hour ${hour}`);
  return due;
}

/** The offset to send at `at`: of those already due before the start, the latest; null when none is. */
export function currentOffset(startsAt: Date, timeZone: string, schedule: ReminderSchedule, at: Date): ReminderOffset | null {
  if (at >= startsAt) return null;
  let current: { offset: ReminderOffset; due: Date } | null = null;
  for (const offset of schedule.offsets) {
    const due = reminderDueAt(startsAt, timeZone, offset, schedule.hour);
    if (due <= at && (!current || due > current.due)) current = { offset, due };
  }
  return current?.offset ?? null;
}

/** The event's own schedule, when it has a valid one. */
function ownSchedule(value: unknown): ReminderSchedule | null {
  if (value === null || value === undefined) return null;
  const parsed = reminderScheduleSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export interface ReminderRun {
  sent: number;
  /** Outbox rows written; hand them to the e-mail queue. */
  emailIds: string[];
}

/** Claims one registration's reminder for `offset` and queues it, atomically; null when someone else claimed it (or it no longer qualifies). */
async function remindOne(db: Db, event: MailEvent, registration: MailRegistration, offset: ReminderOffset): Promise<string | null> {
  return db.$transaction(async (tx) => {
    // A concurrent claim of the same row waits on the unique key, then inserts nothing.
    const claimed = await tx.$executeRaw`
      INSERT INTO "EventReminder" (id, "registrationId", "offsetKey", "sentAt")
      SELECT gen_random_uuid(), r.id, ${offset}, ${now()}
      FROM "Registration" r JOIN "Event" e ON e.id = r."eventId"
      WHERE r.id = ${registration.id}::uuid AND r.status = 'REGISTERED' AND e.status <> 'CANCELLED' AND e."reminderEnabled"
      ON CONFLICT ("registrationId", "offsetKey") DO NOTHING`;
    if (claimed !== 1) return null;
    return enqueueEmail(tx, {
      to: registration.email,
      locale: registration.locale,
      timeZone: event.timeZone,
      template: "eventReminder",
      props: participantMail(event, registration),
    });
  });
}

export async function sendDueReminders(db: Db): Promise<ReminderRun> {
  const at = now();
  const installation = await getReminderSchedule(db);
  const events = await db.event.findMany({
    where: {
      status: { not: "CANCELLED" },
      reminderEnabled: true,
      startsAt: { gt: at, lte: new Date(at.getTime() + LOOKAHEAD_MS) },
      registrations: { some: { status: "REGISTERED" } },
    },
    select: { ...mailEventSelect, reminderSchedule: true },
    orderBy: { startsAt: "asc" },
  });
  const run: ReminderRun = { sent: 0, emailIds: [] };
  for (const event of events) {
    const offset = currentOffset(event.startsAt, event.timeZone, ownSchedule(event.reminderSchedule) ?? installation, at);
    if (!offset) continue;
    const pending = await db.registration.findMany({
      where: { eventId: event.id, status: "REGISTERED", reminders: { none: { offsetKey: offset } } },
      select: mailRegistrationSelect,
      orderBy: { arrival: "asc" },
    });
    for (const registration of pending) {
      try {
        const id = await remindOne(db, event, registration, offset);
        if (id) run.emailIds.push(id);
      } catch (error) {
        // Rolled back, so still unclaimed: the next run tries again; the others go out now.
        console.error(`[reminders] could not queue the reminder of registration ${registration.id}`, error);
      }
    }
  }
  run.sent = run.emailIds.length;
  return run;
}
