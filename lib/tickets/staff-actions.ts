"use server";

// Server actions of the staff ticket page (/admin/tickets/<number>; shape:
// lib/actions/define-action.ts): the staff guard (administrators for cancel and
// delete), the shared zod schema, the domain function, the outbox woken after
// commit, then revalidation. The domain checks the actor again.
import { defineAction, type RevalidateTarget } from "@/lib/actions/define-action";
import { requireAdmin, requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { recordId } from "@/lib/forms/record-id";
import { getStorage } from "@/lib/storage";
import { assignTicket, cancelTicket, deleteTicket } from "./admin";
import { addTicketAttachments, addTicketMessage } from "./discussion";
import { forwardTicket, saveTicketValues } from "./forward";
import { assignSchema, attachSchema, cancelSchema, forwardSchema, messageSchema, saveValuesSchema, understandingSchema } from "./schemas";
import { saveUnderstanding } from "./understanding";

// The queue and every ticket page below it, and the dashboard's counts; the
// portal's pages render per request.
const TICKETS: RevalidateTarget[] = [["/admin/tickets", "layout"], "/admin"];

/** Forwards along a transition; a terminal next stage completes the ticket. */
export const staffForwardTicketAction = defineAction({
  name: "tickets.staffForward",
  guard: requireStaff,
  args: [recordId],
  input: forwardSchema,
  revalidate: TICKETS,
  run: async ({ actor, args: [ticketId], input }) => {
    const { emailIds } = await forwardTicket(db, actor, ticketId, input);
    return { emailIds, message: { key: "tickets.staff.forwarded" } };
  },
});

export const staffSaveTicketValuesAction = defineAction({
  name: "tickets.staffSaveValues",
  guard: requireStaff,
  args: [recordId],
  input: saveValuesSchema,
  revalidate: TICKETS,
  run: async ({ actor, args: [ticketId], input }) => {
    await saveTicketValues(db, actor, ticketId, input);
    return { message: { key: "common.saved" } };
  },
});

/** A public reply (e-mailed to the client) or an internal note (never shown to the client). */
export const staffAddTicketMessageAction = defineAction({
  name: "tickets.staffAddMessage",
  guard: requireStaff,
  args: [recordId],
  input: messageSchema,
  revalidate: TICKETS,
  run: async ({ actor, args: [ticketId], input }) => {
    const { emailIds } = await addTicketMessage(db, actor, ticketId, input);
    return { emailIds, message: { key: input.internal ? "tickets.staff.noteAdded" : "tickets.staff.replySent" } };
  },
});

export const staffAttachTicketFilesAction = defineAction({
  name: "tickets.staffAttachFiles",
  guard: requireStaff,
  args: [recordId],
  input: attachSchema,
  revalidate: TICKETS,
  run: async ({ actor, args: [ticketId], input }) => {
    await addTicketAttachments(db, actor, ticketId, input);
    return { message: { key: "tickets.staff.filesAttached" } };
  },
});

export const staffSaveUnderstandingAction = defineAction({
  name: "tickets.saveUnderstanding",
  guard: requireStaff,
  args: [recordId],
  input: understandingSchema,
  revalidate: TICKETS,
  run: async ({ actor, args: [ticketId], input }) => {
    await saveUnderstanding(db, actor, ticketId, input);
    return { message: { key: "common.saved" } };
  },
});

export const staffAssignTicketAction = defineAction({
  name: "tickets.assign",
  guard: requireStaff,
  args: [recordId],
  input: assignSchema,
  revalidate: TICKETS,
  run: async ({ actor, args: [ticketId], input }) => {
    await assignTicket(db, actor, ticketId, input);
    return { message: { key: "tickets.staff.assigned" } };
  },
});

/** Administrators only, while the ticket is the client's responsibility; a reason is required. */
export const cancelTicketAction = defineAction({
  name: "tickets.cancel",
  guard: requireAdmin,
  args: [recordId],
  input: cancelSchema,
  revalidate: TICKETS,
  run: async ({ actor, args: [ticketId], input }) => {
    const { number, emailIds } = await cancelTicket(db, actor, ticketId, input);
    // The ticket's page again, confirming the cancellation (and that the client was told).
    return { emailIds, redirectTo: `/admin/tickets/${number}?cancelled=1` };
  },
});

/** Administrators only, after cancelling: removes the ticket and its files, then back to the queue. */
export const deleteTicketAction = defineAction({
  name: "tickets.delete",
  guard: requireAdmin,
  args: [recordId],
  revalidate: TICKETS,
  run: async ({ actor, args: [ticketId] }) => {
    await deleteTicket(db, getStorage(), actor, ticketId);
    return { redirectTo: "/admin/tickets?deleted=1" };
  },
});
