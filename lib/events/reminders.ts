// The day-before reminder (sent on the eve of the event): the
// hourly job "events.reminders" e-mails REGISTERED participants of events that
// are not cancelled and did not opt out, at its first run at or after
// EVENT_REMINDER_HOUR (default 9) on the calendar day before the start, both read
// in the event's time zone. An event created after that moment gets its reminder
// at the next run before it starts. Sent once per registration: each one is
// claimed (reminderSentAt, conditional update) in the transaction that queues its
// e-mail, so a second run, a concurrent run or a crash midway never repeats one.
// No "server-only" marker: the standalone worker (tsx lib/jobs/worker-main.ts) imports this.
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/outbox";
import { mailEventSelect, mailRegistrationSelect, participantMail, type MailEvent, type MailRegistration } from "./participant-mail";
import { utcToWallTime, wallTimeToUtc } from "./zoned-time";

const DEFAULT_REMINDER_HOUR = 9;
// The day before at 00:00 to a start at 23:59 is under 48 h, plus a DST shift.
const LOOKAHEAD_MS = 50 * 60 * 60 * 1000;

/** EVENT_REMINDER_HOUR as a whole hour 0-23; the default for blank or invalid values. */
export function reminderHour(value = process.env.EVENT_REMINDER_HOUR): number {
  const hour = Number(value);
  return value?.trim() && Number.isInteger(hour) && hour >= 0 && hour <= 23 ? hour : DEFAULT_REMINDER_HOUR;
}

/** `hour`:00 on the calendar day before the start, in the event's time zone, as an instant. */
export function reminderDueAt(startsAt: Date, timeZone: string, hour: number): Date {
  const [y, m, d] = utcToWallTime(startsAt, timeZone).slice(0, 10).split("-").map(Number);
  const dayBefore = new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
  const due = wallTimeToUtc(`${dayBefore}T${String(hour).padStart(2, "0")}:00`, timeZone);
  if (!due) throw new RangeError(`Invalid reminder hour ${hour}`);
  return due;
}

export interface ReminderRun {
  sent: number;
  /** Outbox rows written; hand them to the e-mail queue. */
  emailIds: string[];
}

/** Claims one registration and queues its reminder, atomically; null when someone else claimed it (or it no longer qualifies). */
async function remindOne(db: Db, event: MailEvent, registration: MailRegistration): Promise<string | null> {
  return db.$transaction(async (tx) => {
    const claimed = await tx.$executeRaw`
      UPDATE "Registration" r SET "reminderSentAt" = ${now()}, "updatedAt" = ${now()}
      WHERE r.id = ${registration.id}::uuid AND r."reminderSentAt" IS NULL AND r.status = 'REGISTERED'
        AND EXISTS (SELECT 1 FROM "Event" e WHERE e.id = r."eventId" AND e.status <> 'CANCELLED' AND e."reminderEnabled")`;
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

export async function sendDueReminders(db: Db, options: { hour?: number } = {}): Promise<ReminderRun> {
  const hour = options.hour ?? reminderHour();
  const at = now();
  const events = await db.event.findMany({
    where: {
      status: { not: "CANCELLED" },
      reminderEnabled: true,
      startsAt: { gt: at, lte: new Date(at.getTime() + LOOKAHEAD_MS) },
      registrations: { some: { status: "REGISTERED", reminderSentAt: null } },
    },
    select: mailEventSelect,
    orderBy: { startsAt: "asc" },
  });
  const run: ReminderRun = { sent: 0, emailIds: [] };
  for (const event of events) {
    if (at < reminderDueAt(event.startsAt, event.timeZone, hour)) continue;
    const pending = await db.registration.findMany({
      where: { eventId: event.id, status: "REGISTERED", reminderSentAt: null },
      select: mailRegistrationSelect,
      orderBy: { arrival: "asc" },
    });
    for (const registration of pending) {
      try {
        const id = await remindOne(db, event, registration);
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
