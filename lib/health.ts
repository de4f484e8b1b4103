// /api/health: is the database answering, and is the job queue up? 200 or 503.
import { getDatabase } from "@/lib/db/client";
import { currentJobs } from "@/lib/jobs/worker";

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

export async function checkDatabase(): Promise<Check & { backend: string }> {
  const database = getDatabase();
  try {
    await withTimeout(database.sql.query("SELECT 1"), 3000);
    return { ok: true, backend: database.target.kind };
  } catch (error) {
    return { ok: false, backend: database.target.kind, detail: error instanceof Error ? error.message : "unreachable" };
  }
}

export async function checkQueue(): Promise<Check & { worker?: boolean }> {
  const jobs = currentJobs();
  if (!jobs) return { ok: false, detail: "not started" };
  try {
    const { boss, working } = await withTimeout(jobs, 3000);
    await withTimeout(boss.getQueue("email.deliver"), 3000);
    return { ok: true, worker: working };
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : "unavailable" };
  }
}

export async function healthReport() {
  const [database, queue] = await Promise.all([checkDatabase(), checkQueue()]);
  return { ok: database.ok && queue.ok, database, queue };
}
