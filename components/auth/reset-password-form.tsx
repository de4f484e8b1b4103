"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { useActionForm, useErrorText } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { resetPasswordAction } from "@/lib/auth/actions";
import { newPasswordSchema, type NewPasswordInput } from "@/lib/auth/schemas";

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("auth");
  const tc = useTranslations("common");
  const errorText = useErrorText();
  const form = useForm<NewPasswordInput>({ resolver: zodResolver(newPasswordSchema), defaultValues: { token, password: "", confirm: "" } });
  const { onSubmit, pending, formError } = useActionForm(form, resetPasswordAction);
  const { errors } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {formError ? <Alert tone="error">{errorText(formError.key, formError.values)}</Alert> : null}
      <input type="hidden" {...form.register("token")} />
      <TextField
        label={t("newPassword")}
        type="password"
        autoComplete="new-password"
        error={errorText(errors.password?.message)}
        {...form.register("password")}
      />
      <TextField
        label={t("confirmPassword")}
        type="password"
        autoComplete="new-password"
        error={errorText(errors.confirm?.message)}
        {...form.register("confirm")}
      />
      <Button type="submit" className="w-full" disabled={pending} aria-busy={pending}>
        {pending ? tc("saving") : t("setPassword")}
      </Button>
    </form>
  );
}
