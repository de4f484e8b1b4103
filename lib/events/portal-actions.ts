"use server";

// Portal registration and cancellation: thin wrappers over the domain
// (registration.ts, cancellation.ts), which enforce every rule again.
import { revalidatePath } from "next/cache";
import { requireClient } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { fromDomainError, invalid, type ActionResult } from "@/lib/forms/action-result";
import { notifyOutbox } from "@/lib/jobs/notify";
import { cancelRegistration, registerForEvent } from "./registration";
import { portalRegistrationSchema, type PortalRegistrationInput } from "./schemas";

export async function registerInPortalAction(input: PortalRegistrationInput): Promise<ActionResult<{ status: string; reservePosition?: number }>> {
  const actor = await requireClient();
  const parsed = portalRegistrationSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    const result = await registerForEvent(db, parsed.data.eventId, { source: "PORTAL", actor }, parsed.data.answers);
    await notifyOutbox(result.emailIds);
    revalidatePath("/portal/events", "layout");
    return {
      ok: true,
      data: { status: result.status, reservePosition: result.reservePosition },
      message: result.status === "RESERVE" ? { key: "events.portal.onReserve", values: { position: result.reservePosition ?? 0 } } : { key: "events.portal.registered" },
    };
  } catch (error) {
    return fromDomainError(error);
  }
}

/** The caller shows the event's page with the confirmation (?cancelled=1); the registrant is e-mailed. */
export async function cancelMyRegistrationAction(registrationId: string): Promise<ActionResult<{ eventNumber: number }>> {
  const actor = await requireClient();
  try {
    const result = await cancelRegistration(db, { actor }, registrationId);
    await notifyOutbox(result.emailIds);
    revalidatePath("/portal", "layout");
    return { ok: true, data: { eventNumber: result.eventNumber }, message: { key: "events.portal.cancelled" } };
  } catch (error) {
    return fromDomainError(error);
  }
}
