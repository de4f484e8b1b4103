"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { useActionForm, useErrorText } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { setOwnCpfAction } from "@/lib/account/actions";
import { cpfSchema, type CpfInput } from "@/lib/account/cpf-schema";
import { formatCpf } from "@/lib/events/cpf";

export function CpfForm({ current }: { current: string | null }) {
  const t = useTranslations("account");
  const tc = useTranslations("common");
  const errorText = useErrorText();
  const form = useForm<CpfInput>({ resolver: zodResolver(cpfSchema), defaultValues: { cpf: current ? formatCpf(current) : "" } });
  const { onSubmit, pending, formError, message } = useActionForm(form, setOwnCpfAction);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {!current && !message ? <Alert tone="warning">{t("cpfMissing")}</Alert> : null}
      {formError ? <Alert tone="error">{errorText(formError.key, formError.values)}</Alert> : null}
      {message ? <Alert tone="success">{errorText(message.key)}</Alert> : null}
      <TextField label={t("cpf")} inputMode="numeric" autoComplete="off" placeholder="000.000.000-00" help={t("cpfHelp")} error={errorText(form.formState.errors.cpf?.message)} {...form.register("cpf")} />
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? tc("saving") : tc("save")}
      </Button>
    </form>
  );
}
