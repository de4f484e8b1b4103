"use client";

// Staff write or revise the understanding:
// the analysis or proposed solution the client approves or rejects once the
// ticket reaches them. A revision clears the earlier decision (the domain does).
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { FormFeedback } from "@/components/forms/form-feedback";
import { useActionForm, useErrorText } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import type { ActionResult } from "@/lib/forms/action-result";
import { TEXT_MAX, understandingSchema, type UnderstandingInput } from "@/lib/tickets/schemas";

export function UnderstandingEditor({ understanding, action }: { understanding: string; action: (input: UnderstandingInput) => Promise<ActionResult> }) {
  const t = useTranslations("tickets.staff");
  const tc = useTranslations("common");
  const errorText = useErrorText();
  const form = useForm<UnderstandingInput>({ resolver: zodResolver(understandingSchema), defaultValues: { understanding } });
  const { onSubmit, pending, formError, message } = useActionForm(form, action);
  const { errors } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label={t("understanding")}>
      <FormFeedback formError={formError} message={message} />
      <TextAreaField
        label={t("understandingEdit")}
        help={t("understandingHelp")}
        rows={6}
        maxLength={TEXT_MAX}
        error={errorText(errors.understanding?.message, { max: TEXT_MAX })}
        {...form.register("understanding")}
      />
      <Button type="submit" variant="secondary" disabled={pending} aria-busy={pending}>
        {pending ? tc("saving") : t("saveUnderstanding")}
      </Button>
    </form>
  );
}
