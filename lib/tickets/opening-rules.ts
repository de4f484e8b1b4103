// The rules a new ticket's parameters must meet, as one zod schema for the
// portal's form and for openTicket on the server: each value parsed by its
// kind, nothing for a parameter the client cannot see or change, the opening
// stage's required parameters filled, and those the chosen next stage needs on
// entry ("required from the previous stage") filled too. Both sides build the
// rules with openingStageRules from the same stored field rules, so the
// browser refuses exactly what the server refuses, with the same message keys.
// Client-safe: zod schemas, enums and pure functions only.
import type { TicketFieldKind } from "@/lib/generated/prisma/enums";
import { fieldAccess, isEmptyValue, type Audience, type StageRule } from "./field-rules";
import { parseFieldValue } from "./field-values";
import { newTicketSchema } from "./schemas";

interface OpeningFieldRule {
  id: string;
  kind: TicketFieldKind;
  options: string[];
  /** How the audience meets the parameter in the opening stage. */
  visible: boolean;
  editable: boolean;
  required: boolean;
}

export interface OpeningStageRules {
  fields: OpeningFieldRule[];
  /** Parameters each next stage needs on entry, by stage id. */
  requiredToEnter: Record<string, string[]>;
}

/**
 * The rules of a type's opening stage for an audience, from its parameters
 * and the stored rules of the opening stage and of the stages it leads to.
 * The portal's copy leaves out what the client cannot see (pass visibleOnly).
 */
export function openingStageRules(
  fields: readonly { id: string; kind: TicketFieldKind; options: string[] }[],
  rules: ReadonlyMap<string, ReadonlyMap<string, StageRule>>,
  openingStageId: string,
  nextStageIds: readonly string[],
  audience: Audience,
  { visibleOnly = false }: { visibleOnly?: boolean } = {},
): OpeningStageRules {
  const opening = rules.get(openingStageId);
  const all = fields.map((f) => ({ id: f.id, kind: f.kind, options: f.options, ...fieldAccess(opening?.get(f.id), audience) }));
  const shown = visibleOnly ? all.filter((f) => f.visible) : all;
  const ids = new Set(shown.map((f) => f.id));
  const requiredToEnter = Object.fromEntries(
    nextStageIds.map((stageId) => [stageId, shown.filter((f) => rules.get(stageId)?.get(f.id)?.requiredFromPrevious && ids.has(f.id)).map((f) => f.id)]),
  );
  return { fields: shown, requiredToEnter };
}

/** Whether a parameter must be filled when handing over to the given next stage (to mark it with *). */
export function requiredWhenOpening(rules: OpeningStageRules, fieldId: string, toStageId: string): boolean {
  return !!rules.fields.find((f) => f.id === fieldId)?.required || (rules.requiredToEnter[toStageId] ?? []).includes(fieldId);
}

/** Each broken rule as [field id, message key]; a new ticket starts with no values. */
function openingValueIssues(rules: OpeningStageRules, submitted: Record<string, unknown>, toStageId: string): [string, string][] {
  const byId = new Map(rules.fields.map((f) => [f.id, f]));
  const issues = new Map<string, string>();
  const filled = new Set<string>();
  for (const [fieldId, raw] of Object.entries(submitted)) {
    const field = byId.get(fieldId);
    // Unknown or not visible: refused before its value is looked at, so nothing is told about it.
    if (!field || !field.visible) {
      issues.set(fieldId, "validation.invalid");
      continue;
    }
    const parsed = parseFieldValue(field, raw);
    if (!parsed.ok) issues.set(fieldId, parsed.error);
    else if (parsed.value !== null && !field.editable) issues.set(fieldId, "tickets.errors.readOnly");
    else if (!isEmptyValue(parsed.value)) filled.add(fieldId);
  }
  for (const field of rules.fields) {
    if (issues.has(field.id) || filled.has(field.id)) continue;
    if (field.required) issues.set(field.id, "validation.required");
    else if ((rules.requiredToEnter[toStageId] ?? []).includes(field.id)) issues.set(field.id, "tickets.errors.requiredFromPrevious");
  }
  return [...issues];
}

/** The new-ticket schema with the type's parameter rules: the form's resolver and openTicket both parse with it. */
export function newTicketSchemaFor(rules: OpeningStageRules) {
  return newTicketSchema.superRefine((input, ctx) => {
    for (const [fieldId, message] of openingValueIssues(rules, input.values, input.toStageId))
      ctx.addIssue({ code: "custom", path: ["values", fieldId], message });
  });
}
