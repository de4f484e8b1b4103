// Starts pg-boss for this process: always as a producer (so actions can queue
// work), and as the worker unless PORTICO_WORKER=off (when a separate
// `npm run worker` process does the work; PostgreSQL only).
import type PgBoss from "pg-boss";
import type { Database } from "@/lib/db/client";
import { deliverEmail, getTransport, type EmailTransport } from "@/lib/email";
import { issueCertificates } from "@/lib/events/certificates/issue";
import { sendDueReminders } from "@/lib/events/reminders";
import { purgeRateLimits } from "@/lib/security/rate-limit";
import { getStorage } from "@/lib/storage";
import { createBoss } from "./boss";
import { EMAIL_MAX_ATTEMPTS, QUEUES, queueOptions } from "./queues";
import { dailyAt, ensureSchedules } from "./schedule";
import { sweepOutbox } from "./outbox-sweep";

export interface Jobs {
  boss: PgBoss;
  working: boolean;
}

const globalForJobs = globalThis as unknown as { porticoJobs?: Promise<Jobs> };

export async function startJobs(database: Database, options: { work: boolean; transport?: EmailTransport; pollingIntervalSeconds?: number }): Promise<Jobs> {
  const boss = createBoss(database, { supervise: options.work, schedule: options.work });
  await boss.start();
  for (const [name, opts] of Object.entries(queueOptions)) {
    if (!(await boss.getQueue(name))) await boss.createQueue(name, { name, ...opts });
  }
  if (options.work) {
    const transport = options.transport ?? getTransport();
    const polling = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 };
    await boss.work<{ id: string }>(QUEUES.emailDeliver, { ...polling, batchSize: 1 }, async ([job]) => {
      await deliverEmail(database.prisma, job.data.id, transport, { maxAttempts: EMAIL_MAX_ATTEMPTS });
    });
    await boss.work(QUEUES.emailSweep, polling, async () => {
      await sweepOutbox(database.prisma, boss);
    });
    await boss.work(QUEUES.maintenance, polling, async () => {
      await purgeRateLimits(database.prisma);
    });
    await boss.work(QUEUES.eventReminders, polling, async () => {
      const { emailIds } = await sendDueReminders(database.prisma);
      for (const id of emailIds) await boss.send(QUEUES.emailDeliver, { id }, { singletonKey: id });
    });
    await boss.work(QUEUES.certificatesIssue, polling, async () => {
      const { emailIds } = await issueCertificates(database.prisma, { storage: getStorage() });
      for (const id of emailIds) await boss.send(QUEUES.emailDeliver, { id }, { singletonKey: id });
    });
    await ensureSchedules(boss, [
      { queue: QUEUES.emailSweep, cron: "* * * * *" },
      { queue: QUEUES.maintenance, cron: dailyAt(3) },
      { queue: QUEUES.certificatesIssue, cron: dailyAt(2) },
      { queue: QUEUES.eventReminders, cron: "0 * * * *" },
    ]);
  }
  return { boss, working: options.work };
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
  await jobs.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
}
