// "All contacts", "Open" and "Finished" as links with their counts;
// the other filters of the URL are kept, the page goes back to 1.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { StatusCounts } from "@/lib/contacts/list-contacts";
import type { ContactStatus } from "@/lib/generated/prisma/enums";
import type { SearchParams } from "@/lib/pagination";

function hrefWith(basePath: string, params: SearchParams, status: ContactStatus | undefined) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (key !== "page" && key !== "status" && typeof value === "string" && value) search.set(key, value);
  if (status) search.set("status", status);
  const qs = search.toString();
  return qs ? `${basePath}?${qs}` : basePath;
}

export async function StatusTabs({
  basePath,
  params,
  current,
  counts,
}: {
  basePath: string;
  params: SearchParams;
  current?: ContactStatus;
  counts: StatusCounts;
}) {
  const t = await getTranslations("contacts");
  const tabs = [
    { status: undefined, label: t("tabs.all", { count: counts.all }) },
    { status: "OPEN" as const, label: t("tabs.open", { count: counts.OPEN }) },
    { status: "FINISHED" as const, label: t("tabs.finished", { count: counts.FINISHED }) },
  ];
  const tab = (active: boolean) => `rounded-md px-3 py-2 text-sm ${active ? "bg-indigo-700 text-white" : "text-slate-700 hover:bg-slate-100"}`;
  return (
    <nav aria-label={t("title")} className="mb-4 flex flex-wrap gap-2">
      {tabs.map((x) => (
        <Link
          key={x.status ?? "all"}
          href={hrefWith(basePath, params, x.status)}
          className={tab(current === x.status)}
          aria-current={current === x.status ? "page" : undefined}
        >
          {x.label}
        </Link>
      ))}
    </nav>
  );
}
