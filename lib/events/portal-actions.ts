"use server";

// Portal registration and cancellation (shape: lib/actions/define-action.ts):
// thin wrappers over the domain (registration.ts, cancellation.ts), which
// enforce every rule again.
import { defineAction } from "@/lib/actions/define-action";
import { requireClient } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { recordId } from "@/lib/forms/record-id";
import { cancelRegistration, registerForEvent } from "./registration";
import { portalRegistrationSchema } from "./schemas";

export const registerInPortalAction = defineAction({
  name: "events.registerInPortal",
  guard: requireClient,
  input: portalRegistrationSchema,
  revalidate: [["/portal/events", "layout"]],
  run: async ({ actor, input }) => {
    const result = await registerForEvent(db, input.eventId, { source: "PORTAL", actor }, input.answers);
    return {
      emailIds: result.emailIds,
      data: { status: result.status as string, reservePosition: result.reservePosition },
      message:
        result.status === "RESERVE"
          ? { key: "events.portal.onReserve", values: { position: result.reservePosition ?? 0 } }
          : { key: "events.portal.registered" },
    };
  },
});

/** The caller shows the event's page with the confirmation (?cancelled=1); the registrant is e-mailed. */
export const cancelMyRegistrationAction = defineAction({
  name: "events.cancelMine",
  guard: requireClient,
  args: [recordId],
  revalidate: [["/portal", "layout"]],
  run: async ({ actor, args: [registrationId] }) => {
    const { emailIds, eventNumber } = await cancelRegistration(db, { actor }, registrationId);
    return { emailIds, data: { eventNumber }, message: { key: "events.portal.cancelled" } };
  },
});
