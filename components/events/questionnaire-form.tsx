"use client";

// The questionnaire template editor: ordered questions, each with a stable id
// (crypto.randomUUID for new ones), added, removed and moved with plain buttons
// so the keyboard can do everything; focus follows the moved question.
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Controller, useFieldArray, useForm, useWatch, type Control } from "react-hook-form";
import { FormFeedback } from "@/components/forms/form-feedback";
import { useActionForm, useErrorText } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { CheckboxField, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { saveQuestionnaireAction } from "@/lib/events/settings-actions";
import { QUESTION_KINDS, questionnaireSchema, type QuestionnaireInput } from "@/lib/events/schemas";

/** One option per line; the text is kept as typed, the list without blanks. */
function OptionsEditor({
  control,
  index,
  label,
  help,
  error,
}: {
  control: Control<QuestionnaireInput>;
  index: number;
  label: string;
  help: string;
  error?: string;
}) {
  return (
    <Controller
      control={control}
      name={`questions.${index}.options`}
      render={({ field }) => <OptionsText value={field.value ?? []} onChange={field.onChange} onBlur={field.onBlur} label={label} help={help} error={error} />}
    />
  );
}

function OptionsText({
  value,
  onChange,
  onBlur,
  label,
  help,
  error,
}: {
  value: string[];
  onChange: (v: string[]) => void;
  onBlur: () => void;
  label: string;
  help: string;
  error?: string;
}) {
  const [text, setText] = useState(value.join("\n"));
  return (
    <TextAreaField
      label={label}
      help={help}
      error={error}
      rows={4}
      value={text}
      onBlur={onBlur}
      onChange={(e) => {
        setText(e.target.value);
        onChange(
          e.target.value
            .split("\n")
            .map((s) => s.trim())
            .filter(Boolean),
        );
      }}
    />
  );
}

export function QuestionnaireForm({ id, defaults }: { id?: string; defaults: QuestionnaireInput }) {
  const t = useTranslations("settings.questionnaires");
  const tc = useTranslations("common");
  const errorText = useErrorText();
  const form = useForm<QuestionnaireInput>({ resolver: zodResolver(questionnaireSchema, undefined, { raw: true }), defaultValues: defaults });
  const { fields, append, remove, move } = useFieldArray({ control: form.control, name: "questions", keyName: "key" });
  const kinds = useWatch({ control: form.control, name: "questions" });
  const { onSubmit, pending, formError, message } = useActionForm(form, (values) => saveQuestionnaireAction(id, values));
  const { errors } = form.formState;
  const [announcement, setAnnouncement] = useState("");

  const moveTo = (from: number, to: number, direction: "up" | "down") => {
    move(from, to);
    setAnnouncement(t("moved", { position: to + 1 }));
    // Keep the keyboard on the question that moved.
    requestAnimationFrame(() => document.getElementById(`question-${to}-${direction}`)?.focus() ?? document.getElementById(`question-${to}-label`)?.focus());
  };

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormFeedback formError={formError} message={message} />
      <TextField label={tc("name")} autoComplete="off" error={errorText(errors.name?.message)} {...form.register("name")} />
      <p role="status" className="sr-only">
        {announcement}
      </p>
      <ol className="space-y-4">
        {fields.map((field, index) => {
          const kind = kinds?.[index]?.kind;
          const qErrors = errors.questions?.[index];
          return (
            <li key={field.key} className="rounded-md border border-slate-200 p-4">
              <fieldset className="space-y-3">
                <legend className="text-sm font-semibold text-slate-900">{t("questionNumber", { number: index + 1 })}</legend>
                <div className="grid gap-3 md:grid-cols-2">
                  <TextField
                    id={`question-${index}-label`}
                    label={t("label")}
                    autoComplete="off"
                    error={errorText(qErrors?.label?.message, { max: 500 })}
                    {...form.register(`questions.${index}.label`)}
                  />
                  <SelectField label={t("kind")} {...form.register(`questions.${index}.kind`)}>
                    {QUESTION_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {t(`kinds.${k}`)}
                      </option>
                    ))}
                  </SelectField>
                </div>
                {kind === "SINGLE_CHOICE" || kind === "MULTIPLE_CHOICE" ? (
                  <OptionsEditor
                    control={form.control}
                    index={index}
                    label={t("options")}
                    help={t("optionsHelp")}
                    error={errorText(qErrors?.options?.message ?? qErrors?.options?.root?.message)}
                  />
                ) : null}
                <CheckboxField label={t("required")} {...form.register(`questions.${index}.required`)} />
                <div className="flex flex-wrap gap-2">
                  <Button
                    id={`question-${index}-up`}
                    variant="secondary"
                    disabled={index === 0}
                    onClick={() => moveTo(index, index - 1, "up")}
                    aria-label={t("moveUp", { number: index + 1 })}
                  >
                    ↑ {t("up")}
                  </Button>
                  <Button
                    id={`question-${index}-down`}
                    variant="secondary"
                    disabled={index === fields.length - 1}
                    onClick={() => moveTo(index, index + 1, "down")}
                    aria-label={t("moveDown", { number: index + 1 })}
                  >
                    ↓ {t("down")}
                  </Button>
                  <Button variant="ghost" onClick={() => remove(index)} aria-label={t("removeQuestion", { number: index + 1 })}>
                    {t("remove")}
                  </Button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      {fields.length === 0 ? <p className="text-sm text-slate-600">{t("noQuestions")}</p> : null}
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" onClick={() => append({ id: crypto.randomUUID(), label: "", kind: "SHORT_TEXT", required: false, options: [] })}>
          {t("addQuestion")}
        </Button>
        <Button type="submit" disabled={pending} aria-busy={pending}>
          {pending ? tc("saving") : id ? tc("save") : tc("create")}
        </Button>
      </div>
    </form>
  );
}
