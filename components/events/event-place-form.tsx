"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { FormFeedback } from "@/components/forms/form-feedback";
import { useActionForm, useErrorText } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { CheckboxField, TextField } from "@/components/ui/field";
import { saveEventPlaceAction } from "@/lib/events/settings-actions";
import { eventPlaceSchema, type EventPlaceInput } from "@/lib/events/settings-schemas";

export function EventPlaceForm({ id, defaults }: { id?: string; defaults: EventPlaceInput }) {
  const t = useTranslations("settings.places");
  const tc = useTranslations("common");
  const errorText = useErrorText();
  const form = useForm<EventPlaceInput>({ resolver: zodResolver(eventPlaceSchema), defaultValues: defaults, values: id ? defaults : undefined });
  const { onSubmit, pending, formError, message } = useActionForm(form, (values) => saveEventPlaceAction(id, values));
  const { errors } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormFeedback formError={formError} message={message} />
      <TextField label={tc("name")} autoComplete="off" error={errorText(errors.name?.message)} {...form.register("name")} />
      <TextField label={t("address")} autoComplete="off" error={errorText(errors.address?.message, { max: 500 })} {...form.register("address")} />
      <CheckboxField label={t("isDefaultPublic")} {...form.register("isDefaultPublic")} />
      <p className="text-xs text-slate-600">{t("isDefaultPublicHelp")}</p>
      {errors.isDefaultPublic?.message ? (
        <p role="alert" className="text-sm text-red-700">
          {errorText(errors.isDefaultPublic.message)}
        </p>
      ) : null}
      <CheckboxField label={tc("active")} {...form.register("active")} />
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? tc("saving") : id ? tc("save") : tc("create")}
      </Button>
    </form>
  );
}
