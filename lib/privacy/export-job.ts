// Hands a recorded export to the workers, after the request committed. The
// job carries only the export's id: the person's identifiers stay in the
// export row, which an erasure clears.
import { QUEUES } from "@/lib/jobs/queues";
import { currentJobs } from "@/lib/jobs/worker";

export async function queuePersonExport(exportId: string): Promise<void> {
  const jobs = currentJobs();
  if (!jobs) throw new Error("background jobs are not running in this process");
  const { boss } = await jobs;
  await boss.send(QUEUES.privacyExport, { exportId });
}
