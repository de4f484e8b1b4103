"use server";

// Server actions of "Contact us" (shape: lib/actions/define-action.ts). The
// domain functions check everything again.
import { defineAction } from "@/lib/actions/define-action";
import { requireClient, requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { recordId } from "@/lib/forms/record-id";
import { createContact } from "./create-contact";
import { addClientMessage } from "./messages";
import { contactMessageSchema, newContactSchema } from "./schemas";
import { finishContact, reopenContact, replyToContact } from "./staff";

export const createContactAction = defineAction({
  name: "contacts.create",
  guard: requireClient,
  input: newContactSchema,
  revalidate: ["/portal/contact"],
  run: async ({ actor, input }) => {
    const { number, emailIds } = await createContact(db, actor, input);
    return { emailIds, redirectTo: `/portal/contact/${number}?created=1` };
  },
});

export const addContactMessageAction = defineAction({
  name: "contacts.addMessage",
  guard: requireClient,
  args: [recordId],
  input: contactMessageSchema,
  revalidate: [["/portal/contact", "layout"]],
  run: async ({ actor, args: [id], input }) => {
    const { emailIds } = await addClientMessage(db, actor, { id }, input);
    return { emailIds, message: { key: "contacts.messageSent" } };
  },
});

export const replyToContactAction = defineAction({
  name: "contacts.reply",
  guard: requireStaff,
  args: [recordId],
  input: contactMessageSchema,
  revalidate: [["/admin/contacts", "layout"]],
  run: async ({ actor, args: [id], input }) => {
    const { emailIds } = await replyToContact(db, actor, { id }, input);
    return { emailIds, message: { key: "contacts.admin.replySent" } };
  },
});

export const finishContactAction = defineAction({
  name: "contacts.finish",
  guard: requireStaff,
  args: [recordId],
  revalidate: [["/admin/contacts", "layout"]],
  run: async ({ actor, args: [id] }) => {
    const { emailIds } = await finishContact(db, actor, { id });
    return { emailIds, message: { key: "contacts.admin.finishedNotice" } };
  },
});

export const reopenContactAction = defineAction({
  name: "contacts.reopen",
  guard: requireStaff,
  args: [recordId],
  revalidate: [["/admin/contacts", "layout"]],
  run: async ({ actor, args: [id] }) => {
    await reopenContact(db, actor, { id });
    return { message: { key: "contacts.admin.reopenedNotice" } };
  },
});
