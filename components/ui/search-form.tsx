import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { buttonClass } from "./button";

/** A GET form: search text plus optional filter selects; state lives in the URL. */
export async function SearchForm({ q, children }: { q: string; children?: ReactNode }) {
  const t = await getTranslations("common");
  return (
    <form method="get" role="search" className="mb-4 flex flex-wrap items-end gap-2">
      <label className="sr-only" htmlFor="list-search">
        {t("search")}
      </label>
      <input
        id="list-search"
        name="q"
        type="search"
        defaultValue={q}
        placeholder={t("searchPlaceholder")}
        className="w-64 rounded-md border border-slate-300 px-3 py-2 text-sm focus:ring-2 focus:ring-indigo-600 focus:outline-none"
      />
      {children}
      <button type="submit" className={buttonClass("secondary")}>
        {t("search")}
      </button>
    </form>
  );
}
