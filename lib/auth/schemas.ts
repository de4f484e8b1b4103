// Forms of the accounts area; each schema is used by the form and by the server.
import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "./password-policy";

export const loginSchema = z.object({
  email: z.string().trim().min(1, "validation.required").email("validation.email").max(254, "validation.email"),
  password: z.string().min(1, "validation.required").max(200, "validation.invalid"),
});
export type LoginInput = z.infer<typeof loginSchema>;

// One address, as asked for by "forgot password" and "e-mail me a sign-in link".
export const emailRequestSchema = z.object({
  email: z.string().trim().min(1, "validation.required").email("validation.email").max(254, "validation.email"),
});
export type EmailRequestInput = z.infer<typeof emailRequestSchema>;

export const newPasswordSchema = z
  .object({
    token: z.string().min(1),
    password: z.string().min(MIN_PASSWORD_LENGTH, "validation.passwordTooShort").max(200, "validation.invalid"),
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "validation.passwordsDiffer" });
export type NewPasswordInput = z.infer<typeof newPasswordSchema>;
