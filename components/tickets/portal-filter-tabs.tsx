// The portal's predefined filters: All, Under my responsibility,
// Awaiting reply, Completed, Cancelled, as links with their counts. The search
// is kept and the page goes back to 1.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PORTAL_FILTERS, type PortalFilter } from "@/lib/tickets/schemas";

function hrefFor(filter: PortalFilter, q: string) {
  const search = new URLSearchParams();
  if (filter !== "all") search.set("filter", filter);
  if (q) search.set("q", q);
  const qs = search.toString();
  return qs ? `/portal/tickets?${qs}` : "/portal/tickets";
}

export async function PortalFilterTabs({ current, counts, q }: { current: PortalFilter; counts: Record<PortalFilter, number>; q: string }) {
  const t = await getTranslations("tickets.portal.filters");
  const tab = (active: boolean) =>
    `rounded-md px-3 py-2 text-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600 focus-visible:ring-offset-2 ${active ? "bg-indigo-700 text-white" : "text-slate-700 hover:bg-slate-100"}`;
  return (
    <nav aria-label={t("label")} className="mb-4 flex flex-wrap gap-2">
      {PORTAL_FILTERS.map((filter) => (
        <Link key={filter} href={hrefFor(filter, q)} className={tab(current === filter)} aria-current={current === filter ? "page" : undefined}>
          {t(filter, { count: counts[filter] })}
        </Link>
      ))}
    </nav>
  );
}
