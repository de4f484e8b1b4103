// The customer and contact-person forms of the admin area; used by the forms in
// components/customers/ and by lib/customers/actions.ts. Optional texts are "" when empty.
import { z } from "zod";
import { CustomerKind } from "@/lib/generated/prisma/enums";

const text = (max: number) => z.string().trim().max(max, "validation.tooLong");
const requiredText = (max: number) => text(max).min(1, "validation.required");
const optionalEmail = text(254).refine((v) => v === "" || z.regexes.email.test(v), "validation.email");

export const customerSchema = z.object({
  kind: z.enum(CustomerKind, "validation.invalid"),
  name: requiredText(200),
  document: text(40),
  email: optionalEmail,
  phone: text(40),
  /** E-mail of the client user whose own record this is; resolved on the server. */
  userEmail: optionalEmail,
  active: z.boolean(),
});
export type CustomerInput = z.infer<typeof customerSchema>;

export const contactPersonSchema = z.object({
  name: requiredText(200),
  email: optionalEmail,
  phone: text(40),
  /** E-mail of the contact's portal (client) user, if they have one. */
  userEmail: optionalEmail,
});
export type ContactPersonInput = z.infer<typeof contactPersonSchema>;
