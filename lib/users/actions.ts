"use server";

// Server actions of the user admin pages: admin guard, the form's schema, the
// domain function, then revalidate or redirect. Expected errors become form results.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { fromDomainError, invalid, type ActionResult } from "@/lib/forms/action-result";
import { createUserSchema, updateUserSchema, type CreateUserInput, type UpdateUserInput } from "./schemas";
import { createUser, updateUser } from "./save-user";
import { setUserActive } from "./set-user-active";

export async function createUserAction(input: CreateUserInput): Promise<ActionResult> {
  const actor = await requireAdmin();
  const parsed = createUserSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  let id: string;
  try {
    ({ id } = await createUser(db, actor, parsed.data));
  } catch (error) {
    return fromDomainError(error);
  }
  revalidatePath("/admin/users");
  redirect(`/admin/users/${id}?created=1`);
}

export async function updateUserAction(id: string, input: UpdateUserInput): Promise<ActionResult> {
  const actor = await requireAdmin();
  const parsed = updateUserSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    await updateUser(db, actor, String(id), parsed.data);
  } catch (error) {
    return fromDomainError(error);
  }
  revalidatePath("/admin/users");
  revalidatePath(`/admin/users/${id}`);
  return { ok: true, message: { key: "common.saved" } };
}

export async function setUserActiveAction(id: string, active: boolean): Promise<ActionResult> {
  const actor = await requireAdmin();
  try {
    await setUserActive(db, actor, String(id), active === true);
  } catch (error) {
    return fromDomainError(error);
  }
  revalidatePath("/admin/users");
  revalidatePath(`/admin/users/${id}`);
  return { ok: true };
}
