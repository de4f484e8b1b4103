import { getTranslations } from "next-intl/server";
import { AppShell } from "@/components/shell/app-shell";
import { requireClient } from "@/lib/auth/session";

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireClient();
  const t = await getTranslations("nav");
  const nav = [
    { href: "/portal", label: t("dashboard") },
    { href: "/portal/tickets", label: t("tickets") },
    { href: "/portal/events", label: t("events") },
    { href: "/portal/contact", label: t("contact") },
    { href: "/portal/profile", label: t("profile") },
  ];
  return (
    <AppShell area={t("portal")} home="/portal" nav={nav} userName={actor.name}>
      {children}
    </AppShell>
  );
}
