"use client";

// Erasing a person is asked twice: the button opens a dialog that says what
// will happen and that it cannot be undone, and the erasure runs only once the
// person's e-mail (or CPF) has been typed again.
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useId, useRef } from "react";
import { useForm } from "react-hook-form";
import { useActionForm, useErrorText } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClass } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import type { ActionResult } from "@/lib/forms/action-result";
import { eraseConfirmSchema, type EraseConfirmInput } from "@/lib/privacy/schemas";

export function EraseDialog({ expected, erase }: { expected: string; erase: (input: EraseConfirmInput) => Promise<ActionResult> }) {
  const t = useTranslations("personData.erase");
  const tc = useTranslations("common");
  const errorText = useErrorText();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const form = useForm<EraseConfirmInput>({ resolver: zodResolver(eraseConfirmSchema), defaultValues: { confirm: "" } });
  const { onSubmit, pending, formError } = useActionForm(form, erase);
  return (
    <>
      <button
        ref={trigger}
        type="button"
        className={buttonClass("danger")}
        aria-haspopup="dialog"
        onClick={() => {
          form.reset({ confirm: "" });
          dialog.current?.showModal();
        }}
      >
        {t("start")}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={`${id}-title`}
        onClose={() => trigger.current?.focus()}
        className="m-auto w-full max-w-md rounded-lg border border-slate-200 bg-white p-6 text-slate-900 shadow-xl backdrop:bg-slate-900/50"
      >
        <form onSubmit={onSubmit} noValidate className="space-y-4">
          <h2 id={`${id}-title`} className="text-base font-medium">
            {t("title")}
          </h2>
          <p className="text-sm text-slate-700">{t("irreversible")}</p>
          {formError ? <Alert tone="error">{errorText(formError.key, formError.values)}</Alert> : null}
          <TextField
            id={`${id}-confirm`}
            label={t("typeToConfirm", { value: expected })}
            autoComplete="off"
            autoFocus
            error={errorText(form.formState.errors.confirm?.message)}
            {...form.register("confirm")}
          />
          <div className="flex justify-end gap-2">
            <button type="button" className={buttonClass("secondary")} onClick={() => dialog.current?.close()} disabled={pending}>
              {tc("back")}
            </button>
            <Button type="submit" variant="danger" disabled={pending} aria-busy={pending}>
              {pending ? tc("saving") : t("confirm")}
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
