// Shared by the privacy officer's forms and the server.
import { z } from "zod";

/** The person a page is about, bound to its actions: the key kind and the value as the page shows it. */
export const personKeySchema = z.object({ kind: z.enum(["email", "cpf"]), value: z.string().trim().min(1).max(254) });

/** The second confirmation of an erasure: the person's e-mail (or CPF) typed again. */
export const eraseConfirmSchema = z.object({ confirm: z.string().trim().min(1, "validation.required").max(254, "validation.tooLong") });
export type EraseConfirmInput = z.infer<typeof eraseConfirmSchema>;
