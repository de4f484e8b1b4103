"use client";

// The two messages above every action form: the form-level error of a failed
// submit, and the confirmation of a successful one (both message keys).
import { Alert } from "@/components/ui/alert";
import type { MessageRef } from "@/lib/forms/action-result";
import { useErrorText } from "./use-action-form";

export function FormFeedback({ formError, message }: { formError: MessageRef | null; message?: MessageRef | null }) {
  const errorText = useErrorText();
  return (
    <>
      {formError ? <Alert tone="error">{errorText(formError.key, formError.values)}</Alert> : null}
      {message ? <Alert tone="success">{errorText(message.key, message.values)}</Alert> : null}
    </>
  );
}
