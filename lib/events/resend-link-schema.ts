// The "send me my link again" form, shared by the browser and the server.
import { z } from "zod";

export const registrationLinkSchema = z.object({
  email: z.string().trim().min(1, "validation.required").email("validation.email").max(254, "validation.email"),
  // Honeypot: people leave it empty; bots fill it.
  website: z.string().max(0, "validation.invalid").optional().default(""),
});
export type RegistrationLinkInput = z.input<typeof registrationLinkSchema>;
