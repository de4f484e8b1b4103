// Process start-up shared by the web app (instrumentation.ts) and the
// standalone worker: migrate under the advisory lock, then start jobs.
import { getDatabase, withMigrationDriver } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { processJobs, startJobs } from "@/lib/jobs/worker";

export async function startApp(options: { forceWorker?: boolean } = {}) {
  const database = getDatabase();
  const result = await withMigrationDriver(database, (sql) => migrate(sql, { log: (line) => console.log(`[migrate] ${line}`) }));
  if (result.applied.length) console.log(`[migrate] ${result.applied.length} migration(s) applied`);
  const work = options.forceWorker || database.target.kind === "pglite" || process.env.PORTICO_WORKER !== "off";
  await processJobs(() => startJobs(database, { work }));
  console.log(`[startup] database: ${database.target.kind}; job worker: ${work ? "in this process" : "external"}`);
}
