"use client";

// A ticket's parameters (custom fields), already filtered for the viewer's
// audience by lib/tickets/views.ts: read-only display, and inputs bound to a
// react-hook-form form under "values.<fieldId>" (the key the server uses for
// its field errors, so they land next to the right input).
import { useFormatter, useTranslations } from "next-intl";
import { useController, type Control, type FieldValues, type Path, type UseFormReturn } from "react-hook-form";
import { useErrorText } from "@/components/forms/use-action-form";
import { FieldError, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { TicketFieldKind } from "@/lib/generated/prisma/enums";
import type { TicketFieldView } from "@/lib/tickets/views";

/**
 * The visual star, drawn by CSS so a label's text stays the field's name alone
 * (what finding a field by its label matches); inputs carry aria-required,
 * read-only rows say it in words to screen readers.
 */
export function RequiredMark({ spoken = false }: { spoken?: boolean }) {
  const t = useTranslations("tickets.fields");
  return (
    <>
      <span aria-hidden="true" data-required-mark="" className="ml-1 text-red-700 after:content-['*']" title={t("required")} />
      {spoken ? <span className="sr-only"> ({t("required")})</span> : null}
    </>
  );
}

/** A stored value as text: dates without a time zone shift, yes/no and choices translated or joined. */
function FieldValueText({ field }: { field: Pick<TicketFieldView, "kind" | "value"> & { optionLabels?: Record<string, string> } }) {
  const t = useTranslations("tickets.fields");
  const format = useFormatter();
  const v = field.value;
  if (v === null || v === undefined || v === "" || (Array.isArray(v) && v.length === 0)) return <span className="text-slate-500">{t("empty")}</span>;
  switch (field.kind) {
    case TicketFieldKind.YES_NO:
      return <>{v === true || v === "true" ? t("yes") : t("no")}</>;
    case TicketFieldKind.SINGLE_CHOICE:
      return <>{field.optionLabels?.[String(v)] ?? String(v)}</>;
    case TicketFieldKind.MULTIPLE_CHOICE:
      return <>{Array.isArray(v) ? v.map((o) => field.optionLabels?.[String(o)] ?? String(o)).join(", ") : String(v)}</>;
    case TicketFieldKind.DATE: {
      // A calendar date, not an instant: format it in UTC so no time zone moves it a day.
      const date = typeof v === "string" ? new Date(`${v}T00:00:00Z`) : null;
      return <>{date && !Number.isNaN(date.getTime()) ? format.dateTime(date, { dateStyle: "medium", timeZone: "UTC" }) : String(v)}</>;
    }
    case TicketFieldKind.LONG_TEXT:
      return <span className="break-words whitespace-pre-wrap">{String(v)}</span>;
    default:
      return <>{String(v)}</>;
  }
}

/** All fields as a read-only list (completed tickets, or when it is not the viewer's turn). */
export function TicketFieldsDisplay({ fields }: { fields: TicketFieldView[] }) {
  const t = useTranslations("tickets.fields");
  if (fields.length === 0) return <p className="text-sm text-slate-600">{t("none")}</p>;
  return (
    <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[minmax(10rem,auto)_1fr]">
      {fields.map((f) => (
        <div key={f.id} className="contents">
          <dt className="font-medium text-slate-700">
            {f.label}
            {f.required ? <RequiredMark spoken /> : null}
          </dt>
          <dd className="text-slate-900">
            <FieldValueText field={f} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

function MultipleChoiceInput<V extends FieldValues>({ field, control, error }: { field: TicketFieldView; control: Control<V>; error?: string }) {
  const { field: input } = useController({ control, name: `values.${field.id}` as Path<V> });
  const selected: string[] = Array.isArray(input.value) ? (input.value as string[]) : [];
  const errorId = `field-${field.id}-error`;
  return (
    <fieldset aria-describedby={error ? errorId : undefined} aria-invalid={error ? true : undefined}>
      <legend className="text-sm font-medium text-slate-800">
        {field.label}
        {field.required ? <RequiredMark /> : null}
      </legend>
      <div className="mt-1 space-y-1">
        {field.options.map((option) => (
          <label key={option} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              value={option}
              checked={selected.includes(option)}
              onChange={(e) => input.onChange(e.currentTarget.checked ? [...selected, option] : selected.filter((o) => o !== option))}
              onBlur={input.onBlur}
              className="h-4 w-4 rounded border-slate-300 text-indigo-700 focus:ring-indigo-600"
            />
            {field.optionLabels?.[option] ?? option}
          </label>
        ))}
      </div>
      <FieldError id={errorId} error={error} />
    </fieldset>
  );
}

/**
 * Inputs for the editable fields and read-only rows for the others, in the
 * configured order. The form's values live under "values.<fieldId>" as
 * strings (string[] for multiple choice); see field-form-values.ts.
 */
export function TicketFieldInputs<V extends FieldValues>({ fields, form }: { fields: TicketFieldView[]; form: UseFormReturn<V> }) {
  const t = useTranslations("tickets.fields");
  const errorText = useErrorText();
  const errors = (form.formState.errors as { values?: Record<string, { message?: string }> }).values ?? {};
  if (fields.length === 0) return null;
  return (
    <div className="space-y-4">
      {fields.map((f) => {
        const error = errorText(errors[f.id]?.message);
        if (!f.editable) {
          return (
            <div key={f.id} className="text-sm">
              <p className="font-medium text-slate-800">
                {f.label}
                {f.required ? <RequiredMark spoken /> : null} <span className="text-xs font-normal text-slate-500">({t("readOnly")})</span>
              </p>
              <p className="mt-1 text-slate-900">
                <FieldValueText field={f} />
              </p>
              <FieldError error={error} />
            </div>
          );
        }
        const name = `values.${f.id}` as Path<V>;
        const label = (
          <>
            {f.label}
            {f.required ? <RequiredMark /> : null}
          </>
        );
        const common = { id: `field-${f.id}`, label, error, "aria-required": f.required || undefined };
        switch (f.kind) {
          case TicketFieldKind.LONG_TEXT:
            return <TextAreaField key={f.id} rows={4} {...common} {...form.register(name)} />;
          case TicketFieldKind.NUMBER:
            return <TextField key={f.id} type="number" step="any" inputMode="decimal" {...common} {...form.register(name)} />;
          case TicketFieldKind.DATE:
            return <TextField key={f.id} type="date" {...common} {...form.register(name)} />;
          case TicketFieldKind.SINGLE_CHOICE:
            return (
              <SelectField key={f.id} {...common} {...form.register(name)}>
                <option value="">{t("choose")}</option>
                {f.options.map((o) => (
                  <option key={o} value={o}>
                    {f.optionLabels?.[o] ?? o}
                  </option>
                ))}
              </SelectField>
            );
          case TicketFieldKind.YES_NO:
            return (
              <SelectField key={f.id} {...common} {...form.register(name)}>
                <option value="">{t("choose")}</option>
                <option value="true">{t("yes")}</option>
                <option value="false">{t("no")}</option>
              </SelectField>
            );
          case TicketFieldKind.MULTIPLE_CHOICE:
            return <MultipleChoiceInput key={f.id} field={f} control={form.control} error={error} />;
          default:
            return <TextField key={f.id} maxLength={500} {...common} {...form.register(name)} />;
        }
      })}
    </div>
  );
}
