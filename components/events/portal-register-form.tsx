"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { useActionForm, useErrorText } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { registerInPortalAction } from "@/lib/events/portal-actions";
import type { PortalRegistrationInput, Question } from "@/lib/events/schemas";
import { QuestionnaireFields } from "./questionnaire-fields";

export function PortalRegisterForm({ eventId, questions }: { eventId: string; questions: Question[] }) {
  const t = useTranslations("events.portal");
  const errorText = useErrorText();
  const router = useRouter();
  const form = useForm<PortalRegistrationInput>({ defaultValues: { eventId, answers: {} } });
  const { onSubmit, pending, formError, message } = useActionForm(form, async (values) => {
    const result = await registerInPortalAction(values);
    if (result.ok) router.refresh();
    return result;
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {formError ? <Alert tone="error">{errorText(formError.key, formError.values)}</Alert> : null}
      {message ? <Alert tone="success">{errorText(message.key, message.values)}</Alert> : null}
      {questions.length > 0 ? <QuestionnaireFields questions={questions} form={form} /> : null}
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? t("registering") : t("register")}
      </Button>
    </form>
  );
}
