// /api/health: is the database answering, and is the job queue up? 200 or 503.
import { QUEUES } from "@/lib/jobs/queues";
import { getDatabase, type Database } from "@/lib/db/client";
import { currentJobs, type Jobs } from "@/lib/jobs/worker";

interface Check {
  ok: boolean;
  detail?: string;
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function checkDatabase(database: Database): Promise<Check & { backend: string }> {
  try {
    await withTimeout(database.sql.query("SELECT 1"), 3000);
    return { ok: true, backend: database.target.kind };
  } catch (error) {
    return { ok: false, backend: database.target.kind, detail: error instanceof Error ? error.message : "unreachable" };
  }
}

async function checkQueue(jobs: Promise<Jobs> | undefined): Promise<Check & { worker?: boolean }> {
  if (!jobs) return { ok: false, detail: "not started" };
  try {
    const { boss, working } = await withTimeout(jobs, 3000);
    await withTimeout(boss.getQueue(QUEUES.emailWake), 3000);
    return { ok: true, worker: working };
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : "unavailable" };
  }
}

export async function healthReport(db: Database = getDatabase(), jobs: Promise<Jobs> | undefined = currentJobs()) {
  const [database, queue] = await Promise.all([checkDatabase(db), checkQueue(jobs)]);
  return { ok: database.ok && queue.ok, database, queue };
}
