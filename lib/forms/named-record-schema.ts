// A record that is only a name and whether it is offered (a ticket group, a
// contact classification, sub-classification or channel), with its optional
// names in each language. Client-safe.
import { z } from "zod";
import { nameLabelsSchema } from "@/lib/i18n/labels";

export const namedRecordSchema = z.object({
  name: z.string().trim().min(1, "validation.required").max(100, "validation.tooLong"),
  labels: nameLabelsSchema(),
  active: z.boolean(),
});
export type NamedRecordInput = z.input<typeof namedRecordSchema>;
