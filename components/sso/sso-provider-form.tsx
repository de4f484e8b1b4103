"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { FormFeedback } from "@/components/forms/form-feedback";
import { useActionForm, useErrorText } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { CheckboxField, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { SsoAudience } from "@/lib/generated/prisma/enums";
import { ssoProviderSchema, type SsoProviderInput } from "@/lib/sso/schemas";
import { createSsoProviderAction, updateSsoProviderAction } from "@/lib/sso/settings-actions";

/** An identity provider's settings. The stored client secret is never shown: a blank field keeps it. */
export function SsoProviderForm({ id, defaults, hasSecret = false }: { id?: string; defaults: SsoProviderInput; hasSecret?: boolean }) {
  const t = useTranslations("sso");
  const tc = useTranslations("common");
  const errorText = useErrorText();
  const form = useForm<SsoProviderInput>({ resolver: zodResolver(ssoProviderSchema), defaultValues: defaults, values: id ? defaults : undefined });
  const { onSubmit, pending, formError, message } = useActionForm(form, async (values) => {
    const result = id ? await updateSsoProviderAction(id, values) : await createSsoProviderAction(values);
    if (result.ok) form.setValue("clientSecret", "");
    return result;
  });
  const { errors } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormFeedback formError={formError} message={message} />
      <TextField
        label={t("label")}
        help={t("labelHelp")}
        autoComplete="off"
        error={errorText(errors.label?.message, { max: 80 })}
        {...form.register("label")}
      />
      <TextField
        label={t("issuer")}
        help={t("issuerHelp")}
        type="url"
        autoComplete="off"
        error={errorText(errors.issuer?.message, { max: 500 })}
        {...form.register("issuer")}
      />
      <div className="grid gap-4 md:grid-cols-2">
        <TextField label={t("clientId")} autoComplete="off" error={errorText(errors.clientId?.message, { max: 500 })} {...form.register("clientId")} />
        <TextField
          label={t("clientSecret")}
          type="password"
          autoComplete="new-password"
          help={hasSecret ? t("clientSecretKeep") : t("clientSecretHelp")}
          error={errorText(errors.clientSecret?.message, { max: 2000 })}
          {...form.register("clientSecret")}
        />
      </div>
      <TextField
        label={t("scopes")}
        help={t("scopesHelp")}
        autoComplete="off"
        error={errorText(errors.scopes?.message, { max: 500 })}
        {...form.register("scopes")}
      />
      <TextAreaField
        label={t("allowedDomains")}
        help={t("allowedDomainsHelp")}
        rows={2}
        error={errorText(errors.allowedDomains?.message, { max: 4000 })}
        {...form.register("allowedDomains")}
      />
      <SelectField label={t("audience")} help={t("audienceHelp")} error={errorText(errors.audience?.message)} {...form.register("audience")}>
        {Object.values(SsoAudience).map((audience) => (
          <option key={audience} value={audience}>
            {t(`audiences.${audience}`)}
          </option>
        ))}
      </SelectField>
      <CheckboxField label={t("enabled")} {...form.register("enabled")} />
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? tc("saving") : id ? tc("save") : tc("create")}
      </Button>
    </form>
  );
}
