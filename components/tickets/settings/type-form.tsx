"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { FormFeedback } from "@/components/forms/form-feedback";
import { LabelFields } from "@/components/forms/label-fields";
import { useActionForm, useErrorText } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { CheckboxField, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { saveTypeAction } from "@/lib/tickets/settings/type-actions";
import { typeSchema, type TypeInput } from "@/lib/tickets/settings/schemas";

/** Creates a ticket type, or edits the one of `id`. */
export function TypeForm({ id, defaults, groups }: { id?: string; defaults: TypeInput; groups: { id: string; name: string; active: boolean }[] }) {
  const t = useTranslations("ticketSettings");
  const tc = useTranslations("common");
  const errorText = useErrorText();
  const form = useForm<TypeInput>({ resolver: zodResolver(typeSchema), defaultValues: defaults, values: id ? defaults : undefined });
  const { onSubmit, pending, formError, message } = useActionForm(form, (values) => saveTypeAction(id, values));
  const { errors } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormFeedback formError={formError} message={message} />
      <SelectField label={t("types.group")} error={errorText(errors.groupId?.message)} {...form.register("groupId")}>
        <option value="">{t("types.chooseGroup")}</option>
        {groups.map((g) => (
          <option key={g.id} value={g.id}>
            {g.active ? g.name : t("inactiveName", { name: g.name })}
          </option>
        ))}
      </SelectField>
      <TextField label={tc("name")} autoComplete="off" error={errorText(errors.name?.message, { max: 100 })} {...form.register("name")} />
      <LabelFields register={form.register} errors={errors.labels} />
      <TextAreaField label={t("types.description")} rows={3} error={errorText(errors.description?.message, { max: 1000 })} {...form.register("description")} />
      <CheckboxField label={tc("active")} {...form.register("active")} />
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? tc("saving") : id ? tc("save") : tc("create")}
      </Button>
    </form>
  );
}
