// The profile form of the admin area; used by components/profiles/profile-form.tsx
// and by lib/profiles/actions.ts.
import { z } from "zod";
import { Permission } from "@/lib/generated/prisma/enums";

export const profileSchema = z.object({
  name: z.string().trim().min(1, "validation.required").max(100, "validation.tooLong"),
  description: z.string().trim().max(1000, "validation.tooLong"),
  permissions: z.array(z.enum(Permission, "validation.invalid")),
  active: z.boolean(),
});
export type ProfileInput = z.infer<typeof profileSchema>;
