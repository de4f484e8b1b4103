"use client";

import { useTranslations } from "next-intl";
import { usePathname, useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { FormFeedback } from "@/components/forms/form-feedback";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { registerInPortalAction } from "@/lib/events/portal-actions";
import type { PortalRegistrationInput, Question } from "@/lib/events/schemas";
import { QuestionnaireFields } from "./questionnaire-fields";

export function PortalRegisterForm({ eventId, questions }: { eventId: string; questions: Question[] }) {
  const t = useTranslations("events.portal");
  const router = useRouter();
  const pathname = usePathname();
  const form = useForm<PortalRegistrationInput>({ defaultValues: { eventId, answers: {} } });
  const { onSubmit, pending, formError, message } = useActionForm(form, async (values) => {
    const result = await registerInPortalAction(values);
    // The page swaps this form for the registration; it shows the confirmation itself (?registered=1).
    if (result.ok) router.replace(`${pathname}?registered=1`, { scroll: false });
    return result;
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormFeedback formError={formError} message={message} />
      {questions.length > 0 ? <QuestionnaireFields questions={questions} form={form} /> : null}
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? t("registering") : t("register")}
      </Button>
    </form>
  );
}
