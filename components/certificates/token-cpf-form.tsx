"use client";

// A public registrant adds the national id (a CPF unless the installation chose
// another) their certificate needs, on their private-link page.
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { useForm } from "react-hook-form";
import { FormFeedback } from "@/components/forms/form-feedback";
import { useActionForm, useErrorText } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import type { CpfInput } from "@/lib/account/cpf-schema";
import { setCpfByTokenAction } from "@/lib/events/certificates/actions";
import { nationalIdInputSchema, type NationalIdSetting } from "@/lib/settings/national-id-schema";

export function TokenCpfForm({ token, setting }: { token: string; setting: NationalIdSetting }) {
  const t = useTranslations("certificates.cpf");
  const ta = useTranslations("account");
  const errorText = useErrorText();
  const schema = useMemo(() => nationalIdInputSchema(setting), [setting]);
  const form = useForm<CpfInput>({ resolver: zodResolver(schema), defaultValues: { cpf: "" } });
  const { onSubmit, pending, formError, message } = useActionForm(form, (values) => setCpfByTokenAction(token, values));
  const other = setting.mode === "other" ? setting.label : null;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-4">
      <h2 className="font-medium">{other ? t("titleOther", { label: other }) : t("title")}</h2>
      <p className="text-sm text-slate-700">{other ? t("helpOther", { label: other }) : t("help")}</p>
      <FormFeedback formError={formError} message={message} />
      <TextField
        label={other ?? ta("cpf")}
        inputMode={other ? "text" : "numeric"}
        autoComplete="off"
        error={errorText(form.formState.errors.cpf?.message)}
        {...form.register("cpf")}
      />
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {other ? t("saveOther", { label: other }) : t("save")}
      </Button>
    </form>
  );
}
