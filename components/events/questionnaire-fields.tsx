"use client";

// The questions of a registration questionnaire as form fields, bound to a
// react-hook-form form under "answers.<questionId>". The server validates the
// answers again (lib/events/questionnaire.ts) and its errors land on these fields.
import { useTranslations } from "next-intl";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import { useErrorText } from "@/components/forms/use-action-form";
import { FieldError, TextAreaField, TextField } from "@/components/ui/field";
import type { Question } from "@/lib/events/schemas";

export function QuestionnaireFields<V extends FieldValues>({ questions, form }: { questions: Question[]; form: UseFormReturn<V> }) {
  const t = useTranslations("events.questionnaire");
  const errorText = useErrorText();
  const errors = (form.formState.errors as { answers?: Record<string, { message?: string }> }).answers ?? {};
  return (
    <div className="space-y-4">
      {questions.map((q) => {
        const name = `answers.${q.id}` as Path<V>;
        const label = (
          <>
            {q.label}
            {q.required ? <span className="text-red-700"> *</span> : null}
          </>
        );
        const error = errorText(errors[q.id]?.message);
        switch (q.kind) {
          case "LONG_TEXT":
            return <TextAreaField key={q.id} label={label} rows={4} error={error} {...form.register(name)} />;
          case "NUMBER":
            return <TextField key={q.id} label={label} type="number" step="any" inputMode="decimal" error={error} {...form.register(name)} />;
          case "DATE":
            return <TextField key={q.id} label={label} type="date" error={error} {...form.register(name)} />;
          case "SHORT_TEXT":
            return <TextField key={q.id} label={label} error={error} {...form.register(name)} />;
          default: {
            const options =
              q.kind === "YES_NO"
                ? [
                    { value: "yes", label: t("yes") },
                    { value: "no", label: t("no") },
                  ]
                : q.options.map((o) => ({ value: o, label: o }));
            const multiple = q.kind === "MULTIPLE_CHOICE";
            return (
              <fieldset key={q.id} aria-describedby={error ? `${q.id}-error` : undefined}>
                <legend className="text-sm font-medium text-slate-800">{label}</legend>
                <div className="mt-1 space-y-1">
                  {options.map((o) => (
                    <label key={o.value} className="flex items-center gap-2 text-sm">
                      <input
                        type={multiple ? "checkbox" : "radio"}
                        value={o.value}
                        className="h-4 w-4 text-indigo-700 focus:ring-indigo-600"
                        {...form.register(name)}
                      />
                      {o.label}
                    </label>
                  ))}
                </div>
                <FieldError id={`${q.id}-error`} error={error} />
              </fieldset>
            );
          }
        }
      })}
    </div>
  );
}
