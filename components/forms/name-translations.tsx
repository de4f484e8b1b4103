"use client";

// Per name in a list (a transition's conditions, a parameter's choices), its
// name in each language. Controlled rather than registered: a name may hold a
// dot, which a form field path cannot.
import { useTranslations } from "next-intl";
import { TextField } from "@/components/ui/field";
import { localeNames, locales, type Locale } from "@/lib/i18n/config";

export type NameTranslationsValue = Record<string, Partial<Record<Locale, string>>>;

/** The names written so far, trimmed, blank and repeated ones left out. */
export const writtenNames = (names: string[] | undefined) => [...new Set((names ?? []).map((n) => n.trim()).filter((n) => n.length > 0))];

export function NameTranslations({
  names,
  labels,
  onChange,
}: {
  names: string[] | undefined;
  labels: NameTranslationsValue | undefined;
  onChange: (labels: NameTranslationsValue) => void;
}) {
  const t = useTranslations("labels");
  const written = writtenNames(names);
  if (written.length === 0) return null;
  const current = labels ?? {};
  return (
    <div className="space-y-3">
      {written.map((name) => (
        <fieldset key={name} className="space-y-2">
          <legend className="text-sm font-medium">{t("legendOf", { name })}</legend>
          {locales.map((l) => (
            <TextField
              key={l}
              lang={l}
              label={t("nameOfIn", { name, language: localeNames[l] })}
              autoComplete="off"
              value={current[name]?.[l] ?? ""}
              onChange={(e) => onChange({ ...current, [name]: { ...current[name], [l]: e.target.value } })}
            />
          ))}
        </fieldset>
      ))}
      <p className="text-xs text-slate-600">{t("help")}</p>
    </div>
  );
}
