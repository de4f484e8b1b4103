// The understanding: the attendant's analysis or
// proposed solution, with its state. The client's Approve / Reject buttons and
// the staff's editor are passed in as `actions`, each audience binding its own.
// No "use client": renders on the server and inside client components alike.
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { UnderstandingState } from "@/lib/generated/prisma/enums";

const tones: Record<UnderstandingState, "gray" | "amber" | "green" | "red"> = {
  [UnderstandingState.NONE]: "gray",
  [UnderstandingState.PENDING]: "amber",
  [UnderstandingState.APPROVED]: "green",
  [UnderstandingState.REJECTED]: "red",
};

/**
 * Staff screens (audience "staff") name the state from their side ("Waiting for
 * the client's decision", "Not yet sent to the client", or shown to the client
 * without a decision pending when `shared`) and, when the editor is passed as
 * `actions`, leave the text to it instead of showing it twice.
 */
export function UnderstandingPanel({
  understanding,
  state,
  shared = false,
  actions,
  audience = "portal",
}: {
  understanding: string;
  state: UnderstandingState;
  shared?: boolean;
  actions?: ReactNode;
  audience?: "portal" | "staff";
}) {
  const t = useTranslations("tickets.understanding");
  const ts = useTranslations("tickets.staff.understandingState");
  const written = understanding.trim().length > 0;
  const staff = audience === "staff";
  return (
    <div className="space-y-3">
      {written ? (
        <>
          {staff ? (
            <p className="text-sm">
              <Badge tone={tones[state]}>{state === UnderstandingState.NONE && shared ? ts("sharedNoDecision") : ts(state)}</Badge>
            </p>
          ) : state !== UnderstandingState.NONE ? (
            <p className="text-sm">
              <Badge tone={tones[state]}>{t(`state.${state}`)}</Badge>
            </p>
          ) : null}
          {staff && actions ? null : <p className="break-words whitespace-pre-wrap text-slate-800">{understanding}</p>}
        </>
      ) : (
        <p className="text-sm text-slate-600">{staff ? ts("none") : t("none")}</p>
      )}
      {actions ?? null}
    </div>
  );
}
