"use client";

// Settings → Retention: the period of each kind and whether the daily job
// applies them (admins only; the server checks again).
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { FormFeedback } from "@/components/forms/form-feedback";
import { useActionForm, useErrorText } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { CheckboxField, TextField } from "@/components/ui/field";
import { retentionSchema, type RetentionInput, type RetentionSettings } from "@/lib/privacy/retention-schema";
import { saveRetentionAction } from "@/lib/privacy/settings-actions";

export function RetentionForm({ defaults }: { defaults: RetentionSettings }) {
  const t = useTranslations("privacy.retention");
  const tc = useTranslations("common");
  const errorText = useErrorText();
  const form = useForm<RetentionInput, unknown, RetentionSettings>({ resolver: zodResolver(retentionSchema), defaultValues: defaults, values: defaults });
  const { onSubmit, pending, formError, message } = useActionForm(form, saveRetentionAction);
  const { errors } = form.formState;
  const number = { type: "number", inputMode: "numeric", min: 1, className: "w-32" } as const;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormFeedback formError={formError} message={message} />
      <div className="grid gap-4 md:grid-cols-2">
        <TextField
          label={t("fields.registrationsMonths")}
          {...number}
          error={errorText(errors.registrationsMonths?.message)}
          {...form.register("registrationsMonths")}
        />
        <TextField
          label={t("fields.guestRequestsMonths")}
          {...number}
          error={errorText(errors.guestRequestsMonths?.message)}
          {...form.register("guestRequestsMonths")}
        />
        <TextField label={t("fields.emailBodiesDays")} {...number} error={errorText(errors.emailBodiesDays?.message)} {...form.register("emailBodiesDays")} />
        <TextField label={t("fields.technicalDays")} {...number} error={errorText(errors.technicalDays?.message)} {...form.register("technicalDays")} />
      </div>
      <CheckboxField label={t("fields.automatic")} {...form.register("automatic")} />
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? tc("saving") : tc("save")}
      </Button>
    </form>
  );
}
