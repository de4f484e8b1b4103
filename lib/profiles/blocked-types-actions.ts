"use server";

// Server action of the profile page's "blocked ticket types": admin guard, schema, domain function.
import { revalidatePath } from "next/cache";
import { requireAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { fromDomainError, invalid, type ActionResult } from "@/lib/forms/action-result";
import { saveProfileBlockedTypes } from "@/lib/tickets/settings/blocked-types";
import { blockedTypesSchema, type BlockedTypesInput } from "@/lib/tickets/settings/schemas";

export async function saveProfileBlockedTypesAction(profileId: string, input: BlockedTypesInput): Promise<ActionResult> {
  const actor = await requireAdmin();
  const parsed = blockedTypesSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    await saveProfileBlockedTypes(db, actor, String(profileId), parsed.data.typeIds);
  } catch (error) {
    return fromDomainError(error);
  }
  revalidatePath(`/admin/profiles/${profileId}`);
  return { ok: true, message: { key: "common.saved" } };
}
