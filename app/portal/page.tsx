import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/page-header";
import { requireClient } from "@/lib/auth/session";
import { reachableCustomers } from "@/lib/customers/access";
import { db } from "@/lib/db";

export default async function PortalHome() {
  const actor = await requireClient();
  const t = await getTranslations("portal");
  const tk = await getTranslations("customerKinds");
  const customers = await reachableCustomers(db, actor);
  return (
    <>
      <PageHeader title={t("welcome", { name: actor.name })} description={t("dashboardIntro")} />
      <Card>
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
