"use client";

// The client's decision on the understanding (the client approves or rejects
// it): Approve or Reject open a dialog that hands the
// ticket on along a transition (preselected: back to staff, with the condition
// that means the decision; a condition meaning the other one is not offered) and asks for a reason, required to reject.
import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { schemaResolver } from "@/components/forms/schema-resolver";
import { useActionForm, useErrorText } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClass } from "@/components/ui/button";
import type { ActionResult } from "@/lib/forms/action-result";
import { decisionSchema, type DecisionInput } from "@/lib/tickets/schemas";
import type { TransitionView } from "@/lib/tickets/views";
import { initialDecisionChoice, transitionsForDecision } from "./transition-choice";
import { TransitionFields } from "./transition-fields";

type Decision = DecisionInput["decision"];
interface DecisionFormValues {
  decision: Decision;
  toStageId: string;
  conditionId: string;
  reason: string;
}

function DecisionForm({
  decision,
  transitions: allTransitions,
  action,
  onCancel,
  onDone,
}: {
  decision: Decision;
  transitions: TransitionView[];
  action: (input: DecisionInput) => Promise<ActionResult>;
  onCancel: () => void;
  onDone: () => void;
}) {
  const t = useTranslations("tickets.understanding");
  const tc = useTranslations("common");
  const errorText = useErrorText();
  const transitions = transitionsForDecision(allTransitions, decision);
  const form = useForm<DecisionFormValues>({
    resolver: schemaResolver(decisionSchema),
    defaultValues: { decision, ...initialDecisionChoice(transitions, decision), reason: "" },
  });
  const { onSubmit, pending, formError } = useActionForm(form, async (values) => {
    const result = await action(values);
    if (result.ok) onDone();
    return result;
  });
  const approve = decision === "APPROVE";
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {formError ? <Alert tone="error">{errorText(formError.key, formError.values)}</Alert> : null}
      <TransitionFields
        transitions={transitions}
        form={form}
        idPrefix={`decision-${decision}`}
        reasonRequired={!approve}
        reasonLabel={approve ? t("approveReason") : t("rejectReason")}
      />
      <div className="flex justify-end gap-2">
        <button type="button" className={buttonClass("secondary")} onClick={onCancel} disabled={pending}>
          {tc("back")}
        </button>
        <Button type="submit" variant={approve ? "primary" : "danger"} disabled={pending} aria-busy={pending}>
          {pending ? t("sending") : approve ? t("confirmApprove") : t("confirmReject")}
        </Button>
      </div>
    </form>
  );
}

export function DecisionButtons({ transitions, action }: { transitions: TransitionView[]; action: (input: DecisionInput) => Promise<ActionResult> }) {
  const t = useTranslations("tickets.understanding");
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const trigger = useRef<HTMLButtonElement | null>(null);
  // The form remounts for every opening, so it starts from the preselection again.
  const [decision, setDecision] = useState<Decision | null>(null);

  const open = (d: Decision, button: HTMLButtonElement) => {
    trigger.current = button;
    setDecision(d);
    dialog.current?.showModal();
  };
  const close = () => dialog.current?.close();

  return (
    <>
      <div className="flex flex-wrap gap-2">
        <Button onClick={(e) => open("APPROVE", e.currentTarget)} aria-haspopup="dialog">
          {t("approve")}
        </Button>
        <Button variant="secondary" onClick={(e) => open("REJECT", e.currentTarget)} aria-haspopup="dialog">
          {t("reject")}
        </Button>
      </div>
      <dialog
        ref={dialog}
        aria-labelledby={`${id}-title`}
        onClose={() => {
          setDecision(null);
          trigger.current?.focus();
        }}
        className="m-auto w-full max-w-lg rounded-lg border border-slate-200 bg-white p-6 text-slate-900 shadow-xl backdrop:bg-slate-900/50"
      >
        <h2 id={`${id}-title`} className="mb-4 text-lg font-medium">
          {decision === "REJECT" ? t("rejectTitle") : t("approveTitle")}
        </h2>
        {decision ? <DecisionForm key={decision} decision={decision} transitions={transitions} action={action} onCancel={close} onDone={close} /> : null}
      </dialog>
    </>
  );
}
