"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { Controller, useForm } from "react-hook-form";
import { FormFeedback } from "@/components/forms/form-feedback";
import { useActionForm, useErrorText } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { CheckboxField, TextField } from "@/components/ui/field";
import { saveTeamAction } from "@/lib/tickets/settings/team-actions";
import { teamSchema, type TeamInput } from "@/lib/tickets/settings/schemas";

interface Member {
  id: string;
  name: string;
  email: string;
  /** False for a current member who is no longer active staff (shown so they can be removed). */
  eligible?: boolean;
}

/** Creates a staff team, or edits the one of `id`; members are chosen among active staff users. */
export function TeamForm({ id, defaults, people }: { id?: string; defaults: TeamInput; people: Member[] }) {
  const t = useTranslations("ticketSettings.teams");
  const tc = useTranslations("common");
  const errorText = useErrorText();
  const form = useForm<TeamInput>({ resolver: zodResolver(teamSchema), defaultValues: defaults, values: id ? defaults : undefined });
  const { onSubmit, pending, formError, message } = useActionForm(form, (values) => saveTeamAction(id, values));
  const { errors } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormFeedback formError={formError} message={message} />
      <TextField label={tc("name")} autoComplete="off" error={errorText(errors.name?.message, { max: 100 })} {...form.register("name")} />
      <Controller
        control={form.control}
        name="memberIds"
        render={({ field }) => (
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium text-slate-800">{t("members")}</legend>
            {people.length === 0 ? <p className="text-sm text-slate-600">{t("noStaff")}</p> : null}
            {people.map((p) => (
              <CheckboxField
                key={p.id}
                label={`${p.name} (${p.email})${p.eligible === false ? ` — ${t("notEligible")}` : ""}`}
                name={field.name}
                value={p.id}
                checked={field.value.includes(p.id)}
                onBlur={field.onBlur}
                onChange={(e) => field.onChange(e.target.checked ? [...field.value, p.id] : field.value.filter((v) => v !== p.id))}
              />
            ))}
            {errors.memberIds ? (
              <p role="alert" className="text-sm text-red-700">
                {errorText(errors.memberIds.message ?? "validation.invalid")}
              </p>
            ) : null}
          </fieldset>
        )}
      />
      <CheckboxField label={tc("active")} {...form.register("active")} />
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? tc("saving") : id ? tc("save") : tc("create")}
      </Button>
    </form>
  );
}
