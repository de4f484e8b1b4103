import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DefaultAttendantWarning } from "@/components/tickets/settings/default-attendant-warning";
import { Card, PageHeader } from "@/components/ui/page-header";
import { adminStats, ticketStats } from "@/lib/admin/dashboard";
import { requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { defaultAttendantState } from "@/lib/tickets/settings/default-attendant";

export default async function AdminHome() {
  const actor = await requireStaff();
  const [t, tt, stats, tickets, attendantState] = await Promise.all([
    getTranslations("admin"),
    getTranslations("tickets.staff.dashboard"),
    adminStats(db),
    ticketStats(db, actor.userId),
    defaultAttendantState(db),
  ]);
  const tiles: { key: keyof typeof stats; href?: string }[] = [
    { key: "activeUsers", href: "/admin/users" },
    { key: "clients", href: "/admin/users?role=CLIENT" },
    { key: "customers", href: "/admin/customers" },
    { key: "emailsQueued", href: "/admin/outbox?status=QUEUED" },
    { key: "emailsFailed", href: "/admin/outbox?status=FAILED" },
    { key: "emailsSent", href: "/admin/outbox?status=SENT" },
  ];
  return (
    <>
      <PageHeader title={t("dashboardTitle")} />
      <DefaultAttendantWarning state={attendantState} />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {tiles.map(({ key, href }) => (
          <Card key={key}>
            <p className="text-sm text-slate-600">{t(`stats.${key}`)}</p>
            <p className="mt-1 text-3xl font-semibold" data-testid={`stat-${key}`}>
              {href ? <Link href={href}>{stats[key]}</Link> : stats[key]}
            </p>
          </Card>
        ))}
        <Card>
          <h2 className="text-sm text-slate-600">{tt("title")}</h2>
          <dl className="mt-1 grid grid-cols-2 gap-2">
            <div>
              <dt className="text-xs text-slate-600">{tt("awaitingStaff")}</dt>
              <dd className="text-3xl font-semibold" data-testid="stat-ticketsAwaitingStaff">
                <Link href="/admin/tickets?responsible=STAFF">{tickets.awaitingStaff}</Link>
              </dd>
            </div>
            <div>
              <dt className="text-xs text-slate-600">{tt("assignedToMe")}</dt>
              <dd className="text-3xl font-semibold" data-testid="stat-ticketsAssignedToMe">
                <Link href="/admin/tickets?assignee=mine">{tickets.assignedToMe}</Link>
              </dd>
            </div>
          </dl>
        </Card>
      </div>
    </>
  );
}
