"use client";

// "Create portal users for customer X from domain Y" rules of one provider:
// the list with removal (after a confirmation) and the form adding one.
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { FormFeedback } from "@/components/forms/form-feedback";
import { useActionForm, useErrorText } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { SelectField, TextField } from "@/components/ui/field";
import type { SsoAudience } from "@/lib/generated/prisma/enums";
import { ssoClientCreationSchema, type SsoClientCreationInput } from "@/lib/sso/schemas";
import { addSsoClientCreationAction, removeSsoClientCreationAction } from "@/lib/sso/settings-actions";

interface Row {
  id: string;
  domain: string;
  customer: { id: string; name: string };
  profile: { id: string; name: string };
}

export function SsoClientCreations({
  providerId,
  rows,
  customers,
  profiles,
  audience,
}: {
  providerId: string;
  rows: Row[];
  customers: { id: string; name: string }[];
  profiles: { id: string; name: string }[];
  audience: SsoAudience;
}) {
  const t = useTranslations("sso");
  const errorText = useErrorText();
  const form = useForm<SsoClientCreationInput>({
    resolver: zodResolver(ssoClientCreationSchema),
    defaultValues: { domain: "", customerId: "", profileId: "" },
  });
  const { onSubmit, pending, formError, message } = useActionForm(form, async (values) => {
    const result = await addSsoClientCreationAction(providerId, values);
    if (result.ok) form.reset({ domain: "", customerId: "", profileId: "" });
    return result;
  });
  const { errors } = form.formState;
  return (
    <div className="space-y-4">
      <h2 className="text-lg font-medium">{t("clientCreations")}</h2>
      <p className="text-sm text-slate-600">{t("clientCreationsHelp")}</p>
      {audience === "STAFF" ? <Alert tone="info">{t("clientCreationsStaffOnly")}</Alert> : null}
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">{t("clientCreationsEmpty")}</p>
      ) : (
        <ul className="divide-y divide-slate-200">
          {rows.map((row) => (
            <li key={row.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
              <span>{t("clientCreationRow", { domain: row.domain, customer: row.customer.name, profile: row.profile.name })}</span>
              <ConfirmButton
                message={t("clientCreationRemoveConfirm", { domain: row.domain })}
                action={() => removeSsoClientCreationAction(providerId, row.id)}
              >
                {t("remove")}
              </ConfirmButton>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={onSubmit} noValidate className="space-y-3">
        <FormFeedback formError={formError} message={message} />
        <div className="grid gap-4 md:grid-cols-3">
          <TextField
            label={t("domain")}
            placeholder="example.org"
            autoComplete="off"
            error={errorText(errors.domain?.message, { max: 253 })}
            {...form.register("domain")}
          />
          <SelectField label={t("customer")} error={errorText(errors.customerId?.message)} {...form.register("customerId")}>
            <option value="">{t("choose")}</option>
            {customers.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </SelectField>
          <SelectField label={t("profile")} error={errorText(errors.profileId?.message)} {...form.register("profileId")}>
            <option value="">{t("choose")}</option>
            {profiles.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </SelectField>
        </div>
        <Button type="submit" variant="secondary" disabled={pending} aria-busy={pending}>
          {t("addClientCreation")}
        </Button>
      </form>
    </div>
  );
}
