"use client";

// The ways out of a stage: each allowed next stage with its named conditions
// (one per line; at least one, since forwarding a ticket asks for one), and
// the form that adds a new one. Each condition may carry its name in other
// languages, shown to clients reading Portico in them.
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm, useWatch } from "react-hook-form";
import { FormFeedback } from "@/components/forms/form-feedback";
import { useActionForm, useErrorText } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { NameTranslations, writtenNames, type NameTranslationsValue } from "@/components/forms/name-translations";
import { SelectField } from "@/components/ui/field";
import { deleteTransitionAction, saveTransitionAction, saveTransitionConditionsAction } from "@/lib/tickets/settings/workflow-actions";
import { transitionConditionsSchema, transitionSchema, type TransitionConditionsInput, type TransitionInput } from "@/lib/tickets/settings/schemas";
import { LinesField } from "./lines-field";

type Decisions = NonNullable<TransitionConditionsInput["decisions"]>;
type ConditionLabels = NameTranslationsValue;

/** One select per condition written so far: what choosing it decides on the understanding. */
function ConditionDecisions({
  conditions,
  decisions,
  onChange,
}: {
  conditions: string[] | undefined;
  decisions: Partial<Decisions> | undefined;
  onChange: (decisions: Decisions) => void;
}) {
  const t = useTranslations("ticketSettings.transitions");
  const names = writtenNames(conditions);
  if (names.length === 0) return null;
  const current: Decisions = {};
  for (const [name, decision] of Object.entries(decisions ?? {})) if (decision !== undefined) current[name] = decision;
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">{t("decisions")}</legend>
      {names.map((name) => (
        <SelectField
          key={name}
          label={t("decisionOf", { name })}
          value={current[name] ?? ""}
          onChange={(e) => onChange({ ...current, [name]: e.target.value as Decisions[string] })}
        >
          <option value="">{t("decisionNone")}</option>
          <option value="APPROVE">{t("decisionApprove")}</option>
          <option value="REJECT">{t("decisionReject")}</option>
        </SelectField>
      ))}
    </fieldset>
  );
}

export function TransitionEditor({
  transitionId,
  toStageName,
  toStageActive,
  conditions,
  decisions = {},
  labels = {},
}: {
  transitionId: string;
  toStageName: string;
  toStageActive: boolean;
  conditions: string[];
  decisions?: Decisions;
  labels?: ConditionLabels;
}) {
  const t = useTranslations("ticketSettings.transitions");
  const tc = useTranslations("common");
  const errorText = useErrorText();
  const defaults = { conditions, decisions, labels };
  const form = useForm<TransitionConditionsInput>({ resolver: zodResolver(transitionConditionsSchema), defaultValues: defaults, values: defaults });
  const watched = useWatch({ control: form.control });
  const { onSubmit, pending, formError, message } = useActionForm(form, (values) => saveTransitionConditionsAction(transitionId, values));
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3 rounded-md border border-slate-200 p-4" aria-label={t("to", { name: toStageName })}>
      <h3 className="font-medium">
        {t("to", { name: toStageName })} {toStageActive ? null : <span className="text-sm font-normal text-amber-800">({t("targetArchived")})</span>}
      </h3>
      <FormFeedback formError={formError} message={message} />
      <LinesField
        control={form.control}
        name="conditions"
        label={t("conditions")}
        help={t("conditionsHelp")}
        error={errorText(form.formState.errors.conditions?.message, { max: 100 })}
        rows={3}
      />
      <ConditionDecisions
        conditions={watched.conditions}
        decisions={watched.decisions}
        onChange={(d) => form.setValue("decisions", d, { shouldDirty: true })}
      />
      <NameTranslations
        names={watched.conditions}
        labels={watched.labels as ConditionLabels | undefined}
        onChange={(l) => form.setValue("labels", l, { shouldDirty: true })}
      />
      <div className="flex gap-2">
        <Button type="submit" variant="secondary" disabled={pending} aria-busy={pending}>
          {pending ? tc("saving") : t("saveConditions")}
        </Button>
        <ConfirmButton message={t("confirmDelete", { name: toStageName })} action={deleteTransitionAction.bind(null, transitionId)}>
          {t("delete")}
        </ConfirmButton>
      </div>
    </form>
  );
}

export function AddTransitionForm({ fromStageId, targets }: { fromStageId: string; targets: { id: string; name: string }[] }) {
  const t = useTranslations("ticketSettings.transitions");
  const errorText = useErrorText();
  const defaults: TransitionInput = { toStageId: "", conditions: [], decisions: {}, labels: {} };
  const form = useForm<TransitionInput>({ resolver: zodResolver(transitionSchema), defaultValues: defaults });
  const watched = useWatch({ control: form.control });
  const { onSubmit, pending, formError, message } = useActionForm(form, async (values) => {
    const result = await saveTransitionAction(fromStageId, values);
    if (result.ok) form.reset(defaults);
    return result;
  });
  const { errors } = form.formState;
  if (targets.length === 0) return <p className="text-sm text-slate-600">{t("noTargets")}</p>;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label={t("add")}>
      <FormFeedback formError={formError} message={message} />
      <SelectField label={t("target")} error={errorText(errors.toStageId?.message)} {...form.register("toStageId")}>
        <option value="">{t("chooseTarget")}</option>
        {targets.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </SelectField>
      <LinesField
        control={form.control}
        name="conditions"
        label={t("conditions")}
        help={t("conditionsHelp")}
        error={errorText(errors.conditions?.message, { max: 100 })}
        rows={3}
      />
      <ConditionDecisions
        conditions={watched.conditions}
        decisions={watched.decisions}
        onChange={(d) => form.setValue("decisions", d, { shouldDirty: true })}
      />
      <NameTranslations
        names={watched.conditions}
        labels={watched.labels as ConditionLabels | undefined}
        onChange={(l) => form.setValue("labels", l, { shouldDirty: true })}
      />
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {t("add")}
      </Button>
    </form>
  );
}
