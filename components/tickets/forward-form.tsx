"use client";

// "Save/Request" on a ticket, by the client or staff: the editable
// parameters, the next stage with its condition, and the reason, sent
// together to the forward action. "Save" (when given) stores the parameters
// without moving the ticket. The server enforces the stage's rules again.
// Conditions that mean the client's decision on the understanding belong to
// the decision dialog, never here; staff forwarding from a client's stage tick
// "on behalf of the client", which the stage history records.
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useForm, useWatch, type Path } from "react-hook-form";
import { schemaResolver } from "@/components/forms/schema-resolver";
import { useActionForm, useErrorText } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CheckboxField } from "@/components/ui/field";
import type { ActionResult, MessageRef } from "@/lib/forms/action-result";
import { forwardSchema, type ForwardInput, type SaveValuesInput } from "@/lib/tickets/schemas";
import type { TicketFieldView, TransitionView } from "@/lib/tickets/views";
import { editableValues, fieldFormDefaults, type FieldFormValues } from "./field-form-values";
import { TicketFieldInputs, TicketFieldsDisplay } from "./ticket-fields";
import { forwardTransitions, initialForwardChoice } from "./transition-choice";
import { TransitionFields } from "./transition-fields";

export interface ForwardFormValues {
  values: FieldFormValues;
  toStageId: string;
  conditionId: string;
  reason: string;
  onBehalfOfClient: boolean;
}

interface ForwardFormProps {
  fields: TicketFieldView[];
  transitions: TransitionView[];
  /** The forward action, bound to the ticket. */
  action: (input: ForwardInput) => Promise<ActionResult>;
  /** Saves the parameters without forwarding; omit to offer only "Save/Request". */
  saveAction?: (input: SaveValuesInput) => Promise<ActionResult>;
  /** Show the parameters in this form (default); false when the page shows them elsewhere. */
  showFields?: boolean;
  /** Staff screens say "Forward", and "Complete" for a terminal next stage. */
  audience?: "portal" | "staff";
  /** Staff only: the ticket sits in a client's stage, so forwarding acts on the client's behalf. */
  clientStage?: boolean;
}

export function ForwardForm({
  fields,
  transitions: allTransitions,
  action,
  saveAction,
  showFields = true,
  audience = "portal",
  clientStage = false,
}: ForwardFormProps) {
  const t = useTranslations("tickets.forward");
  const ts = useTranslations("tickets.staff.forward");
  const errorText = useErrorText();
  const transitions = forwardTransitions(allTransitions);
  const resolver = schemaResolver<ForwardFormValues>(forwardSchema, (v) => ({ ...v, values: editableValues(fields, v.values) }));
  const form = useForm<ForwardFormValues>({
    resolver,
    defaultValues: { values: fieldFormDefaults(fields), ...initialForwardChoice(transitions), reason: "", onBehalfOfClient: false },
  });
  const { onSubmit, pending, formError, message } = useActionForm(form, (v) => action({ ...v, values: editableValues(fields, v.values) }));

  // "Save" skips the forward's validation: required fields matter only when leaving the stage.
  const [saving, startSaving] = useTransition();
  const [saveOutcome, setSaveOutcome] = useState<{ error?: MessageRef; message?: MessageRef } | null>(null);
  const save = () =>
    startSaving(async () => {
      if (!saveAction) return;
      setSaveOutcome(null);
      form.clearErrors();
      try {
        const result = await saveAction({ values: editableValues(fields, form.getValues("values")) });
        if (result.ok) return setSaveOutcome({ message: result.message ?? { key: "common.saved" } });
        for (const [field, key] of Object.entries(result.fieldErrors ?? {})) form.setError(field as Path<ForwardFormValues>, { type: "server", message: key });
        setSaveOutcome({ error: result.formError ?? { key: "common.genericError" } });
      } catch {
        setSaveOutcome({ error: { key: "common.genericError" } });
      }
    });

  const chosenStageId = useWatch({ control: form.control, name: "toStageId" });
  const editable = fields.some((f) => f.editable);
  const busy = pending || saving;
  const shownError = formError ?? saveOutcome?.error;
  const shownMessage = message ?? saveOutcome?.message;
  // A stage without a way on (a configuration gap): the parameters stay readable.
  if (transitions.length === 0)
    return (
      <div className="space-y-4">
        {showFields ? <TicketFieldsDisplay fields={fields} /> : null}
        <p className="text-sm text-slate-600">{t("noTransitions")}</p>
      </div>
    );
  const staff = audience === "staff";
  const completing = staff && transitions.find((x) => x.toStageId === chosenStageId)?.terminal === true;
  const submitLabel = !staff ? t("submit") : completing ? ts("complete") : ts("submit");

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6" aria-label={staff ? ts("title") : t("title")}>
      {shownError ? <Alert tone="error">{errorText(shownError.key, shownError.values)}</Alert> : null}
      {shownMessage ? <Alert tone="success">{errorText(shownMessage.key, shownMessage.values)}</Alert> : null}
      {showFields && fields.length > 0 ? (
        <fieldset className="space-y-4">
          <legend className="mb-2 text-base font-medium text-slate-900">{t("parameters")}</legend>
          <TicketFieldInputs fields={fields} form={form} />
        </fieldset>
      ) : null}
      <fieldset className="space-y-4">
        <legend className="mb-2 text-base font-medium text-slate-900">{t("handOver")}</legend>
        <TransitionFields transitions={transitions} form={form} audience={audience} />
        {staff && clientStage ? (
          <div>
            <CheckboxField
              label={ts("onBehalfOfClient")}
              aria-describedby="forward-on-behalf-help"
              aria-invalid={form.formState.errors.onBehalfOfClient ? true : undefined}
              {...form.register("onBehalfOfClient")}
            />
            <p id="forward-on-behalf-help" className="mt-1 text-sm text-slate-600">
              {ts("onBehalfHelp")}
            </p>
            {form.formState.errors.onBehalfOfClient ? (
              <p className="mt-1 text-sm text-red-700">{errorText(form.formState.errors.onBehalfOfClient.message)}</p>
            ) : null}
          </div>
        ) : null}
      </fieldset>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={busy} aria-busy={pending}>
          {pending ? t("sending") : submitLabel}
        </Button>
        {saveAction && editable ? (
          <Button variant="secondary" onClick={save} disabled={busy} aria-busy={saving}>
            {saving ? t("saving") : t("saveOnly")}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
