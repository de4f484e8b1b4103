// Called after a transaction that wrote e-mails has committed: wake a sender
// now instead of at its next poll. In a process that sends, that is a function
// call; otherwise (a web instance with PORTICO_WORKER=off) a pg-boss job that
// any worker process picks up. Under a burst of sign-ups one such job per
// request would cost each request a database round trip for nothing (a woken
// sender takes every due row at once), so a web instance sends at most one per
// WAKE_INTERVAL_MS: the first at once, later ones folded into a single trailing
// job at the end of the interval. Never fails the request: the rows are
// already safe in the outbox, and senders poll anyway.
import { QUEUES } from "./queues";
import { currentJobs } from "./worker";

const WAKE_INTERVAL_MS = 200;
let lastWakeAt = Number.NEGATIVE_INFINITY;
let trailingWake: ReturnType<typeof setTimeout> | null = null;

export async function notifyOutbox(ids: (string | undefined)[]): Promise<void> {
  const jobs = currentJobs();
  if (!jobs || !ids.some(Boolean)) return;
  try {
    const { boss, sender } = await jobs;
    if (sender) return sender.wake();
    const sendWake = async () => {
      lastWakeAt = Date.now();
      await boss.send(QUEUES.emailWake, {});
    };
    const wait = lastWakeAt + WAKE_INTERVAL_MS - Date.now();
    if (wait <= 0) return await sendWake();
    trailingWake ??= setTimeout(() => {
      trailingWake = null;
      sendWake().catch(logWakeFailure);
    }, wait);
  } catch (error) {
    logWakeFailure(error);
  }
}

function logWakeFailure(error: unknown) {
  console.error("[jobs] could not wake the e-mail sender; it will find the mail at its next poll", error);
}
