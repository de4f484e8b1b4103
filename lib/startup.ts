// Process start-up shared by the web app (instrumentation.ts) and the
// standalone worker: migrate under the advisory lock, then start jobs.
import type { Database } from "@/lib/db/client";
import { getDatabase, withMigrationDriver } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { createBoss } from "@/lib/jobs/boss";
import { ensureQueues } from "@/lib/jobs/queues";
import { processJobs, startJobs } from "@/lib/jobs/worker";

export async function startApp(options: { forceWorker?: boolean } = {}) {
  const database = getDatabase();
  const result = await withMigrationDriver(database, (sql) => migrate(sql, { log: (line) => console.log(`[migrate] ${line}`) }));
  if (result.applied.length) console.log(`[migrate] ${result.applied.length} migration(s) applied`);
  await prepareJobQueues(database);
  const work = options.forceWorker || database.target.kind === "pglite" || process.env.PORTICO_WORKER !== "off";
  await processJobs(() => startJobs(database, { work }));
  console.log(`[startup] database: ${database.target.kind}; job worker: ${work ? "in this process" : "external"}`);
}

// Each lost race leaves one more thing in place (the schema, a queue): enough for all of them.
const ATTEMPTS = 10;

/**
 * pg-boss creates (or upgrades) its schema on its first start, and each queue
 * (a partition of its job table) on first use. Processes starting together on
 * a new database race there: pg-boss tolerates a lost race only when
 * PostgreSQL says "already exists", while the schema can also fail with a
 * unique violation on the catalog and two processes creating the same queue
 * deadlock. A web instance whose start-up fails stays up but serves nothing, so
 * the schema and the queues are put in place here first, by a throw-away
 * pg-boss, and again after a lost race (by then the winner's work is
 * committed and is found in place). PostgreSQL only: the embedded database has
 * one process.
 */
async function prepareJobQueues(database: Database): Promise<void> {
  if (database.target.kind !== "postgres") return;
  for (let attempt = 1; ; attempt++) {
    const boss = createBoss(database, { supervise: false, schedule: false, max: 1 });
    try {
      await boss.start();
      await ensureQueues(boss);
      return;
    } catch (error) {
      if (attempt >= ATTEMPTS || !lostRace(error)) throw error;
      console.log(`[startup] another process was creating the job queues; trying again (${attempt}/${ATTEMPTS - 1})`);
      await new Promise((resolve) => setTimeout(resolve, Math.min(100 * attempt, 500) + Math.random() * 200));
    } finally {
      await boss.stop({ graceful: false, close: true }).catch(() => {});
    }
  }
}

/** Unique violation, deadlock, duplicate schema / table / object. */
function lostRace(error: unknown): boolean {
  const e = error as { code?: string; message?: string } | null;
  return ["23505", "40P01", "42P06", "42P07", "42710"].includes(e?.code ?? "") || /already exists/.test(e?.message ?? "");
}
