// Field rules per type and stage: invisible, required, read-only and
// "required from the previous stage". The portal decides visibility only by
// invisibleInPortal and staff screens only by invisible (a field such as an
// internal remark can be hidden from one side only); required and read-only apply to both. Pure functions, so the
// same rules drive the forms and the server's checks.
import type { TicketFieldKind } from "@/lib/generated/prisma/enums";

export type Audience = "portal" | "staff";

export interface FieldDefinition {
  id: string;
  labels: Record<string, string>;
  kind: TicketFieldKind;
  options: string[];
  /** Each choice's name in other languages (lib/i18n/labels). */
  optionLabels?: unknown;
}

export interface StageRule {
  invisible: boolean;
  invisibleInPortal: boolean;
  required: boolean;
  readOnly: boolean;
  requiredFromPrevious: boolean;
}

export const NO_RULE: StageRule = { invisible: false, invisibleInPortal: false, required: false, readOnly: false, requiredFromPrevious: false };

export interface FieldAccess {
  visible: boolean;
  editable: boolean;
  required: boolean;
}

/** How one audience meets a field while the ticket sits in a stage with this rule. */
export function fieldAccess(rule: StageRule | undefined, audience: Audience): FieldAccess {
  const r = rule ?? NO_RULE;
  const visible = audience === "portal" ? !r.invisibleInPortal : !r.invisible;
  return { visible, editable: visible && !r.readOnly, required: r.required };
}

/** The label in the viewer's language, else English (one definition for settings and runtime). */
export { fieldLabel } from "./settings/field-label";

export function isEmptyValue(value: unknown): boolean {
  return value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0);
}

/**
 * Fields that must hold a value to leave the stage (required there), or to
 * enter the next one (requiredFromPrevious there). Returns the missing ids.
 */
export function missingValues(
  fieldIds: readonly string[],
  rules: ReadonlyMap<string, StageRule>,
  values: ReadonlyMap<string, unknown>,
  which: "required" | "requiredFromPrevious",
): string[] {
  return fieldIds.filter((id) => rules.get(id)?.[which] && isEmptyValue(values.get(id)));
}
