"use server";

// The portal's ticket actions (open, forward, discuss, decide): thin wrappers over the
// domain (open-ticket.ts, forward.ts, discussion.ts, understanding.ts), which
// check scope, turn and field rules again. E-mails are queued after commit.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireClient } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { fromDomainError, invalid, type ActionResult } from "@/lib/forms/action-result";
import { notifyOutbox } from "@/lib/jobs/notify";
import { addTicketAttachments, addTicketMessage } from "./discussion";
import { forwardTicket, saveTicketValues } from "./forward";
import { openTicket } from "./open-ticket";
import {
  attachSchema,
  decisionSchema,
  forwardSchema,
  messageSchema,
  newTicketSchema,
  saveValuesSchema,
  type AttachInput,
  type DecisionInput,
  type ForwardInput,
  type MessageInput,
  type NewTicketInput,
  type SaveValuesInput,
} from "./schemas";
import { decideUnderstanding } from "./understanding";

const refreshTickets = () => revalidatePath("/portal/tickets", "layout");

export async function openTicketAction(input: NewTicketInput): Promise<ActionResult> {
  const actor = await requireClient();
  const parsed = newTicketSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  let number: number;
  try {
    const opened = await openTicket(db, actor, parsed.data);
    await notifyOutbox(opened.emailIds);
    number = opened.number;
  } catch (error) {
    return fromDomainError(error);
  }
  refreshTickets();
  // Outside the try: redirect() works by throwing.
  redirect(`/portal/tickets/${number}?opened=1`);
}

export async function forwardTicketAction(ticketId: string, input: ForwardInput): Promise<ActionResult> {
  const actor = await requireClient();
  const parsed = forwardSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    const { emailIds } = await forwardTicket(db, actor, ticketId, parsed.data);
    await notifyOutbox(emailIds);
  } catch (error) {
    return fromDomainError(error);
  }
  refreshTickets();
  return { ok: true, message: { key: "tickets.portal.forwarded" } };
}

export async function saveTicketValuesAction(ticketId: string, input: SaveValuesInput): Promise<ActionResult> {
  const actor = await requireClient();
  const parsed = saveValuesSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    await saveTicketValues(db, actor, ticketId, parsed.data);
  } catch (error) {
    return fromDomainError(error);
  }
  refreshTickets();
  return { ok: true, message: { key: "common.saved" } };
}

export async function addTicketMessageAction(ticketId: string, input: MessageInput): Promise<ActionResult> {
  const actor = await requireClient();
  const parsed = messageSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    const { emailIds } = await addTicketMessage(db, actor, ticketId, parsed.data);
    await notifyOutbox(emailIds);
  } catch (error) {
    return fromDomainError(error);
  }
  refreshTickets();
  return { ok: true, message: { key: "tickets.discussion.sent" } };
}

export async function attachTicketFilesAction(ticketId: string, input: AttachInput): Promise<ActionResult> {
  const actor = await requireClient();
  const parsed = attachSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    await addTicketAttachments(db, actor, ticketId, parsed.data);
  } catch (error) {
    return fromDomainError(error);
  }
  refreshTickets();
  return { ok: true, message: { key: "tickets.files.added" } };
}

export async function decideUnderstandingAction(ticketId: string, input: DecisionInput): Promise<ActionResult> {
  const actor = await requireClient();
  const parsed = decisionSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    const { emailIds } = await decideUnderstanding(db, actor, ticketId, parsed.data);
    await notifyOutbox(emailIds);
  } catch (error) {
    return fromDomainError(error);
  }
  refreshTickets();
  return { ok: true, message: { key: parsed.data.decision === "APPROVE" ? "tickets.understanding.approvedMessage" : "tickets.understanding.rejectedMessage" } };
}
