"use server";

// Staff actions on an event's participants and its status e-mails: staff guard,
// schema, the domain function, wake the outbox, revalidate the event page.
import { revalidatePath } from "next/cache";
import { requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { fromDomainError, invalid, type ActionResult } from "@/lib/forms/action-result";
import { notifyOutbox } from "@/lib/jobs/notify";
import { markAttendance } from "./attendance";
import { cancelRegistration } from "./registration";
import { addParticipantSchema, cancelRegistrationSchema, type AddParticipantInput, type CancelRegistrationInput } from "./schemas";
import { addParticipant } from "./staff-participants";
import { sendStatusEmails } from "./status-emails";

export async function addParticipantAction(eventId: string, input: AddParticipantInput): Promise<ActionResult> {
  const actor = await requireStaff();
  const parsed = addParticipantSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    const result = await addParticipant(db, actor, String(eventId), parsed.data);
    await notifyOutbox(result.emailIds);
    revalidatePath(`/admin/events/${eventId}`);
    return {
      ok: true,
      message: result.beyondSeatLimit
        ? { key: "events.admin.participantAddedBeyondLimit" }
        : result.status === "RESERVE"
          ? { key: "events.admin.participantOnReserve", values: { position: result.reservePosition ?? 0 } }
          : { key: "events.admin.participantAdded" },
    };
  } catch (error) {
    return fromDomainError(error);
  }
}

/** Staff cancel with an optional reason; the registrant is e-mailed and sees the reason. */
export async function cancelParticipantAction(eventId: string, registrationId: string, input: CancelRegistrationInput): Promise<ActionResult> {
  const actor = await requireStaff();
  const parsed = cancelRegistrationSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    const result = await cancelRegistration(db, { actor }, String(registrationId), { reason: parsed.data.reason });
    await notifyOutbox(result.emailIds);
  } catch (error) {
    return fromDomainError(error);
  }
  revalidatePath(`/admin/events/${eventId}`);
  return { ok: true, message: { key: "events.admin.registrationCancelled" } };
}

export async function setAttendanceAction(eventId: string, registrationId: string, attended: boolean): Promise<ActionResult> {
  const actor = await requireStaff();
  try {
    await markAttendance(db, actor, String(registrationId), attended === true);
  } catch (error) {
    return fromDomainError(error);
  }
  revalidatePath(`/admin/events/${eventId}`);
  return { ok: true };
}

export async function sendStatusEmailsAction(eventId: string): Promise<ActionResult<{ count: number }>> {
  const actor = await requireStaff();
  try {
    const { count, emailIds } = await sendStatusEmails(db, actor, String(eventId));
    await notifyOutbox(emailIds);
    revalidatePath(`/admin/events/${eventId}`);
    return { ok: true, data: { count }, message: { key: "events.admin.emailsQueued", values: { count } } };
  } catch (error) {
    return fromDomainError(error);
  }
}
