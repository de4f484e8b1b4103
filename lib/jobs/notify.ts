// Called after a transaction that wrote e-mails has committed: wake a sender
// now instead of at its next poll. In a process that sends, that is a function
// call; otherwise (a web instance with PORTICO_WORKER=off) one pg-boss job that
// any worker process picks up — at most one is ever queued. Never fails the
// request: the rows are already safe in the outbox, and senders poll anyway.
import { QUEUES } from "./queues";
import { currentJobs } from "./worker";

export async function notifyOutbox(ids: (string | undefined)[]): Promise<void> {
  const jobs = currentJobs();
  if (!jobs || !ids.some(Boolean)) return;
  try {
    const { boss, sender } = await jobs;
    if (sender) sender.wake();
    else await boss.send(QUEUES.emailWake, {});
  } catch (error) {
    console.error("[jobs] could not wake the e-mail sender; it will find the mail at its next poll", error);
  }
}
