"use client";

// The guest portal's configuration (admins choose the fields shown to the
// requester and which are required): on/off, welcome text, each built-in field
// shown/required, the category choices, custom fields; and beside it a live,
// read-only preview of the public form with the unsaved changes.
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { useFieldArray, useForm, useWatch } from "react-hook-form";
import { FormFeedback } from "@/components/forms/form-feedback";
import { useActionForm, useErrorText } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { CheckboxField, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { Markdown } from "@/components/ui/markdown";
import { Card } from "@/components/ui/page-header";
import { saveGuestPortalAction } from "@/lib/guests/actions";
import {
  categoryLines,
  GUEST_BUILT_IN_FIELDS,
  GUEST_CUSTOM_KINDS,
  GUEST_MAX_CUSTOM_FIELDS,
  guestPortalSettingsSchema,
  newCustomFieldKey,
  type GuestPortalFields,
  type GuestPortalSettingsInput,
} from "@/lib/guests/config";
import { GuestRequestForm } from "./guest-request-form";

export function GuestPortalSettingsForm({ defaults, maxFileBytes, accept }: { defaults: GuestPortalSettingsInput; maxFileBytes: number; accept: string }) {
  const t = useTranslations("guests");
  const tc = useTranslations("common");
  const errorText = useErrorText();
  const id = useId();
  const form = useForm<GuestPortalSettingsInput>({ resolver: zodResolver(guestPortalSettingsSchema), defaultValues: defaults });
  const custom = useFieldArray({ control: form.control, name: "custom" });
  const { onSubmit, pending, formError, message } = useActionForm(form, (values) => saveGuestPortalAction(values));
  const { errors } = form.formState;
  const watched = useWatch({ control: form.control }) as GuestPortalSettingsInput;
  const preview: GuestPortalFields = {
    builtIn: watched.builtIn ?? defaults.builtIn,
    categories: categoryLines(watched.categories ?? ""),
    custom: (watched.custom ?? []).filter((f) => f?.key),
  };

  return (
    <div className="grid gap-6 xl:grid-cols-[3fr_2fr]">
      <form onSubmit={onSubmit} noValidate className="space-y-6">
        <FormFeedback formError={formError} message={message} />
        <Card className="space-y-4">
          <h2 className="text-lg font-medium">{t("settings.general")}</h2>
          <CheckboxField label={t("settings.enabled")} {...form.register("enabled")} />
          <TextAreaField
            label={t("settings.welcomeText")}
            rows={4}
            help={t("settings.welcomeHelp")}
            error={errorText(errors.welcomeText?.message, { max: 2000 })}
            {...form.register("welcomeText")}
          />
        </Card>

        <Card className="space-y-4">
          <h2 className="text-lg font-medium">{t("settings.fieldsTitle")}</h2>
          <table className="min-w-full text-sm">
            <thead>
              <tr className="text-left text-slate-700">
                <th scope="col" className="py-2 font-medium">
                  {t("settings.field")}
                </th>
                <th scope="col" className="py-2 text-center font-medium">
                  {t("settings.shown")}
                </th>
                <th scope="col" className="py-2 text-center font-medium">
                  {t("settings.required")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {GUEST_BUILT_IN_FIELDS.map((key) => {
                const field = t(`fields.${key}`);
                const shown = watched.builtIn?.[key]?.shown;
                return (
                  <tr key={key}>
                    <th scope="row" className="py-2 text-left font-normal text-slate-900">
                      {field}
                    </th>
                    <td className="py-2 text-center">
                      <input type="checkbox" aria-label={t("settings.shownLabel", { field })} className="h-4 w-4" {...form.register(`builtIn.${key}.shown`)} />
                    </td>
                    <td className={`py-2 text-center ${shown ? "" : "opacity-40"}`}>
                      <input
                        type="checkbox"
                        aria-label={t("settings.requiredLabel", { field })}
                        className="h-4 w-4"
                        {...form.register(`builtIn.${key}.required`)}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <TextAreaField
            label={t("settings.categories")}
            rows={4}
            help={t("settings.categoriesHelp")}
            error={errorText(errors.categories?.message, { max: 100 })}
            {...form.register("categories")}
          />
        </Card>

        <Card className="space-y-4">
          <h2 className="text-lg font-medium">{t("settings.customTitle")}</h2>
          {custom.fields.length === 0 ? <p className="text-sm text-slate-600">{t("settings.customEmpty")}</p> : null}
          <ol className="space-y-4">
            {custom.fields.map((item, index) => (
              <li key={item.id} className="space-y-3 rounded-md border border-slate-200 p-4">
                <div className="grid gap-3 sm:grid-cols-2">
                  <TextField
                    label={t("settings.customLabel")}
                    autoComplete="off"
                    error={errorText(errors.custom?.[index]?.label?.message, { max: 100 })}
                    {...form.register(`custom.${index}.label`)}
                  />
                  <SelectField
                    label={t("settings.customKind")}
                    error={errorText(errors.custom?.[index]?.kind?.message)}
                    {...form.register(`custom.${index}.kind`)}
                  >
                    {GUEST_CUSTOM_KINDS.map((kind) => (
                      <option key={kind} value={kind}>
                        {t(`customKinds.${kind}`)}
                      </option>
                    ))}
                  </SelectField>
                </div>
                <div className="flex flex-wrap items-center gap-4">
                  <CheckboxField label={t("settings.shown")} {...form.register(`custom.${index}.shown`)} />
                  <CheckboxField label={t("settings.required")} {...form.register(`custom.${index}.required`)} />
                  <span className="text-xs text-slate-500">{t("settings.customKey", { key: item.key })}</span>
                  {errors.custom?.[index]?.key ? <span className="text-sm text-red-700">{errorText(errors.custom[index]?.key?.message)}</span> : null}
                  <Button variant="ghost" className="ml-auto" onClick={() => custom.remove(index)}>
                    {t("settings.removeCustom")}
                    <span className="sr-only"> {watched.custom?.[index]?.label}</span>
                  </Button>
                </div>
              </li>
            ))}
          </ol>
          {custom.fields.length < GUEST_MAX_CUSTOM_FIELDS ? (
            <Button variant="secondary" onClick={() => custom.append({ key: newCustomFieldKey(), label: "", kind: "shortText", shown: true, required: false })}>
              {t("settings.addCustom")}
            </Button>
          ) : null}
          {errors.custom?.root?.message || errors.custom?.message ? (
            <p className="text-sm text-red-700">{errorText(errors.custom?.root?.message ?? errors.custom?.message)}</p>
          ) : null}
        </Card>

        <Button type="submit" disabled={pending} aria-busy={pending}>
          {pending ? tc("saving") : tc("save")}
        </Button>
      </form>

      <Card className="self-start">
        <div role="region" aria-labelledby={`${id}-preview`} className="space-y-3">
          <h2 id={`${id}-preview`} className="text-lg font-medium">
            {t("settings.previewTitle")}
          </h2>
          <p className="text-sm text-slate-600">{t("settings.previewHelp")}</p>
          {/* Rendered as the public page renders it, so the preview shows the formatting, not the Markdown. */}
          {watched.welcomeText ? <Markdown source={watched.welcomeText} className="text-sm" /> : null}
          <GuestRequestForm fields={preview} maxFileBytes={maxFileBytes} accept={accept} />
        </div>
      </Card>
    </div>
  );
}
