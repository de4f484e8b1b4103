"use client";

// A server action run from a button rather than a form: pending while it
// runs; its form error (a generic one when it fails outright) for the caller
// to show with <FormFeedback>; onDone after it succeeded.
import { useState, useTransition } from "react";
import type { ActionResult, MessageRef } from "@/lib/forms/action-result";

const GENERIC_ERROR: MessageRef = { key: "common.genericError" };

export function useRunAction() {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<MessageRef | null>(null);
  const run = <T>(action: () => Promise<ActionResult<T> | void>, onDone?: () => void) =>
    startTransition(async () => {
      setError(null);
      try {
        const result = await action();
        if (result && !result.ok) return setError(result.formError ?? GENERIC_ERROR);
        onDone?.();
      } catch {
        setError(GENERIC_ERROR);
      }
    });
  return { pending, error, clearError: () => setError(null), run };
}
