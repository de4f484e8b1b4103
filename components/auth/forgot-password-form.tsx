"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { FormFeedback } from "@/components/forms/form-feedback";
import { useActionForm, useErrorText } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { forgotPasswordAction } from "@/lib/auth/actions";
import { forgotPasswordSchema, type ForgotPasswordInput } from "@/lib/auth/schemas";

export function ForgotPasswordForm() {
  const t = useTranslations("auth");
  const tc = useTranslations("common");
  const errorText = useErrorText();
  const form = useForm<ForgotPasswordInput>({ resolver: zodResolver(forgotPasswordSchema), defaultValues: { email: "" } });
  const { onSubmit, pending, formError, message } = useActionForm(form, forgotPasswordAction);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormFeedback formError={formError} message={message} />
      <TextField label={t("email")} type="email" autoComplete="email" error={errorText(form.formState.errors.email?.message)} {...form.register("email")} />
      <Button type="submit" className="w-full" disabled={pending} aria-busy={pending}>
        {pending ? tc("loading") : t("sendResetLink")}
      </Button>
      <p className="text-center text-sm">
        <Link href="/login" className="text-indigo-700 underline">
          {t("backToLogin")}
        </Link>
      </p>
    </form>
  );
}
