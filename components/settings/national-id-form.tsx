"use client";

// Settings → National id: which number people are asked for (admins only; the
// server checks again).
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm, useWatch } from "react-hook-form";
import { FormFeedback } from "@/components/forms/form-feedback";
import { useActionForm, useErrorText } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { setNationalIdAction } from "@/lib/settings/actions";
import { NATIONAL_ID_MODES, nationalIdFormSchema, type NationalIdFormInput } from "@/lib/settings/national-id-schema";

export function NationalIdForm({ defaults }: { defaults: NationalIdFormInput }) {
  const t = useTranslations("settings.nationalId");
  const tc = useTranslations("common");
  const errorText = useErrorText();
  const form = useForm<NationalIdFormInput>({ resolver: zodResolver(nationalIdFormSchema), defaultValues: defaults });
  const { onSubmit, pending, formError, message } = useActionForm(form, setNationalIdAction);
  const mode = useWatch({ control: form.control, name: "mode" });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormFeedback formError={formError} message={message} />
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">{t("legend")}</legend>
        <div className="mt-2 space-y-2">
          {NATIONAL_ID_MODES.map((m) => (
            <label key={m} className="flex items-center gap-2 text-sm text-slate-800">
              <input type="radio" value={m} className="h-4 w-4 text-indigo-700 focus:ring-indigo-600" {...form.register("mode")} />
              {t(`modes.${m}`)}
            </label>
          ))}
        </div>
      </fieldset>
      {mode === "other" ? (
        <TextField
          label={t("label")}
          help={t("labelHelp")}
          autoComplete="off"
          error={errorText(form.formState.errors.label?.message, { max: 60 })}
          {...form.register("label")}
        />
      ) : null}
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? tc("saving") : t("save")}
      </Button>
    </form>
  );
}
