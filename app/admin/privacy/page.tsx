import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card, PageHeader } from "@/components/ui/page-header";
import { isAdmin } from "@/lib/auth/actor";
import { requirePrivacyOfficer } from "@/lib/auth/session";

export async function generateMetadata() {
  return { title: (await getTranslations("privacy"))("title") };
}

interface Section {
  href: string;
  title: string;
  description: string;
}

// The privacy officer's tools, one card each. The notice and the retention
// periods are the installation's settings, so only administrators change them.
export default async function PrivacyPage() {
  const actor = await requirePrivacyOfficer();
  const t = await getTranslations("privacy");
  const tools: Section[] = [
    { href: "/admin/privacy/people", title: t("people.title"), description: t("people.description") },
    { href: "/admin/privacy/access-log", title: t("accessLog.title"), description: t("accessLog.description") },
  ];
  const settings: Section[] = isAdmin(actor)
    ? [
        { href: "/admin/settings/privacy-notice", title: t("notice.title"), description: t("notice.description") },
        { href: "/admin/settings/retention", title: t("retention.title"), description: t("retention.description") },
      ]
    : [];
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <SectionGrid heading={t("toolsHeading")} sections={tools} />
      {settings.length > 0 ? <SectionGrid heading={t("settingsHeading")} sections={settings} /> : null}
    </>
  );
}

function SectionGrid({ heading, sections }: { heading: string; sections: Section[] }) {
  return (
    <section className="mb-8" aria-label={heading}>
      <h2 className="mb-3 text-lg font-medium text-slate-900">{heading}</h2>
      <div className="grid gap-4 md:grid-cols-3">
        {sections.map((s) => (
          <Card key={s.href}>
            <h3 className="text-base font-medium">
              <Link href={s.href} className="text-indigo-700 underline">
                {s.title}
              </Link>
            </h3>
            <p className="mt-1 text-sm text-slate-600">{s.description}</p>
          </Card>
        ))}
      </div>
    </section>
  );
}
