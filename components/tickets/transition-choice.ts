// Which next stage and condition a forward form starts with. Plain forwards
// preselect only what leaves no choice (one transition, one condition); the
// client's decision on the understanding preselects the way back to staff and
// a condition that means the decision. A decision offers only the conditions
// that match it (or neutral ones); the server refuses the others as well.
import { StageResponsible } from "@/lib/generated/prisma/enums";
import type { TransitionView } from "@/lib/tickets/views";

export interface TransitionChoice {
  toStageId: string;
  conditionId: string;
}

/** The condition to start with for a stage: the only one, else none. */
export function onlyCondition(transition: TransitionView | undefined): string {
  return transition && transition.conditions.length === 1 ? transition.conditions[0].id : "";
}

/** The transitions a plain forward may take: without the conditions that mean a decision on the understanding. */
export function forwardTransitions(transitions: TransitionView[]): TransitionView[] {
  return transitions.map((t) => ({ ...t, conditions: t.conditions.filter((c) => c.decision === null) })).filter((t) => t.conditions.length > 0);
}

export function initialForwardChoice(transitions: TransitionView[]): TransitionChoice {
  if (transitions.length !== 1) return { toStageId: "", conditionId: "" };
  return { toStageId: transitions[0].toStageId, conditionId: onlyCondition(transitions[0]) };
}

/** The transitions a decision may take, with only the conditions that match it (or are neutral). */
export function transitionsForDecision(transitions: TransitionView[], decision: "APPROVE" | "REJECT"): TransitionView[] {
  return transitions
    .map((t) => ({ ...t, conditions: t.conditions.filter((c) => c.decision === null || c.decision === decision) }))
    .filter((t) => t.conditions.length > 0);
}

/** Call with the transitions of transitionsForDecision. */
export function initialDecisionChoice(transitions: TransitionView[], decision: "APPROVE" | "REJECT"): TransitionChoice {
  const transition =
    transitions.find((t) => t.toResponsible === StageResponsible.STAFF && !t.terminal) ??
    transitions.find((t) => t.toResponsible === StageResponsible.STAFF) ??
    transitions[0];
  if (!transition) return { toStageId: "", conditionId: "" };
  const word = decision === "APPROVE" ? "approved" : "rejected";
  const condition =
    transition.conditions.find((c) => c.decision === decision) ??
    transition.conditions.find((c) => c.name.toLowerCase().includes(word)) ??
    transition.conditions[0];
  return { toStageId: transition.toStageId, conditionId: condition?.id ?? "" };
}
