"use client";

// A ticket type's parameter (custom field): its label in each language
// (English required; the others fall back to it), its kind, and the choices
// of the choice kinds (one per line) with their names in other languages.
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm, useWatch } from "react-hook-form";
import { FormFeedback } from "@/components/forms/form-feedback";
import { NameTranslations, type NameTranslationsValue } from "@/components/forms/name-translations";
import { useActionForm, useErrorText } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { CheckboxField, SelectField, TextField } from "@/components/ui/field";
import { TicketFieldKind } from "@/lib/generated/prisma/enums";
import { saveFieldAction } from "@/lib/tickets/settings/field-actions";
import { choiceKinds, fieldSchema, type FieldInput } from "@/lib/tickets/settings/schemas";
import { LinesField } from "./lines-field";

export function FieldForm({ typeId, fieldId, defaults, kindLocked }: { typeId: string; fieldId?: string; defaults: FieldInput; kindLocked: boolean }) {
  const t = useTranslations("ticketSettings.fields");
  const tk = useTranslations("ticketSettings.kinds");
  const tc = useTranslations("common");
  const errorText = useErrorText();
  const form = useForm<FieldInput>({ resolver: zodResolver(fieldSchema), defaultValues: defaults, values: fieldId ? defaults : undefined });
  const { onSubmit, pending, formError, message } = useActionForm(form, (values) => saveFieldAction(typeId, fieldId, values));
  const { errors } = form.formState;
  const isChoice = choiceKinds.includes(useWatch({ control: form.control, name: "kind" }));
  const options = useWatch({ control: form.control, name: "options" });
  const optionLabels = useWatch({ control: form.control, name: "optionLabels" }) as NameTranslationsValue | undefined;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormFeedback formError={formError} message={message} />
      <TextField label={t("labelEn")} autoComplete="off" error={errorText(errors.labels?.en?.message, { max: 200 })} {...form.register("labels.en")} />
      <TextField
        label={t("labelPtBr")}
        help={t("fallbackHelp")}
        autoComplete="off"
        error={errorText(errors.labels?.["pt-BR"]?.message, { max: 200 })}
        {...form.register("labels.pt-BR")}
      />
      <TextField
        label={t("labelFi")}
        help={t("fallbackHelp")}
        autoComplete="off"
        error={errorText(errors.labels?.fi?.message, { max: 200 })}
        {...form.register("labels.fi")}
      />
      {/* A field tickets have values for keeps its kind (the form keeps the stored one), so those values keep their meaning. */}
      {kindLocked ? (
        <TextField label={t("kind")} readOnly value={tk(defaults.kind)} help={t("kindLocked")} />
      ) : (
        <SelectField label={t("kind")} error={errorText(errors.kind?.message)} {...form.register("kind")}>
          {Object.values(TicketFieldKind).map((k) => (
            <option key={k} value={k}>
              {tk(k)}
            </option>
          ))}
        </SelectField>
      )}
      {isChoice ? (
        <LinesField
          control={form.control}
          name="options"
          label={t("options")}
          help={t("optionsHelp")}
          error={errorText(errors.options?.message, { max: 100 })}
        />
      ) : null}
      {isChoice ? <NameTranslations names={options} labels={optionLabels} onChange={(l) => form.setValue("optionLabels", l, { shouldDirty: true })} /> : null}
      <CheckboxField label={tc("active")} {...form.register("active")} />
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? tc("saving") : fieldId ? tc("save") : tc("create")}
      </Button>
    </form>
  );
}
