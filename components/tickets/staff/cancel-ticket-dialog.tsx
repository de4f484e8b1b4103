"use client";

// An administrator cancels a ticket opened by mistake: a modal
// dialog asks for the required reason. Native <dialog>: focus stays inside,
// Escape closes it, focus returns to the button.
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useId, useRef } from "react";
import { useForm } from "react-hook-form";
import { useActionForm, useErrorText } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClass } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import type { ActionResult } from "@/lib/forms/action-result";
import { cancelSchema, REASON_MAX, type CancelInput } from "@/lib/tickets/schemas";

export function CancelTicketDialog({ number, action }: { number: number; action: (input: CancelInput) => Promise<ActionResult> }) {
  const t = useTranslations("tickets.staff");
  const tc = useTranslations("common");
  const errorText = useErrorText();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const form = useForm<CancelInput>({ resolver: zodResolver(cancelSchema), defaultValues: { reason: "" } });
  const { onSubmit, pending, formError } = useActionForm(form, async (values) => {
    const result = await action(values);
    if (result.ok) dialog.current?.close();
    return result;
  });
  const open = () => {
    form.clearErrors();
    dialog.current?.showModal();
  };
  return (
    <>
      <button ref={trigger} type="button" className={buttonClass("secondary")} onClick={open} aria-haspopup="dialog">
        {t("cancelTicket")}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={`${id}-title`}
        onClose={() => trigger.current?.focus()}
        className="m-auto w-full max-w-md rounded-lg border border-slate-200 bg-white p-6 text-slate-900 shadow-xl backdrop:bg-slate-900/50"
      >
        <form onSubmit={onSubmit} noValidate className="space-y-4">
          <h2 id={`${id}-title`} className="text-base font-medium">
            {t("cancelTitle", { number })}
          </h2>
          <p className="text-sm text-slate-700">{t("cancelExplain")}</p>
          {formError ? <Alert tone="error">{errorText(formError.key, formError.values)}</Alert> : null}
          <TextAreaField
            id={`${id}-reason`}
            label={t("cancelReason")}
            rows={3}
            maxLength={REASON_MAX}
            aria-required
            autoFocus
            error={errorText(form.formState.errors.reason?.message, { max: REASON_MAX })}
            {...form.register("reason")}
          />
          <div className="flex justify-end gap-2">
            <button type="button" className={buttonClass("secondary")} onClick={() => dialog.current?.close()} disabled={pending}>
              {tc("back")}
            </button>
            <Button type="submit" variant="danger" disabled={pending} aria-busy={pending}>
              {pending ? tc("saving") : t("confirmCancel")}
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
