// The outbox's safety net: the app queues a delivery job right after the
// transaction that wrote the e-mail commits; if the process died in between,
// this minutely sweep finds the message still untouched and queues it.
import type PgBoss from "pg-boss";
import type { DbOrTx } from "@/lib/db";
import { now } from "@/lib/clock";
import { QUEUES } from "./queues";

export async function sweepOutbox(db: DbOrTx, boss: PgBoss, graceMs = 60_000): Promise<number> {
  const stale = await db.emailMessage.findMany({
    where: { status: "QUEUED", attempts: 0, createdAt: { lt: new Date(now().getTime() - graceMs) } },
    select: { id: true },
    orderBy: { createdAt: "asc" },
    take: 500,
  });
  for (const { id } of stale) await boss.send(QUEUES.emailDeliver, { id }, { singletonKey: id });
  return stale.length;
}
