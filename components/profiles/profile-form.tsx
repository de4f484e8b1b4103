"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { Controller, useForm } from "react-hook-form";
import { FormFeedback } from "@/components/forms/form-feedback";
import { useActionForm, useErrorText } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { CheckboxField, TextAreaField, TextField } from "@/components/ui/field";
import { Permission } from "@/lib/generated/prisma/enums";
import { createProfileAction, updateProfileAction } from "@/lib/profiles/actions";
import { profileSchema, type ProfileInput } from "@/lib/profiles/schemas";

/** Creates a profile, or edits the one of `profileId`. */
export function ProfileForm({ profileId, defaults }: { profileId?: string; defaults: ProfileInput }) {
  const t = useTranslations("profiles");
  const tc = useTranslations("common");
  const tp = useTranslations("permissions");
  const errorText = useErrorText();
  const form = useForm<ProfileInput>({ resolver: zodResolver(profileSchema), defaultValues: defaults, values: profileId ? defaults : undefined });
  const { onSubmit, pending, formError, message } = useActionForm(form, (values) =>
    profileId ? updateProfileAction(profileId, values) : createProfileAction(values),
  );
  const { errors } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormFeedback formError={formError} message={message} />
      <TextField label={tc("name")} autoComplete="off" error={errorText(errors.name?.message, { max: 100 })} {...form.register("name")} />
      <TextAreaField label={t("description")} rows={3} error={errorText(errors.description?.message, { max: 1000 })} {...form.register("description")} />
      <Controller
        control={form.control}
        name="permissions"
        render={({ field }) => (
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium text-slate-800">{t("permissions")}</legend>
            {Object.values(Permission).map((permission) => (
              <CheckboxField
                key={permission}
                label={tp(permission)}
                name={field.name}
                value={permission}
                checked={field.value.includes(permission)}
                onBlur={field.onBlur}
                onChange={(e) => field.onChange(e.target.checked ? [...field.value, permission] : field.value.filter((p) => p !== permission))}
              />
            ))}
            {errors.permissions ? (
              <p role="alert" className="text-sm text-red-700">
                {errorText(errors.permissions.message ?? "validation.invalid")}
              </p>
            ) : null}
          </fieldset>
        )}
      />
      <CheckboxField label={t("active")} {...form.register("active")} />
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? tc("saving") : profileId ? tc("save") : tc("create")}
      </Button>
    </form>
  );
}
