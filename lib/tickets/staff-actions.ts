"use server";

// Server actions of the staff ticket page (/admin/tickets/<number>): the staff
// guard (administrators for cancel and delete), the shared zod schema, the
// domain function, the outbox woken after commit, then revalidation. Expected
// errors come back as form results; the domain checks the actor again.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireAdmin, requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { fromDomainError, invalid, type ActionResult } from "@/lib/forms/action-result";
import { notifyOutbox } from "@/lib/jobs/notify";
import { getStorage } from "@/lib/storage";
import { assignTicket, cancelTicket, deleteTicket } from "./admin";
import { addTicketAttachments, addTicketMessage } from "./discussion";
import { forwardTicket, saveTicketValues } from "./forward";
import {
  assignSchema,
  attachSchema,
  cancelSchema,
  forwardSchema,
  messageSchema,
  saveValuesSchema,
  understandingSchema,
  type AssignInput,
  type AttachInput,
  type CancelInput,
  type ForwardInput,
  type MessageInput,
  type SaveValuesInput,
  type UnderstandingInput,
} from "./schemas";
import { saveUnderstanding } from "./understanding";

// The queue and every ticket page below it; the portal's pages render per request.
function revalidateTickets() {
  revalidatePath("/admin/tickets", "layout");
  revalidatePath("/admin");
}

/** Forwards along a transition; a terminal next stage completes the ticket. */
export async function staffForwardTicketAction(ticketId: string, input: ForwardInput): Promise<ActionResult> {
  const actor = await requireStaff();
  const parsed = forwardSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    const { emailIds } = await forwardTicket(db, actor, String(ticketId), parsed.data);
    await notifyOutbox(emailIds);
  } catch (error) {
    return fromDomainError(error);
  }
  revalidateTickets();
  return { ok: true, message: { key: "tickets.staff.forwarded" } };
}

export async function staffSaveTicketValuesAction(ticketId: string, input: SaveValuesInput): Promise<ActionResult> {
  const actor = await requireStaff();
  const parsed = saveValuesSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    await saveTicketValues(db, actor, String(ticketId), parsed.data);
  } catch (error) {
    return fromDomainError(error);
  }
  revalidateTickets();
  return { ok: true, message: { key: "common.saved" } };
}

/** A public reply (e-mailed to the client) or an internal note (never shown to the client). */
export async function staffAddTicketMessageAction(ticketId: string, input: MessageInput): Promise<ActionResult> {
  const actor = await requireStaff();
  const parsed = messageSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    const { emailIds } = await addTicketMessage(db, actor, String(ticketId), parsed.data);
    await notifyOutbox(emailIds);
  } catch (error) {
    return fromDomainError(error);
  }
  revalidateTickets();
  return { ok: true, message: { key: parsed.data.internal ? "tickets.staff.noteAdded" : "tickets.staff.replySent" } };
}

export async function staffAttachTicketFilesAction(ticketId: string, input: AttachInput): Promise<ActionResult> {
  const actor = await requireStaff();
  const parsed = attachSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    await addTicketAttachments(db, actor, String(ticketId), parsed.data);
  } catch (error) {
    return fromDomainError(error);
  }
  revalidateTickets();
  return { ok: true, message: { key: "tickets.staff.filesAttached" } };
}

export async function staffSaveUnderstandingAction(ticketId: string, input: UnderstandingInput): Promise<ActionResult> {
  const actor = await requireStaff();
  const parsed = understandingSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    await saveUnderstanding(db, actor, String(ticketId), parsed.data);
  } catch (error) {
    return fromDomainError(error);
  }
  revalidateTickets();
  return { ok: true, message: { key: "common.saved" } };
}

export async function staffAssignTicketAction(ticketId: string, input: AssignInput): Promise<ActionResult> {
  const actor = await requireStaff();
  const parsed = assignSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    await assignTicket(db, actor, String(ticketId), parsed.data);
  } catch (error) {
    return fromDomainError(error);
  }
  revalidateTickets();
  return { ok: true, message: { key: "tickets.staff.assigned" } };
}

/** Administrators only, while the ticket is the client's responsibility; a reason is required. */
export async function cancelTicketAction(ticketId: string, input: CancelInput): Promise<ActionResult> {
  const actor = await requireAdmin();
  const parsed = cancelSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  let number: number;
  try {
    const result = await cancelTicket(db, actor, String(ticketId), parsed.data);
    await notifyOutbox(result.emailIds);
    number = result.number;
  } catch (error) {
    return fromDomainError(error);
  }
  revalidateTickets();
  // The ticket's page again, confirming the cancellation (and that the client was told).
  redirect(`/admin/tickets/${number}?cancelled=1`);
}

/** Administrators only, after cancelling: removes the ticket and its files, then back to the queue. */
export async function deleteTicketAction(ticketId: string): Promise<ActionResult> {
  const actor = await requireAdmin();
  try {
    await deleteTicket(db, getStorage(), actor, String(ticketId));
  } catch (error) {
    return fromDomainError(error);
  }
  revalidateTickets();
  redirect("/admin/tickets?deleted=1");
}
