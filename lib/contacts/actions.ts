"use server";

// Server actions of "Contact us": thin wrappers (guard, the form's schema, the
// domain function, revalidate/redirect). The domain functions check everything again.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireClient, requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { fromDomainError, invalid, type ActionResult } from "@/lib/forms/action-result";
import { notifyOutbox } from "@/lib/jobs/notify";
import { createContact } from "./create-contact";
import { addClientMessage } from "./messages";
import { contactMessageSchema, newContactSchema, type ContactMessageInput, type NewContactInput } from "./schemas";
import { finishContact, reopenContact, replyToContact } from "./staff";

export async function createContactAction(input: NewContactInput): Promise<ActionResult> {
  const actor = await requireClient();
  const parsed = newContactSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  let number: number;
  try {
    const result = await createContact(db, actor, parsed.data);
    await notifyOutbox(result.emailIds);
    number = result.number;
  } catch (error) {
    return fromDomainError(error);
  }
  revalidatePath("/portal/contact");
  redirect(`/portal/contact/${number}?created=1`);
}

export async function addContactMessageAction(number: number, input: ContactMessageInput): Promise<ActionResult> {
  const actor = await requireClient();
  const parsed = contactMessageSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    const result = await addClientMessage(db, actor, number, parsed.data);
    await notifyOutbox(result.emailIds);
  } catch (error) {
    return fromDomainError(error);
  }
  revalidatePath("/portal/contact", "layout");
  return { ok: true, message: { key: "contacts.messageSent" } };
}

export async function replyToContactAction(number: number, input: ContactMessageInput): Promise<ActionResult> {
  const actor = await requireStaff();
  const parsed = contactMessageSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    const result = await replyToContact(db, actor, number, parsed.data);
    await notifyOutbox(result.emailIds);
  } catch (error) {
    return fromDomainError(error);
  }
  revalidatePath("/admin/contacts", "layout");
  return { ok: true, message: { key: "contacts.admin.replySent" } };
}

export async function finishContactAction(number: number): Promise<ActionResult> {
  const actor = await requireStaff();
  try {
    const result = await finishContact(db, actor, number);
    await notifyOutbox(result.emailIds);
  } catch (error) {
    return fromDomainError(error);
  }
  revalidatePath("/admin/contacts", "layout");
  return { ok: true, message: { key: "contacts.admin.finishedNotice" } };
}

export async function reopenContactAction(number: number): Promise<ActionResult> {
  const actor = await requireStaff();
  try {
    await reopenContact(db, actor, number);
  } catch (error) {
    return fromDomainError(error);
  }
  revalidatePath("/admin/contacts", "layout");
  return { ok: true, message: { key: "contacts.admin.reopenedNotice" } };
}
