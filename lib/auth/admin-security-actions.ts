"use server";

// Administrators and other users' sign-in: reset a second factor, end every
// session, require a second factor of staff (shape: lib/actions/define-action.ts).
import { defineAction } from "@/lib/actions/define-action";
import { db } from "@/lib/db";
import { recordId } from "@/lib/forms/record-id";
import { requireAdmin } from "./session";
import { resetTwoFactor } from "./two-factor";
import { setTwoFactorRequiredForStaff } from "./two-factor-policy";
import { twoFactorRequirementSchema } from "./two-factor-schemas";
import { endAllSessionsOf } from "./user-sessions";

export const resetTwoFactorAction = defineAction({
  name: "admin.resetTwoFactor",
  guard: requireAdmin,
  args: [recordId],
  run: async ({ actor, args: [userId] }) => {
    await resetTwoFactor(db, actor, userId);
    return { message: { key: "twoFactor.admin.resetDone" }, revalidate: [`/admin/users/${userId}`] };
  },
});

export const endAllSessionsAction = defineAction({
  name: "admin.endAllSessions",
  guard: requireAdmin,
  args: [recordId],
  run: async ({ actor, args: [userId] }) => {
    await endAllSessionsOf(db, actor, userId);
    return { message: { key: "twoFactor.admin.sessionsEnded" }, revalidate: [`/admin/users/${userId}`] };
  },
});

export const setTwoFactorRequirementAction = defineAction({
  name: "admin.setTwoFactorRequirement",
  guard: requireAdmin,
  input: twoFactorRequirementSchema,
  revalidate: ["/admin/settings/security"],
  run: async ({ actor, input }) => {
    await setTwoFactorRequiredForStaff(db, actor, input.required);
    return { message: { key: "common.saved" } };
  },
});
