"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm, useWatch } from "react-hook-form";
import { FormFeedback } from "@/components/forms/form-feedback";
import { useActionForm, useErrorText } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { CheckboxField, SelectField, TextField } from "@/components/ui/field";
import { Role } from "@/lib/generated/prisma/enums";
import { localeNames, locales } from "@/lib/i18n/config";
import type { ProfileOption } from "@/lib/profiles/list-profiles";
import { createUserAction, updateUserAction } from "@/lib/users/actions";
import { createUserSchema, updateUserSchema, type CreateUserInput } from "@/lib/users/schemas";

interface UserFormProps {
  /** Absent on the "new user" page. */
  userId?: string;
  defaults: CreateUserInput;
  profiles: ProfileOption[];
  timeZones: string[];
  /** An admin editing their own account cannot change its role or status. */
  isSelf?: boolean;
}

export function UserForm({ userId, defaults, profiles, timeZones, isSelf = false }: UserFormProps) {
  const t = useTranslations("users");
  const tc = useTranslations("common");
  const tr = useTranslations("roles");
  const errorText = useErrorText();
  // `values` follows the server after a save or a (de)activation elsewhere on the page.
  const form = useForm<CreateUserInput>({
    resolver: zodResolver(userId ? updateUserSchema : createUserSchema),
    defaultValues: defaults,
    values: userId ? defaults : undefined,
  });
  const { onSubmit, pending, formError, message } = useActionForm(form, (values) => (userId ? updateUserAction(userId, values) : createUserAction(values)));
  const { errors } = form.formState;
  const role = useWatch({ control: form.control, name: "role" });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormFeedback formError={formError} message={message} />
      <div className="grid gap-4 md:grid-cols-2">
        <TextField label={tc("name")} autoComplete="off" error={errorText(errors.name?.message)} {...form.register("name")} />
        <TextField label={tc("email")} type="email" autoComplete="off" error={errorText(errors.email?.message, { max: 254 })} {...form.register("email")} />
        {isSelf ? (
          <div>
            <p className="block text-sm font-medium text-slate-800">{t("role")}</p>
            <p className="mt-1 py-2 text-sm">{tr(defaults.role)}</p>
            {errors.role?.message ? (
              <p role="alert" className="text-sm text-red-700">
                {errorText(errors.role.message)}
              </p>
            ) : null}
          </div>
        ) : (
          <SelectField label={t("role")} error={errorText(errors.role?.message)} {...form.register("role")}>
            {Object.values(Role).map((role) => (
              <option key={role} value={role}>
                {tr(role)}
              </option>
            ))}
          </SelectField>
        )}
        <SelectField label={t("profile")} error={errorText(errors.profileId?.message)} {...form.register("profileId")}>
          <option value="">{t("noProfile")}</option>
          {profiles.map((p) => (
            <option key={p.id} value={p.id}>
              {p.active ? p.name : `${p.name} (${tc("inactive")})`}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t("password")}
          type="password"
          autoComplete="new-password"
          help={userId ? t("passwordHelpEdit") : t("passwordHelpNew")}
          error={errorText(errors.password?.message)}
          {...form.register("password")}
        />
        <SelectField label={t("locale")} error={errorText(errors.locale?.message)} {...form.register("locale")}>
          {locales.map((l) => (
            <option key={l} value={l} lang={l}>
              {localeNames[l]}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("timeZone")} error={errorText(errors.timeZone?.message)} {...form.register("timeZone")}>
          {timeZones.map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </SelectField>
      </div>
      {role === Role.CLIENT ? null : <CheckboxField label={t("privacyOfficer")} {...form.register("privacyOfficer")} />}
      {isSelf ? <p className="text-sm text-slate-600">{t("selfNote")}</p> : <CheckboxField label={t("active")} {...form.register("active")} />}
      {errors.active?.message ? (
        <p role="alert" className="text-sm text-red-700">
          {errorText(errors.active.message)}
        </p>
      ) : null}
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? tc("saving") : userId ? tc("save") : tc("create")}
      </Button>
    </form>
  );
}
