// Optional form fields accept a missing key, "" (an empty input) or null alike,
// and come out as undefined. Shared by the schemas of every form.
import { z } from "zod";

export const optionalId = z
  .union([z.literal(""), z.null(), z.undefined(), z.uuid("validation.invalid")])
  .transform((v) => v || undefined)
  .optional();

export const optionalDateTime = z
  .union([z.literal(""), z.null(), z.undefined(), z.coerce.date({ error: "validation.invalid" })])
  .transform((v) => (v instanceof Date ? v : undefined))
  .optional();
