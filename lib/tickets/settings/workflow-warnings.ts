// Whether the portal can open tickets of a type (a new ticket enters
// the workflow at its first stage, where the client fills it in and forwards
// it). The first active stage by position is the start; it must be the
// client's, with at least one way out. Pure, shared by the type page and tests.
import type { StageResponsible } from "@/lib/generated/prisma/enums";

export interface StageForWarnings {
  id: string;
  position: number;
  active: boolean;
  responsible: StageResponsible;
  /** Outgoing transitions to active stages. */
  exits: number;
}

export type WorkflowWarning = "noStages" | "startNotClient" | "startHasNoExit";

export function firstActiveStage<S extends { id: string; position: number; active: boolean }>(stages: S[]): S | undefined {
  return stages.filter((s) => s.active).sort((a, b) => a.position - b.position || a.id.localeCompare(b.id))[0];
}

export function workflowWarnings(stages: StageForWarnings[]): WorkflowWarning[] {
  const start = firstActiveStage(stages);
  if (!start) return ["noStages"];
  const warnings: WorkflowWarning[] = [];
  if (start.responsible !== "CLIENT") warnings.push("startNotClient");
  if (start.exits === 0) warnings.push("startHasNoExit");
  return warnings;
}
