import Link from "next/link";
import type { ReactNode } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/page-header";
import { requireClient } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { portalDashboard, type DashboardTicket } from "@/lib/portal-dashboard";

// The client's home: what waits for them (tickets on their turn, understandings
// to approve or reject, upcoming events with the way in, open contacts), each
// with a count, the first few and a link to the full list.
export default async function PortalHome() {
  const actor = await requireClient();
  const [t, tk, format, dashboard] = await Promise.all([
    getTranslations("portal"),
    getTranslations("customerKinds"),
    getFormatter(),
    portalDashboard(db, actor),
  ]);
  const customers = dashboard.customers;
  const when = (d: Date, timeZone?: string) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short", ...(timeZone ? { timeZone } : {}) });
  const ticketRow = (r: DashboardTicket) => (
    <li key={r.id} className="py-2">
      <Link href={`/portal/tickets/${r.number}`} className="text-indigo-700 underline">
        #{r.number} · {r.subject}
      </Link>
      <span className="block text-xs text-slate-600">
        {r.customer?.name ? `${r.customer.name} · ` : ""}
        {t("dashboard.updated", { when: when(r.updatedAt) })}
      </span>
    </li>
  );
  return (
    <>
      <PageHeader title={t("welcome", { name: actor.name })} description={t("dashboardIntro")} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Section
          id="your-turn"
          title={t("dashboard.yourTurn")}
          count={dashboard.yourTurn.count}
          href="/portal/tickets?filter=mine"
          linkLabel={t("dashboard.allYourTurn")}
          empty={t("dashboard.noYourTurn")}
        >
          {dashboard.yourTurn.rows.map(ticketRow)}
        </Section>
        <Section
          id="decisions"
          title={t("dashboard.decisions")}
          count={dashboard.decisions.count}
          href="/portal/tickets?filter=mine"
          linkLabel={t("dashboard.allDecisions")}
          empty={t("dashboard.noDecisions")}
        >
          {dashboard.decisions.rows.map(ticketRow)}
        </Section>
        <Section
          id="events"
          title={t("dashboard.events")}
          count={dashboard.events.count}
          href="/portal/events?view=mine"
          linkLabel={t("dashboard.allEvents")}
          empty={t("dashboard.noEvents")}
        >
          {dashboard.events.rows.map((e) => (
            <li key={e.registrationId} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span>
                <Link href={`/portal/events/${e.number}`} className="text-indigo-700 underline">
                  {e.name}
                </Link>
                <span className="block text-xs text-slate-600">{when(e.startsAt, e.timeZone)}</span>
              </span>
              <span className="flex items-center gap-2">
                {e.status === "RESERVE" ? <Badge tone="amber">{t("dashboard.reserve")}</Badge> : null}
                {e.canJoin ? (
                  // A plain link: prefetching the join page would record attendance.
                  <a href={`/portal/events/${e.number}/join`} className={buttonClass("primary")} aria-label={t("dashboard.joinEvent", { name: e.name })}>
                    {t("dashboard.join")}
                  </a>
                ) : null}
              </span>
            </li>
          ))}
        </Section>
        {dashboard.contacts ? (
          <Section
            id="contacts"
            title={t("dashboard.contacts")}
            count={dashboard.contacts.count}
            href="/portal/contact?status=OPEN"
            linkLabel={t("dashboard.allContacts")}
            empty={t("dashboard.noContacts")}
          >
            {dashboard.contacts.rows.map((c) => (
              <li key={c.id} className="py-2">
                <Link href={`/portal/contact/${c.number}`} className="text-indigo-700 underline">
                  #{c.number} · {c.classificationName}
                </Link>
                <span className="block text-xs text-slate-600">
                  {c.customer.name} · {t("dashboard.updated", { when: when(c.updatedAt) })}
                </span>
              </li>
            ))}
          </Section>
        ) : null}
      </div>
      <Card className="mt-6">
        <h2 className="mb-3 text-lg font-medium">{t("yourCustomers")}</h2>
        {customers.length === 0 ? (
          <p className="text-sm text-slate-600">{t("noCustomers")}</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {customers.map((c) => (
              <li key={c.id} className="flex items-center justify-between py-2">
                <span>{c.name}</span>
                <span className="flex gap-2">
                  <Badge tone="blue">{tk(c.kind)}</Badge>
                  <Badge>{c.via === "contact" ? t("viaContact") : t("direct")}</Badge>
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}

/** One dashboard section: heading with its count, the rows or a friendly empty state, and the full list's link. */
function Section({
  id,
  title,
  count,
  href,
  linkLabel,
  empty,
  children,
}: {
  id: string;
  title: string;
  count: number;
  href: string;
  linkLabel: string;
  empty: string;
  children: ReactNode[];
}) {
  return (
    <Card>
      <section aria-labelledby={`${id}-title`}>
        <div className="mb-2 flex items-center justify-between gap-2">
          <h2 id={`${id}-title`} className="text-lg font-medium">
            {title} <Badge tone={count > 0 ? "blue" : "gray"}>{count}</Badge>
          </h2>
          <Link href={href} className="text-sm text-indigo-700 underline">
            {linkLabel}
          </Link>
        </div>
        {children.length === 0 ? <p className="text-sm text-slate-600">{empty}</p> : <ul className="divide-y divide-slate-100">{children}</ul>}
      </section>
    </Card>
  );
}
