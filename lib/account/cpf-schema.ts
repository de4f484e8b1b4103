// The CPF form's schema, shared by the browser form and the server (no server imports here).
import { z } from "zod";
import { isValidCpf } from "@/lib/events/cpf";

export const cpfSchema = z.object({
  cpf: z.string().trim().min(1, "validation.required").refine(isValidCpf, "account.cpfInvalid"),
});
export type CpfInput = z.infer<typeof cpfSchema>;
