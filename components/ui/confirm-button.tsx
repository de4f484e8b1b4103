"use client";

// A button that asks before it acts: a native modal <dialog> (focus trapped,
// Escape cancels, focus starts on Back and returns to the button), then runs
// the server action and shows its error, if any, inside the dialog. The way out
// says "Back", never "Cancel": beside "Cancel my registration" a plain "Cancel"
// reads as the same action.
import { useTranslations } from "next-intl";
import { useId, useRef, type ReactNode } from "react";
import { FormFeedback } from "@/components/forms/form-feedback";
import { useRunAction } from "@/components/forms/use-run-action";
import type { ActionResult } from "@/lib/forms/action-result";
import { Button, buttonClass } from "./button";

interface ConfirmButtonProps {
  /** The button's text, also the confirming button's unless confirmLabel is given. */
  children: ReactNode;
  confirmLabel?: ReactNode;
  /** The question, already translated ("Deactivate Ana?"). */
  message: ReactNode;
  action: () => Promise<ActionResult | void>;
  variant?: "primary" | "secondary" | "danger";
}

export function ConfirmButton({ children, confirmLabel, message, action, variant = "danger" }: ConfirmButtonProps) {
  const t = useTranslations("common");
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const { pending, error, clearError, run } = useRunAction();

  const open = () => {
    clearError();
    dialog.current?.showModal();
    cancel.current?.focus();
  };
  const close = () => dialog.current?.close();
  const confirm = () => run(action, close);

  return (
    <>
      <button ref={trigger} type="button" className={buttonClass(variant === "danger" ? "secondary" : variant)} onClick={open} aria-haspopup="dialog">
        {children}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={`${id}-message`}
        onClose={() => trigger.current?.focus()}
        className="m-auto w-full max-w-md rounded-lg border border-slate-200 bg-white p-6 text-slate-900 shadow-xl backdrop:bg-slate-900/50"
      >
        <p id={`${id}-message`} className="text-base">
          {message}
        </p>
        {error ? (
          <div className="mt-4">
            <FormFeedback formError={error} />
          </div>
        ) : null}
        <div className="mt-6 flex justify-end gap-2">
          <button ref={cancel} type="button" className={buttonClass("secondary")} onClick={close} disabled={pending}>
            {t("back")}
          </button>
          <Button variant={variant} onClick={confirm} disabled={pending} aria-busy={pending}>
            {pending ? t("saving") : (confirmLabel ?? children)}
          </Button>
        </div>
      </dialog>
    </>
  );
}
