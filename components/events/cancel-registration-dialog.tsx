"use client";

// Staff cancel a participant's registration: a modal dialog with an optional
// reason, which the registrant reads in their e-mail and on their registration
// page. Afterwards the event page confirms it (?registrationCancelled=1).
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { usePathname, useRouter } from "next/navigation";
import { useId, useRef } from "react";
import { useForm } from "react-hook-form";
import { useActionForm, useErrorText } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClass } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { CANCEL_REASON_MAX, cancelRegistrationSchema, type CancelRegistrationInput } from "@/lib/events/schemas";
import type { ActionResult } from "@/lib/forms/action-result";

export function CancelRegistrationDialog({ name, action }: { name: string; action: (input: CancelRegistrationInput) => Promise<ActionResult> }) {
  const t = useTranslations("events.admin");
  const tc = useTranslations("common");
  const errorText = useErrorText();
  const id = useId();
  const router = useRouter();
  const pathname = usePathname();
  const dialog = useRef<HTMLDialogElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const form = useForm<CancelRegistrationInput>({ resolver: zodResolver(cancelRegistrationSchema), defaultValues: { reason: "" } });
  const { onSubmit, pending, formError } = useActionForm(form, async (values) => {
    const result = await action(values);
    if (result.ok) {
      dialog.current?.close();
      router.replace(`${pathname}?registrationCancelled=1`, { scroll: false });
    }
    return result;
  });
  const open = () => {
    form.reset({ reason: "" });
    dialog.current?.showModal();
  };
  return (
    <>
      <button ref={trigger} type="button" className={buttonClass("secondary")} onClick={open} aria-haspopup="dialog">
        {t("cancelRegistration")}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={`${id}-title`}
        onClose={() => trigger.current?.focus()}
        className="m-auto w-full max-w-md rounded-lg border border-slate-200 bg-white p-6 text-slate-900 shadow-xl backdrop:bg-slate-900/50"
      >
        <form onSubmit={onSubmit} noValidate className="space-y-4">
          <h2 id={`${id}-title`} className="text-base font-medium">
            {t("cancelRegistrationConfirm", { name })}
          </h2>
          <p className="text-sm text-slate-700">{t("cancelRegistrationExplain")}</p>
          {formError ? <Alert tone="error">{errorText(formError.key, formError.values)}</Alert> : null}
          <TextAreaField
            id={`${id}-reason`}
            label={t("cancelRegistrationReason")}
            rows={3}
            maxLength={CANCEL_REASON_MAX}
            autoFocus
            error={errorText(form.formState.errors.reason?.message, { max: CANCEL_REASON_MAX })}
            {...form.register("reason")}
          />
          <div className="flex justify-end gap-2">
            <button type="button" className={buttonClass("secondary")} onClick={() => dialog.current?.close()} disabled={pending}>
              {tc("back")}
            </button>
            <Button type="submit" variant="danger" disabled={pending} aria-busy={pending}>
              {pending ? tc("saving") : t("cancelRegistration")}
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
