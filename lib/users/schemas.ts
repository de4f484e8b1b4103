// The user form of the admin area, in its create and edit variants; used by
// components/users/user-form.tsx and by lib/users/actions.ts.
import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-policy";
import { Role } from "@/lib/generated/prisma/enums";
import { isTimeZone, locales } from "@/lib/i18n/config";

const userFields = {
  name: z.string().trim().min(1, "validation.required").max(200, "validation.tooLong"),
  email: z.string().trim().min(1, "validation.required").max(254, "validation.email").email("validation.email"),
  role: z.enum(Role, "validation.invalid"),
  /** "" for no profile. */
  profileId: z.string(),
  locale: z.enum(locales, "validation.invalid"),
  timeZone: z.string().refine(isTimeZone, "validation.timeZone"),
  active: z.boolean(),
  /** Absent keeps the user's current permission; stored only for staff. */
  privacyOfficer: z.boolean().optional(),
};

// Clients reach the portal through their profile's permissions, so a client
// without one could not do anything.
const clientHasProfile = (v: { role: Role; profileId: string }) => v.role !== Role.CLIENT || v.profileId !== "";
const clientNeedsProfile = { path: ["profileId"], message: "users.clientNeedsProfile" };

export const createUserSchema = z
  .object({ ...userFields, password: z.string().min(MIN_PASSWORD_LENGTH, "validation.passwordTooShort").max(200, "validation.tooLong") })
  .refine(clientHasProfile, clientNeedsProfile);
export type CreateUserInput = z.infer<typeof createUserSchema>;

/** On edit a blank password keeps the current one. */
export const updateUserSchema = z
  .object({
    ...userFields,
    password: z
      .string()
      .max(200, "validation.tooLong")
      .refine((v) => v === "" || v.length >= MIN_PASSWORD_LENGTH, "validation.passwordTooShort"),
  })
  .refine(clientHasProfile, clientNeedsProfile);
export type UpdateUserInput = z.infer<typeof updateUserSchema>;
