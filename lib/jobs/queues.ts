// Every queue Portico uses, with its retry policy. Handlers live in worker.ts;
// later features add their queues here.
import type PgBoss from "pg-boss";

export const QUEUES = {
  // Wakes the e-mail senders of the worker processes. Never one job per
  // message: the outbox rows are the work, and "short" keeps at most one wake-up
  // queued whatever the backlog.
  emailWake: "email.wake",
  maintenance: "maintenance.daily",
  certificatesIssue: "certificates.issue",
  eventReminders: "events.reminders",
  eventHolds: "events.holds",
  // Builds a person's data export (one job per export; its data is the export's id only).
  privacyExport: "privacy.export",
  // Builds exports whose job was lost and fails those whose worker died.
  privacyExportResume: "privacy.export.resume",
} as const;

/** Queues of earlier versions, deleted (with their jobs) at start-up. */
const RETIRED_QUEUES = ["email.deliver", "email.sweep"];

const queueOptions: Record<string, Omit<PgBoss.Queue, "name">> = {
  [QUEUES.emailWake]: { retryLimit: 0, policy: "short", expireInSeconds: 60 },
  [QUEUES.maintenance]: { retryLimit: 2, retryDelay: 60 },
  // Daily; each certificate is claimed under a row lock, so a retry or overlap issues nothing twice.
  [QUEUES.certificatesIssue]: { retryLimit: 2, retryDelay: 300, policy: "singleton", expireInSeconds: 3600 },
  // Hourly; each reminder is claimed in the database, so a retry or overlap sends nothing twice.
  [QUEUES.eventReminders]: { retryLimit: 2, retryDelay: 60, policy: "singleton" },
  // Every minute; each hold or offer is ended under its event's lock, so an overlap ends nothing twice.
  [QUEUES.eventHolds]: { retryLimit: 1, retryDelay: 30, policy: "singleton", expireInSeconds: 300 },
  // The export is claimed in its row, so a retry never builds it twice; a failed one is asked for again.
  [QUEUES.privacyExport]: { retryLimit: 0, expireInSeconds: 3600 },
  [QUEUES.privacyExportResume]: { retryLimit: 0, policy: "singleton", expireInSeconds: 3600 },
};

/** Creates missing queues and deletes retired ones (with their schedule and jobs). */
export async function ensureQueues(boss: PgBoss) {
  for (const [name, opts] of Object.entries(queueOptions)) {
    if (!(await boss.getQueue(name))) await boss.createQueue(name, { name, ...opts });
  }
  // An earlier version held one job per message; its leftovers would only repeat work the sender does.
  // Its jobs go first: they reference the queue, and pg-boss only drops the queue's own partition.
  for (const name of RETIRED_QUEUES) {
    if (await boss.getQueue(name)) {
      const db = boss.getDb();
      await db.executeSql(`DELETE FROM pgboss.schedule WHERE name = $1`, [name]);
      await db.executeSql(`DELETE FROM pgboss.job WHERE name = $1`, [name]);
      await boss.deleteQueue(name);
    }
  }
}
