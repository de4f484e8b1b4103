"use client";

// One address and a button: "forgot password" and "e-mail me a sign-in link"
// both ask only this, and both answer the same whether or not the account exists.
import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { FormFeedback } from "@/components/forms/form-feedback";
import { useActionForm, useErrorText } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import type { forgotPasswordAction } from "@/lib/auth/actions";
import { emailRequestSchema, type EmailRequestInput } from "@/lib/auth/schemas";

export function EmailRequestForm({ action, submitLabel }: { action: typeof forgotPasswordAction; submitLabel: "sendResetLink" | "sendSignInLink" }) {
  const t = useTranslations("auth");
  const tc = useTranslations("common");
  const errorText = useErrorText();
  const form = useForm<EmailRequestInput>({ resolver: zodResolver(emailRequestSchema), defaultValues: { email: "" } });
  const { onSubmit, pending, formError, message } = useActionForm(form, action);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormFeedback formError={formError} message={message} />
      <TextField
        label={t("email")}
        type="email"
        autoComplete="email"
        autoFocus
        error={errorText(form.formState.errors.email?.message)}
        {...form.register("email")}
      />
      <Button type="submit" className="w-full" disabled={pending} aria-busy={pending}>
        {pending ? tc("loading") : t(submitLabel)}
      </Button>
      <p className="text-center text-sm">
        <Link href="/login" className="text-indigo-700 underline">
          {t("backToLogin")}
        </Link>
      </p>
    </form>
  );
}
