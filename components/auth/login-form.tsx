"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { useActionForm, useErrorText } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { loginAction } from "@/lib/auth/actions";
import { loginSchema, type LoginInput } from "@/lib/auth/schemas";

export function LoginForm({ callbackUrl }: { callbackUrl?: string }) {
  const t = useTranslations("auth");
  const errorText = useErrorText();
  const form = useForm<LoginInput>({ resolver: zodResolver(loginSchema), defaultValues: { email: "", password: "" } });
  const { onSubmit, pending, formError } = useActionForm(form, async (values) => {
    const result = await loginAction({ ...values, callbackUrl });
    // A refused sign-in keeps the e-mail but not the password: the next try starts from a blank field.
    if (!result.ok) {
      form.setValue("password", "");
      form.setFocus("password");
    }
    return result;
  });
  const { errors } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {formError ? <Alert tone="error">{errorText(formError.key, formError.values)}</Alert> : null}
      <TextField
        label={t("email")}
        type="email"
        autoComplete="username webauthn"
        autoFocus
        error={errorText(errors.email?.message)}
        {...form.register("email")}
      />
      <TextField
        label={t("password")}
        type="password"
        autoComplete="current-password"
        error={errorText(errors.password?.message)}
        {...form.register("password")}
      />
      <Button type="submit" className="w-full" disabled={pending} aria-busy={pending}>
        {pending ? t("signingIn") : t("signIn")}
      </Button>
      <p className="flex flex-col items-center gap-2 text-center text-sm">
        <Link href="/forgot-password" className="text-indigo-700 underline">
          {t("forgotPassword")}
        </Link>
        <Link href="/login/link" className="text-indigo-700 underline">
          {t("emailMeALink")}
        </Link>
      </p>
    </form>
  );
}
