"use server";

// Server action of /admin/settings/national-id (admins only).
import { revalidatePath } from "next/cache";
import { requireAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { fromDomainError, invalid, type ActionResult } from "@/lib/forms/action-result";
import { setNationalIdSetting } from "./national-id";
import { nationalIdFormSchema, settingFromForm, type NationalIdFormInput } from "./national-id-schema";

export async function setNationalIdAction(input: NationalIdFormInput): Promise<ActionResult> {
  const actor = await requireAdmin();
  const parsed = nationalIdFormSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    await setNationalIdSetting(db, actor, settingFromForm(parsed.data));
  } catch (error) {
    return fromDomainError(error);
  }
  // Every page that asks for or shows the number follows at once.
  revalidatePath("/", "layout");
  return { ok: true, message: { key: "settings.nationalId.saved" } };
}
