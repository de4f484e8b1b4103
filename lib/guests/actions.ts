"use server";

// Server actions of the guest portal's admin pages: guard, the form's schema,
// the domain function, revalidation. The public form posts to
// app/api/guest/[token] instead (files, and no account).
import { revalidatePath } from "next/cache";
import { requireAdmin, requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { fromDomainError, invalid, type ActionResult } from "@/lib/forms/action-result";
import { notifyOutbox } from "@/lib/jobs/notify";
import { getStorage } from "@/lib/storage";
import { guestPortalSettingsSchema, type GuestPortalSettingsInput } from "./config";
import { openGuestRequest } from "./open-request";
import { regenerateGuestPortalLink, saveGuestPortal } from "./portal";
import { deleteGuestRequest } from "./requests";
import { openGuestRequestSchema, type OpenGuestRequestInput } from "./schemas";

const SETTINGS_PATH = "/admin/settings/guest-portal";
const LIST_PATH = "/admin/guest-requests";

export async function saveGuestPortalAction(input: GuestPortalSettingsInput): Promise<ActionResult> {
  const actor = await requireAdmin();
  const parsed = guestPortalSettingsSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    await saveGuestPortal(db, actor, parsed.data);
  } catch (error) {
    return fromDomainError(error);
  }
  revalidatePath(SETTINGS_PATH);
  return { ok: true, message: { key: "common.saved" } };
}

export async function regenerateGuestPortalLinkAction(): Promise<ActionResult> {
  const actor = await requireAdmin();
  try {
    await regenerateGuestPortalLink(db, actor);
  } catch (error) {
    return fromDomainError(error);
  }
  revalidatePath(SETTINGS_PATH);
  return { ok: true, message: { key: "guests.settings.regenerated" } };
}

export async function deleteGuestRequestAction(number: number): Promise<ActionResult> {
  const actor = await requireStaff();
  try {
    await deleteGuestRequest(db, getStorage(), actor, number);
  } catch (error) {
    return fromDomainError(error);
  }
  revalidatePath(LIST_PATH, "layout");
  return { ok: true };
}

export async function openGuestRequestAction(number: number, input: OpenGuestRequestInput): Promise<ActionResult<{ ticketNumber: number }>> {
  const actor = await requireStaff();
  const parsed = openGuestRequestSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    const opened = await openGuestRequest(db, actor, { number }, parsed.data);
    await notifyOutbox(opened.emailIds);
    revalidatePath(LIST_PATH, "layout");
    return { ok: true, data: { ticketNumber: opened.ticketNumber }, message: { key: "guests.detail.openedAs", values: { number: opened.ticketNumber } } };
  } catch (error) {
    return fromDomainError(error);
  }
}
