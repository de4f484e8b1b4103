// Forms of signing in with a second factor or a link, and of the account's
// security page; each schema is used by the form and by the server.
import { z } from "zod";

/** A six-digit code from the app, or a recovery code (xxxx-xxxx-xxxx). */
export const codeSchema = z.object({
  code: z.string().trim().min(1, "validation.required").max(40, "validation.invalid"),
});
export type CodeInput = z.infer<typeof codeSchema>;

export const twoFactorRequirementSchema = z.object({ required: z.boolean() });
export type TwoFactorRequirementInput = z.infer<typeof twoFactorRequirementSchema>;
