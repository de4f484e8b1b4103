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
} as const;

/** Queues of earlier versions, deleted (with their jobs) at start-up. */
export const RETIRED_QUEUES = ["email.deliver", "email.sweep"];

export const queueOptions: Record<string, Omit<PgBoss.Queue, "name">> = {
  [QUEUES.emailWake]: { retryLimit: 0, policy: "short", expireInSeconds: 60 },
  [QUEUES.maintenance]: { retryLimit: 2, retryDelay: 60 },
  // Daily; each certificate is claimed under a row lock, so a retry or overlap issues nothing twice.
  [QUEUES.certificatesIssue]: { retryLimit: 2, retryDelay: 300, policy: "singleton", expireInSeconds: 3600 },
  // Hourly; each reminder is claimed in the database, so a retry or overlap sends nothing twice.
  [QUEUES.eventReminders]: { retryLimit: 2, retryDelay: 60, policy: "singleton" },
};
