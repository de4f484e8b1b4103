// The outbox's safety net: the app queues a delivery job right after the
// transaction that wrote the e-mail commits; if the process died in between, or
// a sender crashed mid-send, this minutely sweep finds the row and queues it.
import type PgBoss from "pg-boss";
import type { DbOrTx } from "@/lib/db";
import { dueEmailIds } from "@/lib/email";
import { QUEUES } from "./queues";

export async function sweepOutbox(db: DbOrTx, boss: PgBoss, minAgeMs = 60_000): Promise<number> {
  // Older than the longest retry backoff, so rows waiting for a retry are left to it.
  const ids = await dueEmailIds(db, { minAgeMs, limit: 500 });
  for (const id of ids) await boss.send(QUEUES.emailDeliver, { id }, { singletonKey: id });
  return ids.length;
}
