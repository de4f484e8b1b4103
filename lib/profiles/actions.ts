"use server";

// Server actions of the profile admin pages: admin guard, the form's schema, the
// domain function, then revalidate or redirect. Expected errors become form results.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { fromDomainError, invalid, type ActionResult } from "@/lib/forms/action-result";
import { profileSchema, type ProfileInput } from "./schemas";
import { createProfile, setProfileActive, updateProfile } from "./save-profile";

export async function createProfileAction(input: ProfileInput): Promise<ActionResult> {
  const actor = await requireAdmin();
  const parsed = profileSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  let id: string;
  try {
    ({ id } = await createProfile(db, actor, parsed.data));
  } catch (error) {
    return fromDomainError(error);
  }
  revalidatePath("/admin/profiles");
  redirect(`/admin/profiles/${id}?created=1`);
}

export async function updateProfileAction(id: string, input: ProfileInput): Promise<ActionResult> {
  const actor = await requireAdmin();
  const parsed = profileSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    await updateProfile(db, actor, String(id), parsed.data);
  } catch (error) {
    return fromDomainError(error);
  }
  revalidatePath("/admin/profiles");
  revalidatePath(`/admin/profiles/${id}`);
  return { ok: true, message: { key: "common.saved" } };
}

export async function setProfileActiveAction(id: string, active: boolean): Promise<ActionResult> {
  const actor = await requireAdmin();
  try {
    await setProfileActive(db, actor, String(id), active === true);
  } catch (error) {
    return fromDomainError(error);
  }
  revalidatePath("/admin/profiles");
  revalidatePath(`/admin/profiles/${id}`);
  return { ok: true };
}
