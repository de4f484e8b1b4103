"use client";

// A small button that runs a server action at once (move up/down, restore) and
// shows its error or message next to it. Destructive actions use ConfirmButton.
import { useState, useTransition, type ReactNode } from "react";
import { useErrorText } from "@/components/forms/use-action-form";
import { buttonClass } from "@/components/ui/button";
import type { ActionResult, MessageRef } from "@/lib/forms/action-result";

export function ActionButton({
  action,
  children,
  label,
  disabled,
}: {
  action: () => Promise<ActionResult>;
  children: ReactNode;
  label?: string;
  disabled?: boolean;
}) {
  const errorText = useErrorText();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<MessageRef | null>(null);
  const run = () =>
    startTransition(async () => {
      setError(null);
      try {
        const result = await action();
        if (!result.ok) setError(result.formError ?? { key: "common.genericError" });
      } catch {
        setError({ key: "common.genericError" });
      }
    });
  return (
    <span className="inline-flex items-center gap-1">
      <button
        type="button"
        className={buttonClass("secondary", "px-2 py-1")}
        onClick={run}
        disabled={disabled || pending}
        aria-busy={pending}
        aria-label={label}
        title={label}
      >
        {children}
      </button>
      {error ? (
        <span role="alert" className="text-xs text-red-700">
          {errorText(error.key, error.values)}
        </span>
      ) : null}
    </span>
  );
}

/** Up and down arrows for ordered rows; the first row has no "up", the last no "down". */
export function MoveButtons({
  move,
  first,
  last,
  upLabel,
  downLabel,
}: {
  move: (to: "up" | "down") => Promise<ActionResult>;
  first: boolean;
  last: boolean;
  upLabel: string;
  downLabel: string;
}) {
  return (
    <span className="inline-flex gap-1">
      <ActionButton action={() => move("up")} label={upLabel} disabled={first}>
        <span aria-hidden="true">↑</span>
      </ActionButton>
      <ActionButton action={() => move("down")} label={downLabel} disabled={last}>
        <span aria-hidden="true">↓</span>
      </ActionButton>
    </span>
  );
}
