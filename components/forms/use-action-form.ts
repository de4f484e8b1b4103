"use client";

// Binds a react-hook-form form to a server action returning ActionResult:
// field errors land on their fields (setError), the form error above the form.
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import type { ActionResult, MessageRef } from "@/lib/forms/action-result";

export function useActionForm<V extends FieldValues, T = undefined>(form: UseFormReturn<V>, action: (values: V) => Promise<ActionResult<T>>) {
  const t = useTranslations();
  const [pending, startTransition] = useTransition();
  const [formError, setFormError] = useState<MessageRef | null>(null);
  const [message, setMessage] = useState<MessageRef | null>(null);

  const onSubmit = form.handleSubmit((values) => {
    setFormError(null);
    setMessage(null);
    startTransition(async () => {
      try {
        const result = await action(values);
        if (result.ok) {
          setMessage(result.message ?? null);
          return;
        }
        for (const [field, key] of Object.entries(result.fieldErrors ?? {})) {
          form.setError(field as Path<V>, { type: "server", message: key });
        }
        setFormError(result.formError ?? null);
      } catch (error) {
        // A redirect() from the action is not an error.
        if (error instanceof Error && "digest" in error && String((error as { digest: unknown }).digest).startsWith("NEXT_REDIRECT")) throw error;
        // A form past the size limit: proxy.ts answers with this very text.
        const tooLarge = error instanceof Error && error.message === t("errors.requestTooLarge");
        setFormError({ key: tooLarge ? "errors.requestTooLarge" : "common.genericError" });
      }
    });
  });

  return { onSubmit, pending, formError, message };
}

/** Translates a message key coming from zod or the server; params for the common ones. */
export function useErrorText() {
  const t = useTranslations();
  return (key: string | undefined, values?: Record<string, string | number>) => {
    if (!key) return undefined;
    // A message that is not one of ours (a library's default) is shown generically.
    if (!t.has(key as never)) return t("validation.invalid");
    try {
      return t(key as never, { min: 10, max: 200, ...values } as never);
    } catch {
      return t("validation.invalid");
    }
  };
}
