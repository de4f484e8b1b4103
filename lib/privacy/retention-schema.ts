// How long each kind of record is kept; client-safe (zod only): the admin form
// and the server validate with it, and the stored setting is read through it.
import { z } from "zod";

const months = z.coerce.number("validation.invalid").int("validation.invalid").min(1, "validation.invalid").max(600, "validation.invalid");
const days = z.coerce.number("validation.invalid").int("validation.invalid").min(1, "validation.invalid").max(36_500, "validation.invalid");

export const retentionSchema = z.object({
  /** Public registrations, counted from the end of their event: anonymised. */
  registrationsMonths: months,
  /** Guest requests, counted from their submission: anonymised. */
  guestRequestsMonths: months,
  /** The sent copy of e-mails (body, props, attachments), counted from queueing: cleared. */
  emailBodiesDays: days,
  /** Rate-limit counters, used password-reset tokens, passkey challenges and sign-in tickets: deleted. */
  technicalDays: days,
  /** Whether the daily job applies the periods; off until an admin has seen the dry run and turned it on. */
  automatic: z.boolean("validation.invalid"),
});
export type RetentionSettings = z.output<typeof retentionSchema>;
export type RetentionInput = z.input<typeof retentionSchema>;

export const DEFAULT_RETENTION: RetentionSettings = {
  registrationsMonths: 24,
  guestRequestsMonths: 12,
  emailBodiesDays: 90,
  technicalDays: 30,
  automatic: false,
};

export const RETENTION_KINDS = ["registrations", "guestRequests", "emailBodies", "technical"] as const;
export type RetentionKind = (typeof RETENTION_KINDS)[number];
