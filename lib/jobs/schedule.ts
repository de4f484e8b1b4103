// A small cron helper for recurring work (reminders, certificates, sweeps):
// pg-boss stores schedules in the database, so with several instances each
// tick still runs once.
import type PgBoss from "pg-boss";

export interface Recurring {
  queue: string;
  /** Five-field cron expression, e.g. "0 3 * * *". */
  cron: string;
  /** IANA time zone the cron expression is read in. */
  tz?: string;
  data?: object;
}

export async function ensureSchedules(boss: PgBoss, recurring: Recurring[]): Promise<void> {
  for (const r of recurring) await boss.schedule(r.queue, r.cron, r.data ?? {}, { tz: r.tz ?? "UTC" });
}

/** "Every day at HH:MM" in a time zone, as cron. */
export function dailyAt(hour: number, minute = 0): string {
  if (!Number.isInteger(hour) || hour < 0 || hour > 23 || !Number.isInteger(minute) || minute < 0 || minute > 59) {
    throw new RangeError(`Invalid time ${hour}:${minute}`);
  }
  return `${minute} ${hour} * * *`;
}
