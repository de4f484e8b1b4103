// The installation's national id (admin setting "identity.nationalId"): which
// number people are asked for, one per person (User.cpf for portal users, the
// registration's own for public registrants). "cpf" is the Brazilian CPF,
// checked by its digits; "none" asks for nothing anywhere (a Finnish
// installation has no use for a CPF); "other" asks for a number under the
// label the admin chose, in any format. Shared by browser forms and the
// server, so no server imports here.
import { z } from "zod";
import { formatCpf, isValidCpf, normalizeCpf } from "@/lib/settings/cpf-number";

export const NATIONAL_ID_MODES = ["cpf", "none", "other"] as const;

/** Longest free-format national id ("other"). */
const OTHER_ID_MAX = 40;

export const nationalIdSettingSchema = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("cpf") }),
  z.object({ mode: z.literal("none") }),
  z.object({ mode: z.literal("other"), label: z.string().trim().min(1, "validation.required").max(60, "validation.tooLong") }),
]);
export type NationalIdSetting = z.infer<typeof nationalIdSettingSchema>;

/** What installations that never chose keep: the CPF, as before the setting existed. */
export const DEFAULT_NATIONAL_ID: NationalIdSetting = { mode: "cpf" };

/** The admin form: a label only matters (and is required) for "other". */
export const nationalIdFormSchema = z
  .object({ mode: z.enum(NATIONAL_ID_MODES, "validation.invalid"), label: z.string().trim().max(60, "validation.tooLong") })
  .superRefine((value, ctx) => {
    if (value.mode === "other" && !value.label) ctx.addIssue({ code: "custom", path: ["label"], message: "validation.required" });
  });
export type NationalIdFormInput = z.infer<typeof nationalIdFormSchema>;

export function settingFromForm(input: NationalIdFormInput): NationalIdSetting {
  return input.mode === "other" ? { mode: "other", label: input.label.trim() } : { mode: input.mode };
}

/** A typed national id checked for this installation: what gets stored, or null when it is not acceptable. */
export function parseNationalId(setting: NationalIdSetting, input: string): string | null {
  const value = input.trim();
  if (setting.mode === "cpf") return isValidCpf(value) ? normalizeCpf(value) : null;
  if (setting.mode === "other") return value && value.length <= OTHER_ID_MAX ? value : null;
  return null;
}

/** How a stored national id is shown (a CPF with its punctuation). */
export function formatNationalId(setting: NationalIdSetting, stored: string): string {
  return setting.mode === "cpf" ? formatCpf(stored) : stored;
}

/** The message key of "not a valid national id" for this installation. */
export function invalidNationalIdKey(setting: NationalIdSetting): string {
  return setting.mode === "cpf" ? "account.cpfInvalid" : "account.nationalIdInvalid";
}

/** The own-number form (profile, private link): required, and valid for the installation. */
export function nationalIdInputSchema(setting: NationalIdSetting) {
  return z.object({
    cpf: z
      .string()
      .trim()
      .min(1, "validation.required")
      .refine((v) => parseNationalId(setting, v) !== null, invalidNationalIdKey(setting)),
  });
}
