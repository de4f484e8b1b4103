"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { useActionForm, useErrorText } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { verifySecondFactorAction } from "@/lib/auth/sign-in-actions";
import { codeSchema, type CodeInput } from "@/lib/auth/two-factor-schemas";

/** The second step of a sign-in: a code from the app or a recovery code. */
export function SecondFactorForm({ callbackUrl }: { callbackUrl?: string }) {
  const t = useTranslations("auth");
  const errorText = useErrorText();
  const form = useForm<CodeInput>({ resolver: zodResolver(codeSchema), defaultValues: { code: "" } });
  const { onSubmit, pending, formError } = useActionForm(form, async (values) => {
    const result = await verifySecondFactorAction({ ...values, callbackUrl });
    if (!result.ok) {
      form.setValue("code", "");
      form.setFocus("code");
    }
    return result;
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {formError ? <Alert tone="error">{errorText(formError.key, formError.values)}</Alert> : null}
      <TextField
        label={t("code")}
        autoComplete="one-time-code"
        inputMode="text"
        autoFocus
        spellCheck={false}
        error={errorText(form.formState.errors.code?.message)}
        {...form.register("code")}
      />
      <Button type="submit" className="w-full" disabled={pending} aria-busy={pending}>
        {pending ? t("signingIn") : t("verify")}
      </Button>
      <p className="text-center text-sm">
        <Link href="/login" className="text-indigo-700 underline">
          {t("backToLogin")}
        </Link>
      </p>
    </form>
  );
}
