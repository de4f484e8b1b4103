"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { FormFeedback } from "@/components/forms/form-feedback";
import { useActionForm, useErrorText } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { saveDefaultAttendantAction } from "@/lib/tickets/settings/type-actions";
import { defaultAttendantSchema, type DefaultAttendantInput } from "@/lib/tickets/settings/schemas";

/** The default attendant general parameter: one of the active staff users, or none. */
export function DefaultAttendantForm({ attendantId, staff }: { attendantId: string; staff: { id: string; name: string; email: string }[] }) {
  const t = useTranslations("ticketSettings.defaultAttendant");
  const tc = useTranslations("common");
  const errorText = useErrorText();
  const defaults = { attendantId };
  const form = useForm<DefaultAttendantInput>({ resolver: zodResolver(defaultAttendantSchema), defaultValues: defaults, values: defaults });
  const { onSubmit, pending, formError, message } = useActionForm(form, saveDefaultAttendantAction);
  const { errors } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormFeedback formError={formError} message={message} />
      <SelectField label={t("label")} help={t("help")} error={errorText(errors.attendantId?.message)} {...form.register("attendantId")}>
        <option value="">{t("none")}</option>
        {staff.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name} ({u.email})
          </option>
        ))}
      </SelectField>
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? tc("saving") : tc("save")}
      </Button>
    </form>
  );
}
