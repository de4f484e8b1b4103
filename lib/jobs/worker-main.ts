// npm run worker: the job worker on its own (PostgreSQL deployments, with the
// app started with PORTICO_WORKER=off). The embedded database cannot be shared
// between processes, so there the worker always runs inside the app.
// Plain Node with tsx's loader (`node --import tsx`, one process, so signals
// reach it directly: tsx's own CLI relays them and kills a child that is busy
// when they arrive). Nothing it imports may need Next.js;
// scripts/check-worker-imports.mjs, part of `npm run lint`, keeps it so.
// SIGTERM or SIGINT stops it gracefully (claims in hand finished, pg-boss
// stopped, connections closed) with exit code 0.
import { getDatabase, closeDatabase } from "@/lib/db/client";
import { resolveDatabaseTarget } from "@/lib/db/connection";
import { startApp } from "@/lib/startup";
import { currentJobs, stopJobs } from "./worker";

/** A stop that takes longer than this (a stuck send) ends the process anyway, with exit code 1. */
const STOP_DEADLINE_MS = 60_000;

let stopping: Promise<void> | undefined;

function shutdown(signal: NodeJS.Signals) {
  if (stopping) {
    console.log(`[worker] ${signal} received; already stopping`);
    return;
  }
  console.log(`[worker] ${signal} received; stopping`);
  setTimeout(() => {
    console.error(`[worker] not stopped after ${STOP_DEADLINE_MS / 1000} s; exiting`);
    process.exit(1);
  }, STOP_DEADLINE_MS).unref();
  stopping = (async () => {
    const jobs = await currentJobs()?.catch(() => undefined);
    if (jobs) await stopJobs(jobs);
    await closeDatabase(getDatabase());
  })().then(
    () => {
      console.log("[worker] stopped");
      process.exit(0);
    },
    (error: unknown) => {
      console.error("[worker] could not stop cleanly", error);
      process.exit(1);
    },
  );
}
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);

if (resolveDatabaseTarget().kind === "pglite") {
  console.warn("Note: with the embedded database the worker must not run while the app runs (they would share one data directory).");
}
try {
  await startApp({ forceWorker: true });
} catch (error) {
  if (stopping) await stopping; // a signal during start-up: the stop decides the exit code
  console.error("[worker] could not start", error);
  process.exit(1);
}
if (!stopping) console.log(`[worker] running (pid ${process.pid}); send SIGTERM or press Ctrl+C to stop`);
