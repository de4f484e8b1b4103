// Forms of "Contact us", shared by the client forms
// (zodResolver) and the server actions. Client-safe: zod and enums only.
// Messages are message keys (messages/*.json "validation" and "contacts.errors").
import { z } from "zod";
import { namedRecordSchema, type NamedRecordInput } from "@/lib/forms/named-record-schema";
import { ContactModule } from "@/lib/generated/prisma/enums";
import { optionalId } from "@/lib/forms/optional-fields";

/** At most this many files per message (each one is an upload of its own). */
export const MAX_ATTACHMENTS = 5;
export const MAX_MESSAGE_LENGTH = 10_000;

const requiredText = (max: number) => z.string().trim().min(1, "validation.required").max(max, "validation.tooLong");

const fileIds = z.array(z.uuid("validation.invalid")).max(MAX_ATTACHMENTS, "contacts.errors.tooManyFiles");

/**
 * A phone number as people type it: digits with spaces, dots, dashes,
 * parentheses and a leading +; 8 to 15 digits (E.164's maximum).
 */
const phoneSchema = z
  .string()
  .trim()
  .min(1, "validation.required")
  .max(30, "contacts.errors.phone")
  .refine((v) => /^\+?[\d\s().-]+$/.test(v) && (v.match(/\d/g)?.length ?? 0) >= 8 && (v.match(/\d/g)?.length ?? 0) <= 15, "contacts.errors.phone");

export const newContactSchema = z
  .object({
    /** The module the form was shown for; the server refuses it if the parameter changed meanwhile. */
    module: z.enum(ContactModule),
    /** The company, when the user reaches several; optional when there is one. */
    customerId: optionalId,
    classificationId: z.uuid("validation.required"),
    subclassificationId: optionalId,
    channelId: optionalId,
    contactName: requiredText(200),
    phone: phoneSchema,
    email: z.string().trim().min(1, "validation.required").max(254, "validation.tooLong").pipe(z.email("validation.email")),
    message: requiredText(MAX_MESSAGE_LENGTH),
    fileIds,
  })
  .superRefine((v, ctx) => {
    // Central asks for a sub-classification, CRM for a contact channel.
    if (v.module === ContactModule.CENTRAL && !v.subclassificationId)
      ctx.addIssue({ code: "custom", path: ["subclassificationId"], message: "validation.required" });
    if (v.module === ContactModule.CRM && !v.channelId) ctx.addIssue({ code: "custom", path: ["channelId"], message: "validation.required" });
  });
export type NewContactInput = z.input<typeof newContactSchema>;
export type NewContact = z.output<typeof newContactSchema>;

/** A message added to a contact's thread, by the company or by staff. */
export const contactMessageSchema = z.object({
  body: requiredText(MAX_MESSAGE_LENGTH),
  fileIds,
});
export type ContactMessageInput = z.input<typeof contactMessageSchema>;

/** Classifications, sub-classifications and contact channels: a name and whether it is offered. */
/** Classifications, sub-classifications and channels are a name and an "active" flag. */
export const contactOptionSchema = namedRecordSchema;
export type ContactOptionInput = NamedRecordInput;

export const contactModuleSchema = z.object({ module: z.enum(ContactModule, "validation.invalid") });
export type ContactModuleInput = z.infer<typeof contactModuleSchema>;
