"use server";

// The portal's ticket actions (open, forward, discuss, decide; shape:
// lib/actions/define-action.ts): thin wrappers over the domain (open-ticket.ts,
// forward.ts, discussion.ts, understanding.ts), which checks scope, turn and
// field rules again. E-mails are queued after commit.
import { defineAction, type RevalidateTarget } from "@/lib/actions/define-action";
import { requireClient } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { recordId } from "@/lib/forms/record-id";
import { addTicketAttachments, addTicketMessage } from "./discussion";
import { forwardTicket, saveTicketValues } from "./forward";
import { openTicket } from "./open-ticket";
import { attachSchema, decisionSchema, forwardSchema, messageSchema, newTicketSchema, saveValuesSchema } from "./schemas";
import { decideUnderstanding } from "./understanding";

// The list and every ticket page below it.
const TICKETS: RevalidateTarget[] = [["/portal/tickets", "layout"]];

export const openTicketAction = defineAction({
  name: "tickets.open",
  guard: requireClient,
  input: newTicketSchema,
  revalidate: TICKETS,
  run: async ({ actor, input }) => {
    const { number, emailIds } = await openTicket(db, actor, input);
    return { emailIds, redirectTo: `/portal/tickets/${number}?opened=1` };
  },
});

export const forwardTicketAction = defineAction({
  name: "tickets.forward",
  guard: requireClient,
  args: [recordId],
  input: forwardSchema,
  revalidate: TICKETS,
  run: async ({ actor, args: [ticketId], input }) => {
    const { emailIds } = await forwardTicket(db, actor, ticketId, input);
    return { emailIds, message: { key: "tickets.portal.forwarded" } };
  },
});

export const saveTicketValuesAction = defineAction({
  name: "tickets.saveValues",
  guard: requireClient,
  args: [recordId],
  input: saveValuesSchema,
  revalidate: TICKETS,
  run: async ({ actor, args: [ticketId], input }) => {
    await saveTicketValues(db, actor, ticketId, input);
    return { message: { key: "common.saved" } };
  },
});

export const addTicketMessageAction = defineAction({
  name: "tickets.addMessage",
  guard: requireClient,
  args: [recordId],
  input: messageSchema,
  revalidate: TICKETS,
  run: async ({ actor, args: [ticketId], input }) => {
    const { emailIds } = await addTicketMessage(db, actor, ticketId, input);
    return { emailIds, message: { key: "tickets.discussion.sent" } };
  },
});

export const attachTicketFilesAction = defineAction({
  name: "tickets.attachFiles",
  guard: requireClient,
  args: [recordId],
  input: attachSchema,
  revalidate: TICKETS,
  run: async ({ actor, args: [ticketId], input }) => {
    await addTicketAttachments(db, actor, ticketId, input);
    return { message: { key: "tickets.files.added" } };
  },
});

export const decideUnderstandingAction = defineAction({
  name: "tickets.decideUnderstanding",
  guard: requireClient,
  args: [recordId],
  input: decisionSchema,
  revalidate: TICKETS,
  run: async ({ actor, args: [ticketId], input }) => {
    const { emailIds } = await decideUnderstanding(db, actor, ticketId, input);
    return { emailIds, message: { key: input.decision === "APPROVE" ? "tickets.understanding.approvedMessage" : "tickets.understanding.rejectedMessage" } };
  },
});
