import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { SearchParams } from "@/lib/pagination";

function hrefFor(basePath: string, params: SearchParams, page: number) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (key !== "page" && typeof value === "string" && value) search.set(key, value);
  }
  if (page > 1) search.set("page", String(page));
  const qs = search.toString();
  return qs ? `${basePath}?${qs}` : basePath;
}

/** totalIsLowerBound: the list counted only up to `total` (a capped count on very large lists). */
export async function Pagination({
  basePath,
  params,
  page,
  pageCount,
  total,
  totalIsLowerBound = false,
}: {
  basePath: string;
  params: SearchParams;
  page: number;
  pageCount: number;
  total: number;
  totalIsLowerBound?: boolean;
}) {
  const t = await getTranslations("common");
  const link = "rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50 focus-visible:ring-2 focus-visible:ring-indigo-600";
  return (
    <nav aria-label="Pagination" className="mt-4 flex items-center justify-between text-sm text-slate-700">
      <span>{totalIsLowerBound ? t("totalAtLeast", { count: total }) : t("total", { count: total })}</span>
      <div className="flex items-center gap-2">
        {page > 1 ? (
          <Link className={link} href={hrefFor(basePath, params, page - 1)} rel="prev">
            {t("previous")}
          </Link>
        ) : null}
        <span aria-current="page">{t("pageOf", { page, pages: pageCount })}</span>
        {page < pageCount ? (
          <Link className={link} href={hrefFor(basePath, params, page + 1)} rel="next">
            {t("next")}
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
