"use client";

import { useLocale, useTranslations } from "next-intl";
import { useTransition } from "react";
import { localeNames, locales } from "@/lib/i18n/config";
import { setLocaleAction } from "@/lib/i18n/actions";

export function LanguageSwitcher() {
  const t = useTranslations("common");
  const locale = useLocale();
  const [pending, startTransition] = useTransition();
  return (
    <div className="flex items-center gap-2 text-sm">
      <label htmlFor="language-switcher" className="text-slate-600">
        {t("language")}
      </label>
      <select
        id="language-switcher"
        value={locale}
        disabled={pending}
        onChange={(e) => {
          const next = e.target.value;
          startTransition(async () => {
            await setLocaleAction(next);
          });
        }}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 focus:ring-2 focus:ring-indigo-600 focus:outline-none"
      >
        {locales.map((l) => (
          <option key={l} value={l} lang={l}>
            {localeNames[l]}
          </option>
        ))}
      </select>
    </div>
  );
}
