// A record that is only a name and whether it is offered (a ticket group, a
// contact classification, sub-classification or channel). Client-safe.
import { z } from "zod";

export const namedRecordSchema = z.object({
  name: z.string().trim().min(1, "validation.required").max(100, "validation.tooLong"),
  active: z.boolean(),
});
export type NamedRecordInput = z.infer<typeof namedRecordSchema>;
