// Form schemas of the tickets runtime, shared by the forms (zodResolver) and
// the server actions. Client-safe: zod and enums only.
import { z } from "zod";
import { optionalId } from "@/lib/forms/optional-fields";

export const SUBJECT_MAX = 200;
export const TEXT_MAX = 20_000;
export const REASON_MAX = 2_000;
export const MAX_FILES_PER_MESSAGE = 10;

const trimmed = (max: number) => z.string().trim().max(max, "validation.tooLong");
const requiredText = (max: number) => trimmed(max).min(1, "validation.required");
const fileIds = z.array(z.uuid("validation.invalid")).max(MAX_FILES_PER_MESSAGE, "validation.invalid");

/** Parameter values by field id; each value is checked against its field by field-values.ts. */
const fieldValuesSchema = z.record(z.string(), z.unknown());

/** A forward ("Salvar/Solicitar"): the next stage, the condition and the reason. */
const forwardFields = {
  toStageId: z.uuid("validation.required"),
  conditionId: z.uuid("validation.required"),
  reason: requiredText(REASON_MAX),
};

export const newTicketSchema = z.object({
  customerId: z.uuid("validation.required"),
  typeId: z.uuid("validation.required"),
  subject: requiredText(SUBJECT_MAX),
  description: requiredText(TEXT_MAX),
  values: fieldValuesSchema.default({}),
  fileIds: fileIds.default([]),
  ...forwardFields,
});
export type NewTicketInput = z.input<typeof newTicketSchema>;

export const forwardSchema = z.object({
  values: fieldValuesSchema.default({}),
  ...forwardFields,
  /** Staff only: moving the ticket out of a client's stage is acting on the client's behalf, and says so. */
  onBehalfOfClient: z.boolean().default(false),
});
export type ForwardInput = z.input<typeof forwardSchema>;

export const saveValuesSchema = z.object({ values: fieldValuesSchema });
export type SaveValuesInput = z.input<typeof saveValuesSchema>;

export const messageSchema = z
  .object({
    body: trimmed(TEXT_MAX).default(""),
    fileIds: fileIds.default([]),
    /** Staff only: an internal note, never shown to the client. */
    internal: z.boolean().default(false),
  })
  .refine((m) => m.body.length > 0 || m.fileIds.length > 0, { path: ["body"], message: "validation.required" });
export type MessageInput = z.input<typeof messageSchema>;

export const attachSchema = z.object({ fileIds: fileIds.min(1, "validation.required"), internal: z.boolean().default(false) });
export type AttachInput = z.input<typeof attachSchema>;

export const understandingSchema = z.object({ understanding: trimmed(TEXT_MAX) });
export type UnderstandingInput = z.input<typeof understandingSchema>;

/** The client's decision on the understanding; it also hands the ticket on. Rejecting needs a reason. */
export const decisionSchema = z
  .object({
    decision: z.enum(["APPROVE", "REJECT"], "validation.required"),
    toStageId: z.uuid("validation.required"),
    conditionId: z.uuid("validation.required"),
    reason: trimmed(REASON_MAX).default(""),
  })
  .refine((d) => d.decision === "APPROVE" || d.reason.length > 0, { path: ["reason"], message: "tickets.errors.rejectReasonRequired" });
export type DecisionInput = z.input<typeof decisionSchema>;

export const cancelSchema = z.object({ reason: requiredText(REASON_MAX) });
export type CancelInput = z.input<typeof cancelSchema>;

export const assignSchema = z.object({ assigneeId: optionalId });
export type AssignInput = z.input<typeof assignSchema>;

// ---- Lists

export const PORTAL_FILTERS = ["all", "mine", "awaiting", "completed", "cancelled"] as const;
export type PortalFilter = (typeof PORTAL_FILTERS)[number];

export const STAFF_AGES = ["1", "3", "7", "30"] as const;
