"use server";

// A user's own account security: the second factor and the sessions list
// (shape: lib/actions/define-action.ts). The guard lets staff who owe the
// required second factor in: this is where they set it up.
import { defineAction } from "@/lib/actions/define-action";
import { db } from "@/lib/db";
import { recordId } from "@/lib/forms/record-id";
import { requireAccountActor } from "./session";
import { TWO_FACTOR_SETUP_PATH } from "./two-factor-policy";
import { codeSchema } from "./two-factor-schemas";
import { confirmTotpEnrolment, disableTwoFactor, regenerateRecoveryCodes, startTotpEnrolment } from "./two-factor";
import { endOwnSession } from "./user-sessions";

const revalidate = [TWO_FACTOR_SETUP_PATH];

export const startTotpEnrolmentAction = defineAction({
  name: "account.startTotpEnrolment",
  guard: requireAccountActor,
  revalidate,
  run: async ({ actor }) => {
    await startTotpEnrolment(db, actor);
  },
});

/** Returns the recovery codes: the page shows them once. */
export const confirmTotpEnrolmentAction = defineAction({
  name: "account.confirmTotpEnrolment",
  guard: requireAccountActor,
  input: codeSchema,
  revalidate,
  run: async ({ actor, input }) => ({ data: { recoveryCodes: await confirmTotpEnrolment(db, actor, input.code) } }),
});

export const regenerateRecoveryCodesAction = defineAction({
  name: "account.regenerateRecoveryCodes",
  guard: requireAccountActor,
  input: codeSchema,
  revalidate,
  run: async ({ actor, input }) => ({ data: { recoveryCodes: await regenerateRecoveryCodes(db, actor, input.code) } }),
});

export const disableTwoFactorAction = defineAction({
  name: "account.disableTwoFactor",
  guard: requireAccountActor,
  input: codeSchema,
  revalidate,
  run: async ({ actor, input }) => {
    await disableTwoFactor(db, actor, input.code);
    return { message: { key: "twoFactor.disabled" } };
  },
});

export const endSessionAction = defineAction({
  name: "account.endSession",
  guard: requireAccountActor,
  args: [recordId],
  revalidate,
  run: async ({ actor, args: [sessionId] }) => {
    await endOwnSession(db, actor, sessionId);
  },
});
