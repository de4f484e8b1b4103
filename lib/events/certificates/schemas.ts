// The certificate template form (title, body with placeholders, signer, logo). Messages are keys.
import { z } from "zod";
import { optionalId } from "@/lib/forms/optional-fields";

export const certificateTemplateSchema = z.object({
  name: z.string().trim().min(1, "validation.required").max(200, "validation.tooLong"),
  title: z.string().trim().min(1, "validation.required").max(200, "validation.tooLong"),
  body: z.string().trim().min(1, "validation.required").max(5000, "validation.tooLong"),
  signerName: z.string().trim().min(1, "validation.required").max(200, "validation.tooLong"),
  signerRole: z.string().trim().max(200, "validation.tooLong").default(""),
  logoFileId: optionalId,
  active: z.boolean().default(true),
});
export type CertificateTemplateInput = z.input<typeof certificateTemplateSchema>;
export type CertificateTemplateData = z.output<typeof certificateTemplateSchema>;
