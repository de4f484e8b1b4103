"use server";

// Server actions of the guest portal's admin pages (shape:
// lib/actions/define-action.ts). The public form posts to app/api/guest/[token]
// instead (files, and no account).
import { defineAction } from "@/lib/actions/define-action";
import { requireAdmin, requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { recordId } from "@/lib/forms/record-id";
import { getStorage } from "@/lib/storage";
import { guestPortalSettingsSchema } from "./config";
import { openGuestRequest } from "./open-request";
import { regenerateGuestPortalLink, saveGuestPortal } from "./portal";
import { deleteGuestRequest } from "./requests";
import { openGuestRequestSchema } from "./schemas";

const SETTINGS_PATH = "/admin/settings/guest-portal";
const LIST_PATH = "/admin/guest-requests";

export const saveGuestPortalAction = defineAction({
  name: "guests.savePortal",
  guard: requireAdmin,
  input: guestPortalSettingsSchema,
  revalidate: [SETTINGS_PATH],
  run: async ({ actor, input }) => {
    await saveGuestPortal(db, actor, input);
    return { message: { key: "common.saved" } };
  },
});

export const regenerateGuestPortalLinkAction = defineAction({
  name: "guests.regenerateLink",
  guard: requireAdmin,
  revalidate: [SETTINGS_PATH],
  run: async ({ actor }) => {
    await regenerateGuestPortalLink(db, actor);
    return { message: { key: "guests.settings.regenerated" } };
  },
});

export const deleteGuestRequestAction = defineAction({
  name: "guests.delete",
  guard: requireStaff,
  args: [recordId],
  revalidate: [[LIST_PATH, "layout"]],
  run: async ({ actor, args: [id] }) => {
    await deleteGuestRequest(db, getStorage(), actor, { id });
  },
});

export const openGuestRequestAction = defineAction({
  name: "guests.open",
  guard: requireStaff,
  args: [recordId],
  input: openGuestRequestSchema,
  revalidate: [[LIST_PATH, "layout"]],
  run: async ({ actor, args: [id], input }) => {
    const opened = await openGuestRequest(db, actor, { id }, input);
    return {
      emailIds: opened.emailIds,
      data: { ticketNumber: opened.ticketNumber },
      message: { key: "guests.detail.openedAs", values: { number: opened.ticketNumber } },
    };
  },
});
