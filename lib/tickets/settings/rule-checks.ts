// Which field-rule combinations nobody could satisfy.
// Pure, so the matrix form warns at once and the server refuses the same cells.
import { StageResponsible } from "@/lib/generated/prisma/enums";
import type { RuleCell } from "./schemas";

export const cellKey = (fieldId: string, stageId: string) => `${fieldId}:${stageId}`;

/** The message key of a cell nobody could fill in, or null. */
export function ruleCellError(cell: Omit<RuleCell, "fieldId" | "stageId">, responsible: StageResponsible): string | null {
  // Staff screens hide the field, so staff could never fill it.
  if (cell.required && cell.invisible) return "ticketSettings.errors.requiredInvisible";
  // On the client's turn the portal hides it, so the client could never fill it.
  if (cell.required && cell.invisibleInPortal && responsible === StageResponsible.CLIENT) return "ticketSettings.errors.requiredInvisibleInPortal";
  return null;
}
