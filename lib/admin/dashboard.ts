// Figures for the staff dashboard: counts only, all in parallel, each backed by an index.
import type { DbOrTx } from "@/lib/db";
import { now } from "@/lib/clock";
import { StageResponsible, TicketStatus } from "@/lib/generated/prisma/enums";

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

/**
 * The dashboard's tickets tile: open tickets waiting on staff, and open tickets
 * assigned to this user, in one grouped query over the open ones that match either.
 */
export async function ticketStats(db: DbOrTx, userId: string) {
  const groups = await db.ticket.groupBy({
    by: ["responsible", "assigneeId"],
    where: { status: TicketStatus.OPEN, OR: [{ responsible: StageResponsible.STAFF }, { assigneeId: userId }] },
    _count: { _all: true },
  });
  let awaitingStaff = 0;
  let assignedToMe = 0;
  for (const g of groups) {
    if (g.responsible === StageResponsible.STAFF) awaitingStaff += g._count._all;
    if (g.assigneeId === userId) assignedToMe += g._count._all;
  }
  return { awaitingStaff, assignedToMe };
}
