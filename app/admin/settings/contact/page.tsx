import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ModuleForm } from "@/components/contacts/module-form";
import { ActiveBadge } from "@/components/ui/active-badge";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { Card, PageHeader } from "@/components/ui/page-header";
import { isAdmin } from "@/lib/auth/actor";
import { requireStaff } from "@/lib/auth/session";
import { listContactSettings } from "@/lib/contacts/settings";
import { db } from "@/lib/db";
import type { ContactModule } from "@/lib/generated/prisma/enums";
import type { SearchParams } from "@/lib/pagination";
import { SettingsNotices } from "./notices";

export async function generateMetadata() {
  return { title: (await getTranslations("contacts.settings"))("title") };
}

const BASE = "/admin/settings/contact";

export default async function ContactSettingsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireStaff();
  const params = await searchParams;
  const [t, ts, tc, settings] = await Promise.all([getTranslations("contacts"), getTranslations("contacts.settings"), getTranslations("common"), listContactSettings(db, actor)]);
  const inUse = (module: ContactModule) => (settings.module === module ? <Badge tone="green">{ts("inUseBadge")}</Badge> : null);
  const nameLink = (href: string, name: string) => (
    <Link href={href} className="text-indigo-700 underline">
      {name}
    </Link>
  );
  const section = (title: React.ReactNode, newHref: string, newLabel: string, table: React.ReactNode, help?: string) => (
    <section className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h2 className="flex items-center gap-2 text-lg font-medium">{title}</h2>
          {help ? <p className="text-sm text-slate-600">{help}</p> : null}
        </div>
        <Link href={newHref} className={buttonClass("secondary")}>
          {newLabel}
        </Link>
      </div>
      {table}
    </section>
  );
  return (
    <>
      <PageHeader
        title={ts("title")}
        actions={
          <Link href="/admin/settings" className="self-center text-sm text-indigo-700 underline">
            {tc("back")}
          </Link>
        }
      />
      <SettingsNotices params={params} />
      <div className="space-y-8">
        <Card>
          <p className="mb-4 text-sm text-slate-700">{ts("moduleHelp")}</p>
          {isAdmin(actor) ? (
            <ModuleForm current={settings.module} />
          ) : (
            <p className="text-sm">
              {ts("moduleInUse", { module: t(`modules.${settings.module}`) })} <span className="text-slate-600">{ts("moduleAdminOnly")}</span>
            </p>
          )}
        </Card>
        {section(
          <>
            {ts("centralTitle")} {inUse("CENTRAL")}
          </>,
          `${BASE}/classifications/new?module=CENTRAL`,
          ts("newClassification"),
          <DataTable
            caption={ts("centralTitle")}
            rows={settings.central}
            rowKey={(r) => r.id}
            empty={tc("empty")}
            columns={[
              { header: tc("name"), cell: (r) => nameLink(`${BASE}/classifications/${r.id}`, r.name) },
              { header: ts("subclassifications"), cell: (r) => ts("subclassificationCount", { count: r._count.subclassifications }) },
              { header: tc("status"), cell: (r) => <ActiveBadge active={r.active} /> },
            ]}
          />,
          ts("centralHelp"),
        )}
        {section(
          <>
            {ts("crmTitle")} {inUse("CRM")}
          </>,
          `${BASE}/classifications/new?module=CRM`,
          ts("newClassification"),
          <DataTable
            caption={ts("crmTitle")}
            rows={settings.crm}
            rowKey={(r) => r.id}
            empty={tc("empty")}
            columns={[
              { header: tc("name"), cell: (r) => nameLink(`${BASE}/classifications/${r.id}`, r.name) },
              { header: tc("status"), cell: (r) => <ActiveBadge active={r.active} /> },
            ]}
          />,
        )}
        {section(
          <>
            {ts("channelsTitle")} {inUse("CRM")}
          </>,
          `${BASE}/channels/new`,
          ts("newChannel"),
          <DataTable
            caption={ts("channelsTitle")}
            rows={settings.channels}
            rowKey={(r) => r.id}
            empty={tc("empty")}
            columns={[
              { header: tc("name"), cell: (r) => nameLink(`${BASE}/channels/${r.id}`, r.name) },
              { header: tc("status"), cell: (r) => <ActiveBadge active={r.active} /> },
            ]}
          />,
        )}
      </div>
    </>
  );
}
