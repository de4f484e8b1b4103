// Called after a transaction that wrote e-mails has committed: queue their
// delivery now instead of waiting for the sweep. Never fails the request: the
// rows are already safe in the outbox.
import { currentJobs } from "./worker";
import { QUEUES } from "./queues";

export async function notifyOutbox(ids: (string | undefined)[]): Promise<void> {
  const jobs = currentJobs();
  if (!jobs) return;
  try {
    const { boss } = await jobs;
    for (const id of ids) if (id) await boss.send(QUEUES.emailDeliver, { id }, { singletonKey: id });
  } catch (error) {
    console.error("[jobs] could not queue e-mail delivery; the outbox sweep will", error);
  }
}
