// The name a user gives a passkey when registering it ("work laptop").
import { z } from "zod";

export const passkeyNameSchema = z.object({
  name: z.string().trim().min(1, "validation.required").max(60, "validation.tooLong"),
});
export type PasskeyNameInput = z.infer<typeof passkeyNameSchema>;
