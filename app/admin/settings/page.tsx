import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card, PageHeader } from "@/components/ui/page-header";
import { isAdmin } from "@/lib/auth/actor";
import { requireStaff } from "@/lib/auth/session";

export async function generateMetadata() {
  return { title: (await getTranslations("settings"))("title") };
}

export default async function SettingsPage() {
  const actor = await requireStaff();
  const [t, tp, tf] = await Promise.all([getTranslations("settings"), getTranslations("privacy"), getTranslations("twoFactor.setting")]);
  const sections = [
    { href: "/admin/settings/event-types", title: t("types.title"), description: t("types.description") },
    { href: "/admin/settings/event-places", title: t("places.title"), description: t("places.description") },
    { href: "/admin/settings/questionnaires", title: t("questionnaires.title"), description: t("questionnaires.description") },
    { href: "/admin/settings/certificates", title: t("certificates.title"), description: t("certificates.description") },
    { href: "/admin/settings/tickets", title: t("tickets.title"), description: t("tickets.description") },
    { href: "/admin/settings/contact", title: t("contact.title"), description: t("contact.description") },
    // The guest portal's public link and form are administrators' business.
    ...(isAdmin(actor) ? [{ href: "/admin/settings/guest-portal", title: t("guestPortal.title"), description: t("guestPortal.description") }] : []),
    ...(isAdmin(actor) ? [{ href: "/admin/settings/national-id", title: t("nationalId.title"), description: t("nationalId.description") }] : []),
    // Whether staff must use two-step verification: administrators' business.
    ...(isAdmin(actor) ? [{ href: "/admin/settings/security", title: tf("title"), description: tf("description") }] : []),
    ...(isAdmin(actor)
      ? [{ href: "/admin/settings/sign-in-providers", title: t("signInProviders.title"), description: t("signInProviders.description") }]
      : []),
    ...(isAdmin(actor) ? [{ href: "/admin/settings/reminders", title: t("reminders.title"), description: t("reminders.description") }] : []),
    ...(isAdmin(actor)
      ? [
          { href: "/admin/settings/privacy-notice", title: tp("notice.title"), description: tp("notice.description") },
          { href: "/admin/settings/retention", title: tp("retention.title"), description: tp("retention.description") },
        ]
      : []),
  ];
  return (
    <>
      <PageHeader title={t("title")} />
      <div className="grid gap-4 md:grid-cols-3">
        {sections.map((s) => (
          <Card key={s.href}>
            <h2 className="text-lg font-medium">
              <Link href={s.href} className="text-indigo-700 underline">
                {s.title}
              </Link>
            </h2>
            <p className="mt-1 text-sm text-slate-600">{s.description}</p>
          </Card>
        ))}
      </div>
    </>
  );
}
