// Reading and changing the installation's national id setting (see
// national-id-schema.ts). Unset means "cpf": existing installations keep
// asking for the CPF until an admin chooses otherwise.
import { assertAdmin, type Actor } from "@/lib/auth/actor";
import type { DbOrTx } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import { getSetting, setSetting } from "./general";
import { DEFAULT_NATIONAL_ID, invalidNationalIdKey, parseNationalId, type NationalIdSetting } from "./national-id-schema";

export async function getNationalIdSetting(db: DbOrTx): Promise<NationalIdSetting> {
  return (await getSetting(db, "identity.nationalId")) ?? DEFAULT_NATIONAL_ID;
}

/** A general parameter of the whole installation: admins only. Numbers already stored are kept. */
export async function setNationalIdSetting(db: DbOrTx, actor: Actor, setting: NationalIdSetting): Promise<void> {
  assertAdmin(actor);
  await setSetting(db, "identity.nationalId", setting);
}

/**
 * An optional national id typed into a form, checked on the server: null when
 * empty; refused when the installation asks for none (the field is not shown,
 * so a value is a crafted request) or when it is not valid here.
 */
export function optionalNationalId(setting: NationalIdSetting, input: string | null | undefined, field = "cpf", invalidKey?: string): string | null {
  if (!input?.trim()) return null;
  if (setting.mode === "none") throw new ValidationError({ [field]: "account.nationalIdNotAsked" });
  const parsed = parseNationalId(setting, input);
  if (!parsed) throw new ValidationError({ [field]: invalidKey && setting.mode === "cpf" ? invalidKey : invalidNationalIdKey(setting) });
  return parsed;
}
