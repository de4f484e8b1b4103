"use client";

// The person's national id (a CPF unless the installation chose otherwise): the
// one place a portal user sees and changes it. Not rendered when the
// installation asks for none.
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { useForm } from "react-hook-form";
import { useActionForm, useErrorText } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { setOwnCpfAction } from "@/lib/account/actions";
import type { CpfInput } from "@/lib/account/cpf-schema";
import { formatNationalId, nationalIdInputSchema, type NationalIdSetting } from "@/lib/settings/national-id-schema";

export function CpfForm({ current, setting }: { current: string | null; setting: NationalIdSetting }) {
  const t = useTranslations("account");
  const tc = useTranslations("common");
  const errorText = useErrorText();
  const schema = useMemo(() => nationalIdInputSchema(setting), [setting]);
  const form = useForm<CpfInput>({ resolver: zodResolver(schema), defaultValues: { cpf: current ? formatNationalId(setting, current) : "" } });
  const { onSubmit, pending, formError, message } = useActionForm(form, setOwnCpfAction);
  const other = setting.mode === "other" ? setting.label : null;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {!current && !message ? <Alert tone="warning">{other ? t("nationalIdMissing", { label: other }) : t("cpfMissing")}</Alert> : null}
      {formError ? <Alert tone="error">{errorText(formError.key, formError.values)}</Alert> : null}
      {message ? <Alert tone="success">{errorText(message.key, message.values)}</Alert> : null}
      <TextField
        label={other ?? t("cpf")}
        inputMode={other ? "text" : "numeric"}
        autoComplete="off"
        placeholder={other ? undefined : "000.000.000-00"}
        help={other ? t("nationalIdHelp") : t("cpfHelp")}
        error={errorText(form.formState.errors.cpf?.message)}
        {...form.register("cpf")}
      />
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? tc("saving") : t("saveCpf", { label: other ?? t("cpf") })}
      </Button>
    </form>
  );
}
