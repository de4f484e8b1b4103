// Forms of the event settings pages (event types and places); the questionnaire
// template form is questionnaireSchema in ./schemas. Messages are keys.
import { z } from "zod";

export const eventTypeSchema = z.object({
  name: z.string().trim().min(1, "validation.required").max(100, "validation.tooLong"),
  isPublic: z.boolean(),
  active: z.boolean(),
});
export type EventTypeInput = z.infer<typeof eventTypeSchema>;

export const eventPlaceSchema = z.object({
  name: z.string().trim().min(1, "validation.required").max(200, "validation.tooLong"),
  address: z.string().trim().max(500, "validation.tooLong"),
  // The default location of public events given none. At most one place.
  isDefaultPublic: z.boolean(),
  active: z.boolean(),
});
export type EventPlaceInput = z.infer<typeof eventPlaceSchema>;
