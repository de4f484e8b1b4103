"use server";

// Server actions of the event pages: staff guard, eventSchema, the domain
// function, then revalidate or redirect. Expected errors become form results.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { notifyOutbox } from "@/lib/jobs/notify";
import { fromDomainError, invalid, type ActionResult } from "@/lib/forms/action-result";
import { setEventArtwork } from "./event-artwork";
import { createEvent, updateEvent, type UpdateEventResult } from "./event-save";
import { eventSchema, type EventInput } from "./schemas";

function revalidateEvent(id: string) {
  revalidatePath("/admin/events");
  revalidatePath(`/admin/events/${id}`);
}

export async function createEventAction(input: EventInput): Promise<ActionResult> {
  const actor = await requireStaff();
  const parsed = eventSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  let id: string;
  try {
    ({ id } = await createEvent(db, actor, parsed.data));
  } catch (error) {
    return fromDomainError(error);
  }
  revalidatePath("/admin/events");
  redirect(`/admin/events/${id}?created=1`);
}

/** On a change to Confirmed or Cancelled, `data` tells the form to offer the status e-mail. */
export async function updateEventAction(id: string, input: EventInput): Promise<ActionResult<UpdateEventResult>> {
  const actor = await requireStaff();
  const parsed = eventSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  let data: UpdateEventResult;
  let emailIds: string[];
  try {
    ({ emailIds, ...data } = await updateEvent(db, actor, String(id), parsed.data));
  } catch (error) {
    return fromDomainError(error);
  }
  await notifyOutbox(emailIds);
  revalidateEvent(id);
  return { ok: true, data, message: { key: "common.saved" } };
}

export async function setEventArtworkAction(id: string, fileId: string | null): Promise<ActionResult> {
  const actor = await requireStaff();
  try {
    await setEventArtwork(db, actor, String(id), typeof fileId === "string" ? fileId : null);
  } catch (error) {
    return fromDomainError(error);
  }
  revalidateEvent(id);
  return { ok: true, message: { key: "common.saved" } };
}
