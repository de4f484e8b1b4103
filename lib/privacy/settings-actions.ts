"use server";

// Server actions of the privacy settings (shape: lib/actions/define-action.ts):
// the privacy notice per language and the retention periods, admins only; the
// domain functions check again.
import { defineAction } from "@/lib/actions/define-action";
import { requireAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { getStorage } from "@/lib/storage";
import { privacyNoticeSchema } from "./consent-schema";
import { saveNotice } from "./notice";
import { applyRetentionNow, saveRetentionSettings } from "./retention";
import { retentionSchema } from "./retention-schema";

const NOTICE_PATH = "/admin/settings/privacy-notice";
const RETENTION_PATH = "/admin/settings/retention";

export const saveNoticeAction = defineAction({
  name: "privacy.saveNotice",
  guard: requireAdmin,
  input: privacyNoticeSchema,
  // Public forms show the notice: their pages are rendered per request, so only the admin pages need it.
  revalidate: [NOTICE_PATH],
  run: async ({ actor, input }) => {
    const saved = await saveNotice(db, actor, input);
    return { message: { key: "privacy.notice.savedVersion", values: { version: saved.version } } };
  },
});

export const saveRetentionAction = defineAction({
  name: "privacy.saveRetention",
  guard: requireAdmin,
  input: retentionSchema,
  revalidate: [RETENTION_PATH],
  run: async ({ actor, input }) => {
    await saveRetentionSettings(db, actor, input);
    return { message: { key: "common.saved" } };
  },
});

export const applyRetentionAction = defineAction({
  name: "privacy.applyRetention",
  guard: requireAdmin,
  revalidate: [RETENTION_PATH],
  run: async ({ actor }) => {
    const counts = await applyRetentionNow(db, getStorage(), actor);
    return { message: { key: "privacy.retention.applied", values: counts } };
  },
});
