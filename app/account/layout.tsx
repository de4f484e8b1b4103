import { getTranslations } from "next-intl/server";
import { AppShell } from "@/components/shell/app-shell";
import { requireAccountActor } from "@/lib/auth/session";
import { homeFor } from "@/lib/auth/session";

// A user's own account, for clients and staff alike; reachable while staff owe
// the required second factor, since it is where they set it up.
export default async function AccountLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireAccountActor();
  const t = await getTranslations("securityPage");
  const home = homeFor(actor);
  return (
    <AppShell area={t("area")} home={home} nav={[{ href: home, label: t("back") }]} userName={actor.name}>
      {children}
    </AppShell>
  );
}
