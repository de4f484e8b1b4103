"use client";

// "Retry failed": asks first, then puts the failed messages of one bulk send
// (or of a template, or all of them) back in the queue and says how many.
// With `failed` known and zero the button is hidden but the component stays,
// so the confirmation outlives the refresh that the retry causes.
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { retryFailedEmailsAction } from "@/lib/email/admin-actions";

interface RetryFailedButtonProps {
  batchId?: string;
  template?: string;
  /** How many failed, when known. */
  failed?: number;
  /** The question, already translated. */
  message: ReactNode;
  children: ReactNode;
}

export function RetryFailedButton({ batchId, template, failed, message, children }: RetryFailedButtonProps) {
  const t = useTranslations("outbox.bulk");
  const [retried, setRetried] = useState<number | null>(null);
  return (
    <span className="inline-flex flex-wrap items-center gap-3">
      {failed !== 0 ? (
        <ConfirmButton
          variant="secondary"
          message={message}
          action={async () => {
            const result = await retryFailedEmailsAction({ batchId, template });
            if (!result.ok) return result;
            setRetried(result.data?.count ?? 0);
          }}
        >
          {children}
        </ConfirmButton>
      ) : null}
      {retried !== null ? (
        <span role="status" className="text-sm text-green-800">
          {t("retriedCount", { count: retried })}
        </span>
      ) : null}
    </span>
  );
}
