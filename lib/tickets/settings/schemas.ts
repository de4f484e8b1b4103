// Forms of the ticket settings pages: groups, types, workflow
// stages and transitions, parameters (custom fields), the field-rule matrix,
// staff teams, the default attendant and a profile's blocked types. Shared by
// the client forms (zodResolver) and the server actions; messages are keys.
import { z } from "zod";
import { ConditionDecision, StageResponsible, TicketFieldKind } from "@/lib/generated/prisma/enums";
import { namedRecordSchema, type NamedRecordInput } from "@/lib/forms/named-record-schema";
import { optionalId } from "@/lib/forms/optional-fields";
import { nameLabelsSchema, type Labels } from "@/lib/i18n/labels";

const name = (max = 100) => z.string().trim().min(1, "validation.required").max(max, "validation.tooLong");
const uuid = z.uuid("validation.invalid");

export const groupSchema = namedRecordSchema;
export type GroupInput = NamedRecordInput;

export const typeSchema = z.object({
  groupId: uuid,
  name: name(),
  labels: nameLabelsSchema(),
  description: z.string().trim().max(1000, "validation.tooLong"),
  active: z.boolean(),
});
export type TypeInput = z.input<typeof typeSchema>;

export const stageSchema = z.object({
  name: name(),
  labels: nameLabelsSchema(),
  responsible: z.enum(StageResponsible, "validation.invalid"),
  // The staff hand-over; only for STAFF stages (checked by the domain).
  teamId: optionalId,
  attendantId: optionalId,
  terminal: z.boolean(),
});
export type StageInput = z.input<typeof stageSchema>;
export type StageData = z.output<typeof stageSchema>;

/** Condition names, one per line in the form; blank lines are dropped. */
const conditionNamesSchema = z
  .array(z.string())
  .max(50, "validation.invalid")
  .transform((names) => names.map((n) => n.trim()).filter((n) => n.length > 0))
  .refine((names) => names.length > 0, "ticketSettings.errors.conditionRequired")
  .refine((names) => names.every((n) => n.length <= 100), "validation.tooLong")
  .refine((names) => new Set(names.map((n) => n.toLocaleLowerCase())).size === names.length, "ticketSettings.errors.conditionDuplicate");

/**
 * The decision each condition means, keyed by its name as written ("" or
 * missing: neutral). Names that are not among the conditions are ignored.
 */
const conditionDecisionsSchema = z
  .record(z.string(), z.union([z.enum(ConditionDecision, "validation.invalid"), z.literal("")]))
  .optional()
  .transform((decisions): Record<string, ConditionDecision> => {
    const out: Record<string, ConditionDecision> = {};
    for (const [name, decision] of Object.entries(decisions ?? {})) if (decision) out[name.trim()] = decision;
    return out;
  });

/**
 * Each condition's names in other languages, keyed by its name as written
 * like the decisions; names that are not among the conditions are ignored.
 */
const conditionLabelsSchema = z
  .record(z.string(), nameLabelsSchema())
  .optional()
  .transform((labels): Record<string, Labels> => {
    const out: Record<string, Labels> = {};
    for (const [name, own] of Object.entries(labels ?? {})) if (Object.keys(own).length > 0) out[name.trim()] = own;
    return out;
  });

export const transitionSchema = z.object({
  toStageId: uuid,
  conditions: conditionNamesSchema,
  decisions: conditionDecisionsSchema,
  labels: conditionLabelsSchema,
});
export type TransitionInput = z.input<typeof transitionSchema>;
export const transitionConditionsSchema = z.object({ conditions: conditionNamesSchema, decisions: conditionDecisionsSchema, labels: conditionLabelsSchema });
export type TransitionConditionsInput = z.input<typeof transitionConditionsSchema>;

export const choiceKinds: readonly TicketFieldKind[] = [TicketFieldKind.SINGLE_CHOICE, TicketFieldKind.MULTIPLE_CHOICE];

export const fieldSchema = z
  .object({
    labels: z.object({
      en: name(200),
      // Other languages fall back to English when empty.
      "pt-BR": z.string().trim().max(200, "validation.tooLong"),
      fi: z.string().trim().max(200, "validation.tooLong"),
    }),
    kind: z.enum(TicketFieldKind, "validation.invalid"),
    options: z.array(z.string()).max(200, "validation.invalid"),
    // Each choice's name in other languages, keyed by the choice as written.
    optionLabels: z.record(z.string(), nameLabelsSchema()).optional(),
    active: z.boolean(),
  })
  .transform((f) => {
    // Choices are kept only for choice kinds; blank entries are dropped.
    const options = choiceKinds.includes(f.kind) ? f.options.map((o) => o.trim()).filter((o) => o.length > 0) : [];
    const given = new Map(Object.entries(f.optionLabels ?? {}).map(([choice, labels]) => [choice.trim(), labels]));
    const optionLabels: Record<string, Labels> = {};
    for (const o of options) if (Object.keys(given.get(o) ?? {}).length > 0) optionLabels[o] = given.get(o)!;
    return { ...f, options, optionLabels };
  })
  .superRefine((f, ctx) => {
    if (!choiceKinds.includes(f.kind)) return;
    if (f.options.some((o) => o.length > 100)) ctx.addIssue({ code: "custom", path: ["options"], message: "validation.tooLong" });
    else if (f.options.length === 0) ctx.addIssue({ code: "custom", path: ["options"], message: "ticketSettings.errors.optionsRequired" });
    else if (new Set(f.options.map((o) => o.toLocaleLowerCase())).size !== f.options.length)
      ctx.addIssue({ code: "custom", path: ["options"], message: "ticketSettings.errors.optionsDuplicate" });
  });
export type FieldInput = z.input<typeof fieldSchema>;

export const ruleFlags = ["invisible", "invisibleInPortal", "required", "readOnly", "requiredFromPrevious"] as const;
export type RuleFlag = (typeof ruleFlags)[number];

const ruleCellSchema = z.object({
  fieldId: uuid,
  stageId: uuid,
  invisible: z.boolean(),
  invisibleInPortal: z.boolean(),
  required: z.boolean(),
  readOnly: z.boolean(),
  requiredFromPrevious: z.boolean(),
});
export type RuleCell = z.infer<typeof ruleCellSchema>;
export const ruleMatrixSchema = z.object({ cells: z.array(ruleCellSchema).max(5000, "validation.invalid") });
export type RuleMatrixInput = z.infer<typeof ruleMatrixSchema>;

export const teamSchema = z.object({ name: name(), active: z.boolean(), memberIds: z.array(uuid).max(1000, "validation.invalid") });
export type TeamInput = z.infer<typeof teamSchema>;

export const defaultAttendantSchema = z.object({ attendantId: optionalId });
export type DefaultAttendantInput = z.input<typeof defaultAttendantSchema>;

export const blockedTypesSchema = z.object({ typeIds: z.array(uuid).max(1000, "validation.invalid") });
