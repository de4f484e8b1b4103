// Figures for the staff dashboard: counts only, all in parallel, each backed by an index.
import type { DbOrTx } from "@/lib/db";
import { now } from "@/lib/clock";

export async function adminStats(db: DbOrTx) {
  const weekAgo = new Date(now().getTime() - 7 * 24 * 3600 * 1000);
  const [activeUsers, clients, customers, emailsQueued, emailsFailed, emailsSent] = await Promise.all([
    db.user.count({ where: { active: true } }),
    db.user.count({ where: { active: true, role: "CLIENT" } }),
    db.customer.count({ where: { active: true } }),
    db.emailMessage.count({ where: { status: { in: ["QUEUED", "SENDING"] } } }),
    db.emailMessage.count({ where: { status: "FAILED" } }),
    db.emailMessage.count({ where: { status: "SENT", createdAt: { gte: weekAgo } } }),
  ]);
  return { activeUsers, clients, customers, emailsQueued, emailsFailed, emailsSent };
}
