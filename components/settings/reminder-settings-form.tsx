"use client";

// Settings → Reminders: the installation's reminder schedule (admins only; the server checks again).
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { ReminderScheduleFields } from "@/components/events/reminder-schedule-fields";
import { FormFeedback } from "@/components/forms/form-feedback";
import { useActionForm, useErrorText } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { setReminderScheduleAction } from "@/lib/events/reminder-settings-actions";
import { reminderSettingsFormSchema, type ReminderSettingsFormInput } from "@/lib/events/reminder-schedule";

export function ReminderSettingsForm({ defaults }: { defaults: ReminderSettingsFormInput }) {
  const t = useTranslations("settings.reminders");
  const tc = useTranslations("common");
  const errorText = useErrorText();
  const form = useForm<ReminderSettingsFormInput>({ resolver: zodResolver(reminderSettingsFormSchema), defaultValues: defaults });
  const { onSubmit, pending, formError, message } = useActionForm(form, setReminderScheduleAction);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormFeedback formError={formError} message={message} />
      <ReminderScheduleFields offsets={form.register("offsets")} hour={form.register("hour")} hourError={errorText(form.formState.errors.hour?.message)} />
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? tc("saving") : t("save")}
      </Button>
    </form>
  );
}
