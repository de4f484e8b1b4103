import { getTranslations } from "next-intl/server";
import { AppShell } from "@/components/shell/app-shell";
import { isAdmin, isPrivacyOfficer } from "@/lib/auth/actor";
import { requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { countNewGuestRequests } from "@/lib/guests/requests";

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireStaff();
  const t = await getTranslations("nav");
  const nav = [
    { href: "/admin", label: t("dashboard") },
    { href: "/admin/events", label: t("events") },
    { href: "/admin/tickets", label: t("tickets") },
    { href: "/admin/contacts", label: t("contacts") },
    { href: "/admin/guest-requests", label: t("guestRequests"), badge: await countNewGuestRequests(db, actor) },
    { href: "/admin/customers", label: t("customers") },
    { href: "/admin/settings", label: t("settings") },
    ...(isAdmin(actor)
      ? [
          { href: "/admin/users", label: t("users") },
          { href: "/admin/profiles", label: t("profiles") },
          { href: "/admin/outbox", label: t("outbox") },
        ]
      : []),
    ...(isPrivacyOfficer(actor) ? [{ href: "/admin/privacy", label: t("privacy") }] : []),
  ];
  return (
    <AppShell area={t("admin")} home="/admin" nav={nav} userName={actor.name}>
      {children}
    </AppShell>
  );
}
