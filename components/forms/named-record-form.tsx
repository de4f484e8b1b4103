"use client";

// The form of a record that is only a name and an "active" flag (a ticket
// group, a contact classification, sub-classification or channel) with its
// optional names in other languages. `action` is the bound server action.
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { FormFeedback } from "@/components/forms/form-feedback";
import { LabelFields } from "@/components/forms/label-fields";
import { useActionForm, useErrorText } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { CheckboxField, TextField } from "@/components/ui/field";
import { namedRecordSchema, type NamedRecordInput } from "@/lib/forms/named-record-schema";
import type { ActionResult } from "@/lib/forms/action-result";

export function NamedRecordForm({
  action,
  defaults,
  editing,
}: {
  action: (input: NamedRecordInput) => Promise<ActionResult>;
  defaults: NamedRecordInput;
  editing: boolean;
}) {
  const tc = useTranslations("common");
  const errorText = useErrorText();
  const form = useForm<NamedRecordInput>({ resolver: zodResolver(namedRecordSchema), defaultValues: defaults, values: editing ? defaults : undefined });
  const { onSubmit, pending, formError, message } = useActionForm(form, action);
  const { errors } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormFeedback formError={formError} message={message} />
      <TextField label={tc("name")} autoComplete="off" error={errorText(errors.name?.message, { max: 100 })} {...form.register("name")} />
      <LabelFields register={form.register} errors={errors.labels} />
      <CheckboxField label={tc("active")} {...form.register("active")} />
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? tc("saving") : editing ? tc("save") : tc("create")}
      </Button>
    </form>
  );
}
