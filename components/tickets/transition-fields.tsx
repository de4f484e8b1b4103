"use client";

// The "Save/Request" hand-over: the next stage among the allowed
// transitions, one of its conditions, and the reason. Bound to a
// react-hook-form form with the fields toStageId, conditionId and reason.
import { useTranslations } from "next-intl";
import { useWatch, type FieldValues, type Path, type PathValue, type UseFormReturn } from "react-hook-form";
import { useErrorText } from "@/components/forms/use-action-form";
import { SelectField, TextAreaField } from "@/components/ui/field";
import { REASON_MAX } from "@/lib/tickets/schemas";
import type { TransitionView } from "@/lib/tickets/views";
import { RequiredMark } from "./ticket-fields";
import { onlyCondition } from "./transition-choice";

interface TransitionFieldsProps<V extends FieldValues> {
  transitions: TransitionView[];
  form: UseFormReturn<V>;
  /** Prefix for the inputs' ids, when two of these share a page. */
  idPrefix?: string;
  reasonRequired?: boolean;
  /** The reason's label, e.g. "Why do you reject it?". */
  reasonLabel?: string;
  /** Staff screens label a terminal next stage "Complete". */
  audience?: "portal" | "staff";
  /** Marks the required inputs with *, on forms that explain the mark. */
  markRequired?: boolean;
}

export function TransitionFields<V extends FieldValues>({
  transitions,
  form,
  idPrefix = "forward",
  reasonRequired = true,
  reasonLabel,
  audience = "portal",
  markRequired = false,
}: TransitionFieldsProps<V>) {
  const t = useTranslations("tickets.forward");
  const ts = useTranslations("tickets.staff.forward");
  const tr = useTranslations("tickets.responsible");
  const errorText = useErrorText();
  const errors = form.formState.errors as Record<string, { message?: string } | undefined>;
  const toStageName = "toStageId" as Path<V>;
  const conditionName = "conditionId" as Path<V>;
  const chosenStage = useWatch({ control: form.control, name: toStageName }) as string | undefined;
  const transition = transitions.find((x) => x.toStageId === chosenStage);
  const stageField = form.register(toStageName);
  const label = (text: string, required = true) =>
    markRequired && required ? (
      <>
        {text}
        <RequiredMark />
      </>
    ) : (
      text
    );

  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <SelectField
        id={`${idPrefix}-stage`}
        label={label(t("nextStage"))}
        aria-required
        error={errorText(errors.toStageId?.message)}
        {...stageField}
        onChange={async (e) => {
          await stageField.onChange(e);
          // A new stage offers other conditions: start again from its only one, if so.
          const next = transitions.find((x) => x.toStageId === e.target.value);
          form.setValue(conditionName, onlyCondition(next) as PathValue<V, Path<V>>);
        }}
      >
        <option value="">{t("chooseStage")}</option>
        {transitions.map((x) => (
          <option key={x.toStageId} value={x.toStageId}>
            {x.terminal
              ? audience === "staff"
                ? ts("completeStage", { stage: x.toStageName })
                : t("stageTerminal", { stage: x.toStageName })
              : t("stageWith", { stage: x.toStageName, responsible: tr(`party.${x.toResponsible}`) })}
          </option>
        ))}
      </SelectField>
      <SelectField
        id={`${idPrefix}-condition`}
        label={label(t("condition"))}
        aria-required
        disabled={!transition}
        error={errorText(errors.conditionId?.message)}
        {...form.register(conditionName)}
      >
        <option value="">{t("chooseCondition")}</option>
        {(transition?.conditions ?? []).map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </SelectField>
      <div className="sm:col-span-2">
        <TextAreaField
          id={`${idPrefix}-reason`}
          label={label(reasonLabel ?? t("reason"), reasonRequired)}
          rows={3}
          maxLength={REASON_MAX}
          aria-required={reasonRequired || undefined}
          help={t("reasonHelp")}
          error={errorText(errors.reason?.message, { max: REASON_MAX })}
          {...form.register("reason" as Path<V>)}
        />
      </div>
    </div>
  );
}
