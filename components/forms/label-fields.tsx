"use client";

// The optional names in each language under a settings form's name (admins
// write the base name once; clients reading Portuguese or Finnish see the
// translation when there is one). Registered as `<prefix>.en`, `.pt-BR`, `.fi`.
import { useTranslations } from "next-intl";
import type { FieldValues, Path, UseFormRegister } from "react-hook-form";
import { useErrorText } from "@/components/forms/use-action-form";
import { TextField } from "@/components/ui/field";
import { localeNames, locales, type Locale } from "@/lib/i18n/config";

export function LabelFields<V extends FieldValues>({
  register,
  prefix = "labels",
  errors,
  max = 100,
  subject,
}: {
  register: UseFormRegister<V>;
  prefix?: string;
  errors?: Partial<Record<Locale, { message?: string } | undefined>>;
  max?: number;
  /** Whose translations these are, when the form has several (a condition's name). */
  subject?: string;
}) {
  const t = useTranslations("labels");
  const errorText = useErrorText();
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium text-slate-800">{subject ? t("legendOf", { name: subject }) : t("legend")}</legend>
      <p className="text-xs text-slate-600">{t("help")}</p>
      {locales.map((l) => (
        <TextField
          key={l}
          lang={l}
          label={subject ? t("nameOfIn", { name: subject, language: localeNames[l] }) : t("nameIn", { language: localeNames[l] })}
          autoComplete="off"
          error={errorText(errors?.[l]?.message, { max })}
          {...register(`${prefix}.${l}` as Path<V>)}
        />
      ))}
    </fieldset>
  );
}
