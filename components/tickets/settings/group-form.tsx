"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { FormFeedback } from "@/components/forms/form-feedback";
import { useActionForm, useErrorText } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { CheckboxField, TextField } from "@/components/ui/field";
import { saveGroupAction } from "@/lib/tickets/settings/actions-types";
import { groupSchema, type GroupInput } from "@/lib/tickets/settings/schemas";

/** Creates a ticket group, or edits the one of `id`. */
export function GroupForm({ id, defaults }: { id?: string; defaults: GroupInput }) {
  const tc = useTranslations("common");
  const errorText = useErrorText();
  const form = useForm<GroupInput>({ resolver: zodResolver(groupSchema), defaultValues: defaults, values: id ? defaults : undefined });
  const { onSubmit, pending, formError, message } = useActionForm(form, (values) => saveGroupAction(id, values));
  const { errors } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormFeedback formError={formError} message={message} />
      <TextField label={tc("name")} autoComplete="off" error={errorText(errors.name?.message, { max: 100 })} {...form.register("name")} />
      <CheckboxField label={tc("active")} {...form.register("active")} />
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? tc("saving") : id ? tc("save") : tc("create")}
      </Button>
    </form>
  );
}
