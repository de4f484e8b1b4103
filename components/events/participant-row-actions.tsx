"use client";

// Per-row staff actions in the participants table: check in / undo (the
// check-in list of in-person events) and cancel the registration after a
// dialog with an optional reason (a reserve is promoted and e-mailed by the server).
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useErrorText } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { CancelRegistrationDialog } from "./cancel-registration-dialog";
import { cancelParticipantAction, setAttendanceAction } from "@/lib/events/participant-actions";
import type { MessageRef } from "@/lib/forms/action-result";

interface ParticipantRowActionsProps {
  eventId: string;
  registrationId: string;
  name: string;
  status: "REGISTERED" | "RESERVE" | "CANCELLED";
  attended: boolean;
  /** Cancelling is offered on main events only (a session's copies follow their main registration). */
  canCancel: boolean;
}

export function ParticipantRowActions({ eventId, registrationId, name, status, attended, canCancel }: ParticipantRowActionsProps) {
  const t = useTranslations("events.admin");
  const errorText = useErrorText();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<MessageRef | null>(null);
  const toggle = () =>
    startTransition(async () => {
      setError(null);
      try {
        const result = await setAttendanceAction(eventId, registrationId, !attended);
        if (!result.ok) setError(result.formError ?? { key: "common.genericError" });
      } catch {
        setError({ key: "common.genericError" });
      }
    });
  if (status === "CANCELLED") return null;
  return (
    <div className="flex flex-wrap items-center gap-2">
      {status === "REGISTERED" ? (
        <Button
          variant="secondary"
          onClick={toggle}
          disabled={pending}
          aria-busy={pending}
          aria-label={`${attended ? t("undoCheckIn") : t("checkIn")}: ${name}`}
        >
          {attended ? t("undoCheckIn") : t("checkIn")}
        </Button>
      ) : null}
      {canCancel ? <CancelRegistrationDialog name={name} action={(input) => cancelParticipantAction(eventId, registrationId, input)} /> : null}
      {error ? (
        <p role="alert" className="w-full text-xs text-red-700">
          {errorText(error.key, error.values)}
        </p>
      ) : null}
    </div>
  );
}
