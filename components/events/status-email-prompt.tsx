"use client";

// Status e-mails: the question shown right after saving a change
// to Confirmed or Cancelled, and the "Resend e-mail" button of the event page.
// Both queue one e-mail per active participant and say how many were queued.
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, useTransition } from "react";
import { useErrorText } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClass } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { sendStatusEmailsAction } from "@/lib/events/participant-actions";
import type { MessageRef } from "@/lib/forms/action-result";

/** A modal that opens itself: "The event is now Confirmed. E-mail the N participants now?" */
export function StatusEmailPrompt({
  eventId,
  status,
  count,
  onClose,
}: {
  eventId: string;
  status: "CONFIRMED" | "CANCELLED";
  count: number;
  onClose: (queued: number | null) => void;
}) {
  const t = useTranslations("events.admin");
  const ts = useTranslations("events.status");
  const errorText = useErrorText();
  const dialog = useRef<HTMLDialogElement>(null);
  const no = useRef<HTMLButtonElement>(null);
  const queued = useRef<number | null>(null);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<MessageRef | null>(null);

  useEffect(() => {
    // Guarded: development's double effect must not open it twice.
    if (dialog.current && !dialog.current.open) dialog.current.showModal();
    no.current?.focus();
  }, []);

  const send = () =>
    startTransition(async () => {
      setError(null);
      try {
        const result = await sendStatusEmailsAction(eventId);
        if (!result.ok) return setError(result.formError ?? { key: "common.genericError" });
        queued.current = result.data?.count ?? 0;
        dialog.current?.close();
      } catch {
        setError({ key: "common.genericError" });
      }
    });

  return (
    <dialog
      ref={dialog}
      aria-labelledby="status-email-question"
      onClose={() => onClose(queued.current)}
      className="m-auto w-full max-w-md rounded-lg border border-slate-200 bg-white p-6 text-slate-900 shadow-xl backdrop:bg-slate-900/50"
    >
      <p id="status-email-question" className="text-base">
        {t("statusEmailQuestion", { status: ts(status), count })}
      </p>
      {error ? (
        <div className="mt-4">
          <Alert tone="error">{errorText(error.key, error.values)}</Alert>
        </div>
      ) : null}
      <div className="mt-6 flex justify-end gap-2">
        <button ref={no} type="button" className={buttonClass("secondary")} onClick={() => dialog.current?.close()} disabled={pending}>
          {t("dontSendEmails")}
        </button>
        <Button onClick={send} disabled={pending} aria-busy={pending}>
          {pending ? t("sendingEmails") : t("sendEmails")}
        </Button>
      </div>
    </dialog>
  );
}

/** "Resend e-mail": available at any time, after a confirmation. */
export function ResendStatusEmails({ eventId, count }: { eventId: string; count: number }) {
  const t = useTranslations("events.admin");
  const [queued, setQueued] = useState<number | null>(null);
  return (
    <div className="flex flex-wrap items-center gap-3">
      <ConfirmButton
        variant="secondary"
        message={t("resendEmailConfirm", { count })}
        confirmLabel={t("sendEmails")}
        action={async () => {
          const result = await sendStatusEmailsAction(eventId);
          if (!result.ok) return result;
          setQueued(result.data?.count ?? 0);
        }}
      >
        {t("resendEmail")}
      </ConfirmButton>
      {queued !== null ? (
        <p role="status" className="text-sm text-green-800">
          {t("emailsQueued", { count: queued })}
        </p>
      ) : null}
    </div>
  );
}
