import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ModuleForm } from "@/components/contacts/module-form";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/page-header";
import { isAdmin } from "@/lib/auth/actor";
import { requireStaff } from "@/lib/auth/session";
import { listContactSettings } from "@/lib/contacts/settings";
import { db } from "@/lib/db";
import type { ContactModule } from "@/lib/generated/prisma/enums";
import type { SearchParams } from "@/lib/pagination";
import { SettingsNotices } from "./notices";
import { OptionsSection } from "./options-section";

export async function generateMetadata() {
  return { title: (await getTranslations("contacts.settings"))("title") };
}

const BASE = "/admin/settings/contact";

export default async function ContactSettingsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireStaff();
  const params = await searchParams;
  const [t, ts, tc, settings] = await Promise.all([
    getTranslations("contacts"),
    getTranslations("contacts.settings"),
    getTranslations("common"),
    listContactSettings(db, actor),
  ]);
  const inUse = (module: ContactModule) => (settings.module === module ? <Badge tone="green">{ts("inUseBadge")}</Badge> : null);
  const classificationHref = (r: { id: string }) => `${BASE}/classifications/${r.id}`;
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
        <OptionsSection
          title={
            <>
              {ts("centralTitle")} {inUse("CENTRAL")}
            </>
          }
          caption={ts("centralTitle")}
          help={ts("centralHelp")}
          newHref={`${BASE}/classifications/new?module=CENTRAL`}
          newLabel={ts("newClassification")}
          rows={settings.central}
          hrefFor={classificationHref}
          columns={[{ header: ts("subclassifications"), cell: (r) => ts("subclassificationCount", { count: r._count.subclassifications }) }]}
        />
        <OptionsSection
          title={
            <>
              {ts("crmTitle")} {inUse("CRM")}
            </>
          }
          caption={ts("crmTitle")}
          newHref={`${BASE}/classifications/new?module=CRM`}
          newLabel={ts("newClassification")}
          rows={settings.crm}
          hrefFor={classificationHref}
        />
        <OptionsSection
          title={
            <>
              {ts("channelsTitle")} {inUse("CRM")}
            </>
          }
          caption={ts("channelsTitle")}
          newHref={`${BASE}/channels/new`}
          newLabel={ts("newChannel")}
          rows={settings.channels}
          hrefFor={(r) => `${BASE}/channels/${r.id}`}
        />
      </div>
    </>
  );
}
