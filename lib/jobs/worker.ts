// Starts pg-boss for this process: always as a producer (so actions can queue
// work), and as the worker unless PORTICO_WORKER=off (when separate
// `npm run worker` processes do the work; PostgreSQL only). A worker runs the
// e-mail sender (sender-loop.ts) and the scheduled jobs.
import type PgBoss from "pg-boss";
import type { Database } from "@/lib/db/client";
import { getTransport, type EmailTransport } from "@/lib/email/transport";
import { SenderLoop, type SenderLoopOptions } from "@/lib/email/sender-loop";
import { issueCertificates } from "@/lib/events/certificates/issue";
import { expireHoldsAndOffers } from "@/lib/events/holds";
import { sendDueReminders } from "@/lib/events/reminders";
import { buildPersonExport, resumeStalledExports } from "@/lib/privacy/export";
import { runScheduledRetention } from "@/lib/privacy/retention";
import { purgeRateLimits } from "@/lib/security/rate-limit";
import { getStorage } from "@/lib/storage";
import { createBoss } from "./boss";
import { ensureQueues, QUEUES } from "./queues";
import { dailyAt, ensureSchedules } from "./schedule";

export interface Jobs {
  boss: PgBoss;
  working: boolean;
  /** This process's e-mail sender, when it is a worker. */
  sender: SenderLoop | null;
}

export interface StartJobsOptions {
  work: boolean;
  transport?: EmailTransport;
  /** pg-boss's polling for the scheduled queues (default 2 s). */
  pollingIntervalSeconds?: number;
  sender?: SenderLoopOptions;
}

const globalForJobs = globalThis as unknown as { porticoJobs?: Promise<Jobs> };

export async function startJobs(database: Database, options: StartJobsOptions): Promise<Jobs> {
  const boss = createBoss(database, { supervise: options.work, schedule: options.work });
  await boss.start();
  await ensureQueues(boss);
  if (!options.work) return { boss, working: false, sender: null };

  const sender = new SenderLoop(database.sql, options.transport ?? getTransport(), { ...senderOptionsFromEnv(), ...options.sender });
  sender.start();
  const polling = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 };
  await boss.work(QUEUES.emailWake, { pollingIntervalSeconds: 0.5 }, async () => sender.wake());
  await boss.work(QUEUES.maintenance, polling, async () => {
    await purgeRateLimits(database.prisma);
    // The retention periods, once an admin has turned their daily application on.
    await runScheduledRetention(database.prisma, getStorage());
  });
  await boss.work(QUEUES.eventReminders, polling, async () => {
    const { emailIds } = await sendDueReminders(database.prisma);
    if (emailIds.length) sender.wake();
  });
  await boss.work(QUEUES.eventHolds, polling, async () => {
    const { emailIds } = await expireHoldsAndOffers(database.prisma);
    if (emailIds.length) sender.wake();
  });
  await boss.work(QUEUES.certificatesIssue, polling, async () => {
    const { emailIds } = await issueCertificates(database.prisma, { storage: getStorage() });
    if (emailIds.length) sender.wake();
  });
  await boss.work<{ exportId: string }>(QUEUES.privacyExport, polling, async (jobs) => {
    for (const job of jobs) await buildPersonExport(database.prisma, getStorage(), job.data.exportId);
  });
  await boss.work(QUEUES.privacyExportResume, polling, async () => {
    await resumeStalledExports(database.prisma, getStorage());
  });
  await ensureSchedules(boss, [
    { queue: QUEUES.maintenance, cron: dailyAt(3) },
    { queue: QUEUES.certificatesIssue, cron: dailyAt(2) },
    // Every quarter of an hour, so a reminder "1 hour before" goes out 45 to 60 minutes before.
    { queue: QUEUES.eventReminders, cron: "*/15 * * * *" },
    // Held places and seat offers end within a minute of their deadline.
    { queue: QUEUES.eventHolds, cron: "* * * * *" },
    { queue: QUEUES.privacyExportResume, cron: "*/5 * * * *" },
  ]);
  return { boss, working: true, sender };
}

/** EMAIL_CLAIM_LEASE_SECONDS, EMAIL_POLL_MS: tuning for the sender, rarely needed. */
function senderOptionsFromEnv(env: Record<string, string | undefined> = process.env): SenderLoopOptions {
  const positive = (name: string) => {
    const value = Number(env[name]);
    return env[name]?.trim() && Number.isFinite(value) && value > 0 ? value : undefined;
  };
  const lease = positive("EMAIL_CLAIM_LEASE_SECONDS");
  return { ...(lease ? { leaseMs: lease * 1000 } : {}), ...(positive("EMAIL_POLL_MS") ? { pollMs: positive("EMAIL_POLL_MS") } : {}) };
}

/** The process's jobs, started once (by instrumentation.ts or the worker script). */
export function processJobs(start: () => Promise<Jobs>): Promise<Jobs> {
  globalForJobs.porticoJobs ??= start().catch((error) => {
    delete globalForJobs.porticoJobs;
    throw error;
  });
  return globalForJobs.porticoJobs;
}

export function currentJobs(): Promise<Jobs> | undefined {
  return globalForJobs.porticoJobs;
}

export async function stopJobs(jobs: Jobs): Promise<void> {
  await jobs.sender?.stop();
  await jobs.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
}
