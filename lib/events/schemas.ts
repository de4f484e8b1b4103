// Forms of the events module. One zod schema per
// form, used by the form (zodResolver) and by the server. Messages are keys.
import { z } from "zod";
import { optionalDateTime, optionalId } from "@/lib/forms/optional-fields";
import { consentFields, requireAcceptance } from "@/lib/privacy/consent-schema";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "validation.tooLong")
    .optional()
    .or(z.literal(""))
    .transform((v) => v || undefined);
const dateTime = z.coerce.date({ error: "validation.invalid" });

/** The event form. Fields that follow the main event are ignored for a secondary one (server-enforced). */
export const eventSchema = z
  .object({
    name: z.string().trim().min(1, "validation.required").max(200, "validation.tooLong"),
    description: z.string().max(20_000, "validation.tooLong").default(""),
    responsibleId: optionalId,
    startsAt: dateTime,
    endsAt: dateTime,
    timeZone: z.string().min(1, "validation.required"),
    typeId: z.uuid("validation.required"),
    customerId: optionalId,
    placeId: optionalId,
    status: z.enum(["OPEN", "CONFIRMED", "CANCELLED"]).default("OPEN"),
    onlineUrl: optionalText(1000).refine((v) => !v || /^https?:\/\//i.test(v), "validation.url"),
    visibleInPortal: z.boolean().default(false),
    publicRegistration: z.boolean().default(false),
    // Public sign-ups hold their place until confirmed by the e-mailed link (the
    // form starts with it on; a caller that leaves it out keeps sign-ups as before).
    confirmPublicSignups: z.boolean().default(false),
    holdMinutes: z.coerce.number().int("validation.invalid").min(5, "validation.invalid").max(10_080, "validation.invalid").default(30),
    // A freed seat moves the first reserve up at once, or is offered to it until a deadline.
    waitlistMode: z.enum(["AUTOMATIC", "OFFERS"]).default("AUTOMATIC"),
    offerHours: z.coerce.number().int("validation.invalid").min(1, "validation.invalid").max(720, "validation.invalid").default(24),
    seats: z.coerce.number().int("validation.invalid").min(0, "validation.invalid").max(100_000, "validation.invalid"),
    reserveSeats: z.coerce.number().int("validation.invalid").min(0, "validation.invalid").max(100_000, "validation.invalid").default(0),
    registrationDeadline: optionalDateTime,
    cancellationDeadline: optionalDateTime,
    portalQuestionnaireId: optionalId,
    publicQuestionnaireId: optionalId,
    certificateTemplateId: optionalId,
    workloadHours: z
      .union([z.literal(""), z.null(), z.undefined(), z.coerce.number().min(0, "validation.invalid").max(10_000, "validation.invalid")])
      .transform((v) => (typeof v === "number" ? v : undefined))
      .optional(),
    reminderEnabled: z.boolean().default(true),
    // The event's own reminder schedule instead of the installation's (lib/events/reminder-schedule.ts).
    reminderOwnSchedule: z.boolean().default(false),
    reminderOffsets: z.array(z.string()).default([]),
    reminderHour: z.coerce.number().int("validation.invalid").min(0, "validation.invalid").max(23, "validation.invalid").default(9),
    // Share of its sessions (percent) a participant attends to get the main event's certificate.
    certificateAttendancePercent: z.coerce
      .number()
      .int("validation.invalid")
      .min(1, "events.errors.attendancePercent")
      .max(100, "events.errors.attendancePercent")
      .default(100),
    mainEventNumber: z
      .union([z.literal(""), z.null(), z.undefined(), z.coerce.number().int("validation.invalid").positive("validation.invalid")])
      .transform((v) => (typeof v === "number" ? v : undefined))
      .optional(),
  })
  .refine((v) => v.endsAt > v.startsAt, { path: ["endsAt"], message: "events.errors.endBeforeStart" })
  .refine((v) => !(v.customerId && v.placeId), { path: ["placeId"], message: "events.errors.oneLocation" });
export type EventInput = z.input<typeof eventSchema>;
export type EventData = z.output<typeof eventSchema>;

export const QUESTION_KINDS = ["SHORT_TEXT", "LONG_TEXT", "SINGLE_CHOICE", "MULTIPLE_CHOICE", "YES_NO", "NUMBER", "DATE"] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const questionSchema = z
  .object({
    // Stable id of the question inside its template (kept across edits).
    id: z.string().min(1).max(64),
    label: z.string().trim().min(1, "validation.required").max(500, "validation.tooLong"),
    kind: z.enum(QUESTION_KINDS),
    required: z.boolean().default(false),
    options: z.array(z.string().trim().min(1, "validation.required").max(200, "validation.tooLong")).max(50).default([]),
  })
  .refine((q) => !(q.kind === "SINGLE_CHOICE" || q.kind === "MULTIPLE_CHOICE") || q.options.length >= 2, {
    path: ["options"],
    message: "events.errors.needsOptions",
  });
export type Question = z.output<typeof questionSchema>;

export const questionnaireSchema = z.object({
  name: z.string().trim().min(1, "validation.required").max(200, "validation.tooLong"),
  questions: z.array(questionSchema).max(100),
});
export type QuestionnaireInput = z.input<typeof questionnaireSchema>;

/** Raw answers from a form: question id -> value (string, string[], boolean or number). */
const answersInputSchema = z.record(z.string(), z.union([z.string(), z.array(z.string()), z.boolean(), z.number(), z.null()])).default({});
export type AnswersInput = z.input<typeof answersInputSchema>;

/** What is stored on a registration: each answer with the question as it was asked. */
export interface StoredAnswer {
  question: Question;
  value: string | string[] | boolean | number | null;
}

export const publicRegistrationSchema = z
  .object({
    name: z.string().trim().min(1, "validation.required").max(200, "validation.tooLong"),
    email: z.string().trim().min(1, "validation.required").email("validation.email").max(254, "validation.email"),
    cpf: z.string().trim().max(40, "validation.invalid").optional().default(""),
    answers: answersInputSchema,
    // Honeypot: people leave it empty; bots fill it.
    website: z.string().max(0, "validation.invalid").optional().default(""),
    // The privacy notice shown, its acceptance and the optional news consent.
    ...consentFields,
  })
  .superRefine(requireAcceptance);
export type PublicRegistrationInput = z.input<typeof publicRegistrationSchema>;

export const portalRegistrationSchema = z.object({ eventId: z.uuid(), answers: answersInputSchema });
export type PortalRegistrationInput = z.input<typeof portalRegistrationSchema>;

export const CANCEL_REASON_MAX = 2_000;
/** Staff cancelling a registration: the reason is optional and shown to the registrant. */
export const cancelRegistrationSchema = z.object({ reason: z.string().trim().max(CANCEL_REASON_MAX, "validation.tooLong").optional().default("") });
export type CancelRegistrationInput = z.input<typeof cancelRegistrationSchema>;

/** Staff adding a participant by hand; `clientEmail` links the registration to an existing client user. */
export const addParticipantSchema = z.object({
  name: z.string().trim().min(1, "validation.required").max(200, "validation.tooLong"),
  email: z.string().trim().min(1, "validation.required").email("validation.email").max(254, "validation.email"),
  cpf: z.string().trim().max(40, "validation.invalid").optional().default(""),
  // Blank for none (no transform, so the form's values and the server's input are one type).
  clientEmail: z
    .union([z.literal(""), z.string().trim().email("validation.email").max(254, "validation.email")])
    .optional()
    .default(""),
  // A walk-in at a full event: staff say so explicitly; without it the seat rules decide (reserve or "full").
  beyondSeatLimit: z.boolean().optional().default(false),
});
export type AddParticipantInput = z.input<typeof addParticipantSchema>;
export type AddParticipantData = z.output<typeof addParticipantSchema>;
