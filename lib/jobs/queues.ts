// Every queue Portico uses, with its retry policy. Handlers live in worker.ts;
// later features add their queues here.
import type PgBoss from "pg-boss";

export const QUEUES = {
  emailDeliver: "email.deliver",
  emailSweep: "email.sweep",
  maintenance: "maintenance.daily",
  certificatesIssue: "certificates.issue",
  eventReminders: "events.reminders",
} as const;

export const EMAIL_MAX_ATTEMPTS = 5;

export const queueOptions: Record<string, Omit<PgBoss.Queue, "name">> = {
  // Retries with exponential backoff (pg-boss doubles retryDelay each time).
  // A sender that dies mid-send leaves its row SENDING; deliverEmail treats it
  // as crashed after DEFAULT_STALE_AFTER_MS (10 min) and the sweep re-queues it.
  [QUEUES.emailDeliver]: { retryLimit: EMAIL_MAX_ATTEMPTS - 1, retryDelay: 5, retryBackoff: true, expireInSeconds: 120 },
  [QUEUES.emailSweep]: { retryLimit: 0, policy: "singleton" },
  [QUEUES.maintenance]: { retryLimit: 2, retryDelay: 60 },
  // Daily; each certificate is claimed under a row lock, so a retry or overlap issues nothing twice.
  [QUEUES.certificatesIssue]: { retryLimit: 2, retryDelay: 300, policy: "singleton", expireInSeconds: 3600 },
  // Hourly; each reminder is claimed in the database, so a retry or overlap sends nothing twice.
  [QUEUES.eventReminders]: { retryLimit: 2, retryDelay: 60, policy: "singleton" },
};
