import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ActiveBadge } from "@/components/ui/active-badge";
import { PageHeader } from "@/components/ui/page-header";

const BASE = "/admin/settings/tickets";

/** Title of a ticket type's settings pages with the tabs between them (type and workflow, parameters, field rules). */
export async function TypeHeader({
  type,
  current,
}: {
  type: { id: string; name: string; active: boolean; group: { name: string } };
  current: "workflow" | "fields" | "rules";
}) {
  const [t, tc] = await Promise.all([getTranslations("ticketSettings"), getTranslations("common")]);
  const tabs = [
    { key: "workflow", href: `${BASE}/types/${type.id}`, label: t("tabs.workflow") },
    { key: "fields", href: `${BASE}/types/${type.id}/fields`, label: t("tabs.fields") },
    { key: "rules", href: `${BASE}/types/${type.id}/rules`, label: t("tabs.rules") },
  ] as const;
  return (
    <>
      <PageHeader
        title={type.name}
        description={
          <span className="flex items-center gap-2">
            {t("types.inGroup", { group: type.group.name })} <ActiveBadge active={type.active} />
          </span>
        }
        actions={
          <Link href={BASE} className="self-center text-sm text-indigo-700 underline">
            {tc("back")}
          </Link>
        }
      />
      <nav aria-label={t("tabs.label")} className="mb-6 flex gap-4 border-b border-slate-200">
        {tabs.map((tab) => (
          <Link
            key={tab.key}
            href={tab.href}
            aria-current={tab.key === current ? "page" : undefined}
            className={`-mb-px border-b-2 px-1 pb-2 text-sm font-medium ${tab.key === current ? "border-indigo-700 text-indigo-800" : "border-transparent text-slate-600 hover:text-slate-900"}`}
          >
            {tab.label}
          </Link>
        ))}
      </nav>
    </>
  );
}

/** A notice from ?notice= after a redirect; only known keys are shown. */
export async function Notice({ notice, known }: { notice: string | undefined; known: readonly string[] }) {
  if (!notice || !known.includes(notice)) return null;
  const t = await getTranslations("ticketSettings.notices");
  return (
    <div role="status" className="mb-4 rounded-md border border-green-300 bg-green-50 px-4 py-3 text-sm text-green-900">
      {t(notice as never)}
    </div>
  );
}
