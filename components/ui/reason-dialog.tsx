"use client";

// A button that opens a modal dialog asking why something is cancelled: a
// reason field (optional or required, as the schema says), a back button and a
// danger submit. Native <dialog>: focus stays inside, Escape closes it, focus
// returns to the button. The texts come translated from the caller.
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useId, useRef } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { useActionForm, useErrorText } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClass } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import type { ActionResult } from "@/lib/forms/action-result";

type ReasonInput = { reason?: string };

export function ReasonDialog({
  schema,
  maxLength,
  required = false,
  keepDraft = false,
  action,
  onDone,
  label,
  title,
  explain,
  reasonLabel,
  submitLabel,
}: {
  schema: z.ZodType<{ reason: string }, ReasonInput>;
  maxLength: number;
  required?: boolean;
  /** Reopening keeps what was typed (only the errors are cleared) instead of starting empty. */
  keepDraft?: boolean;
  action: (input: { reason: string }) => Promise<ActionResult>;
  /** After a successful action, once the dialog is closed. */
  onDone?: () => void;
  label: string;
  title: string;
  explain: string;
  reasonLabel: string;
  submitLabel: string;
}) {
  const tc = useTranslations("common");
  const errorText = useErrorText();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const form = useForm<ReasonInput>({ resolver: zodResolver(schema), defaultValues: { reason: "" } });
  const { onSubmit, pending, formError } = useActionForm(form, async (values) => {
    // The resolver has parsed the values: the reason is a string by now.
    const result = await action({ reason: values.reason ?? "" });
    if (result.ok) {
      dialog.current?.close();
      onDone?.();
    }
    return result;
  });
  const open = () => {
    if (keepDraft) form.clearErrors();
    else form.reset({ reason: "" });
    dialog.current?.showModal();
  };
  return (
    <>
      <button ref={trigger} type="button" className={buttonClass("secondary")} onClick={open} aria-haspopup="dialog">
        {label}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={`${id}-title`}
        onClose={() => trigger.current?.focus()}
        className="m-auto w-full max-w-md rounded-lg border border-slate-200 bg-white p-6 text-slate-900 shadow-xl backdrop:bg-slate-900/50"
      >
        <form onSubmit={onSubmit} noValidate className="space-y-4">
          <h2 id={`${id}-title`} className="text-base font-medium">
            {title}
          </h2>
          <p className="text-sm text-slate-700">{explain}</p>
          {formError ? <Alert tone="error">{errorText(formError.key, formError.values)}</Alert> : null}
          <TextAreaField
            id={`${id}-reason`}
            label={reasonLabel}
            rows={3}
            maxLength={maxLength}
            aria-required={required || undefined}
            autoFocus
            error={errorText(form.formState.errors.reason?.message, { max: maxLength })}
            {...form.register("reason")}
          />
          <div className="flex justify-end gap-2">
            <button type="button" className={buttonClass("secondary")} onClick={() => dialog.current?.close()} disabled={pending}>
              {tc("back")}
            </button>
            <Button type="submit" variant="danger" disabled={pending} aria-busy={pending}>
              {pending ? tc("saving") : submitLabel}
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
