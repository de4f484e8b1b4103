// npm run worker: the job worker on its own (PostgreSQL deployments, with the
// app started with PORTICO_WORKER=off). The embedded database cannot be shared
// between processes, so there the worker always runs inside the app.
import { getDatabase, closeDatabase } from "@/lib/db/client";
import { resolveDatabaseTarget } from "@/lib/db/connection";
import { startApp } from "@/lib/startup";
import { currentJobs, stopJobs } from "./worker";

if (resolveDatabaseTarget().kind === "pglite") {
  console.warn("Note: with the embedded database the worker must not run while the app runs (they would share one data directory).");
}
await startApp({ forceWorker: true });
console.log("[worker] running; Ctrl+C to stop");

async function shutdown() {
  const jobs = await currentJobs();
  if (jobs) await stopJobs(jobs);
  await closeDatabase(getDatabase());
  process.exit(0);
}
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
