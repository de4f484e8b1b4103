"use client";

// A public registrant adds the CPF their certificate needs, on their private-link page.
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { FormFeedback } from "@/components/forms/form-feedback";
import { useActionForm, useErrorText } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { cpfSchema, type CpfInput } from "@/lib/account/cpf-schema";
import { setCpfByTokenAction } from "@/lib/events/certificates/actions";

export function TokenCpfForm({ token }: { token: string }) {
  const t = useTranslations("certificates.cpf");
  const ta = useTranslations("account");
  const errorText = useErrorText();
  const form = useForm<CpfInput>({ resolver: zodResolver(cpfSchema), defaultValues: { cpf: "" } });
  const { onSubmit, pending, formError, message } = useActionForm(form, (values) => setCpfByTokenAction(token, values));
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-4">
      <h2 className="font-medium">{t("title")}</h2>
      <p className="text-sm text-slate-700">{t("help")}</p>
      <FormFeedback formError={formError} message={message} />
      <TextField label={ta("cpf")} inputMode="numeric" autoComplete="off" error={errorText(form.formState.errors.cpf?.message)} {...form.register("cpf")} />
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {t("save")}
      </Button>
    </form>
  );
}
