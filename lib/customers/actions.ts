"use server";

// Server actions of the customer admin pages: staff guard, the form's schema,
// the domain function, then revalidate or redirect. Expected errors become form results.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { fromDomainError, invalid, type ActionResult } from "@/lib/forms/action-result";
import { addContactPerson, removeContactPerson } from "./contact-persons";
import { createCustomer, setCustomerActive, updateCustomer } from "./save-customer";
import { contactPersonSchema, customerSchema, type ContactPersonInput, type CustomerInput } from "./schemas";

function revalidateCustomer(id: string) {
  revalidatePath("/admin/customers");
  revalidatePath(`/admin/customers/${id}`);
}

export async function createCustomerAction(input: CustomerInput): Promise<ActionResult> {
  const actor = await requireStaff();
  const parsed = customerSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  let id: string;
  try {
    ({ id } = await createCustomer(db, actor, parsed.data));
  } catch (error) {
    return fromDomainError(error);
  }
  revalidatePath("/admin/customers");
  redirect(`/admin/customers/${id}?created=1`);
}

export async function updateCustomerAction(id: string, input: CustomerInput): Promise<ActionResult> {
  const actor = await requireStaff();
  const parsed = customerSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    await updateCustomer(db, actor, String(id), parsed.data);
  } catch (error) {
    return fromDomainError(error);
  }
  revalidateCustomer(id);
  return { ok: true, message: { key: "common.saved" } };
}

export async function setCustomerActiveAction(id: string, active: boolean): Promise<ActionResult> {
  const actor = await requireStaff();
  try {
    await setCustomerActive(db, actor, String(id), active === true);
  } catch (error) {
    return fromDomainError(error);
  }
  revalidateCustomer(id);
  return { ok: true };
}

export async function addContactPersonAction(customerId: string, input: ContactPersonInput): Promise<ActionResult> {
  const actor = await requireStaff();
  const parsed = contactPersonSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    await addContactPerson(db, actor, String(customerId), parsed.data);
  } catch (error) {
    return fromDomainError(error);
  }
  revalidateCustomer(customerId);
  return { ok: true, message: { key: "customers.contactAdded" } };
}

export async function removeContactPersonAction(customerId: string, contactId: string): Promise<ActionResult> {
  const actor = await requireStaff();
  try {
    await removeContactPerson(db, actor, String(customerId), String(contactId));
  } catch (error) {
    return fromDomainError(error);
  }
  revalidateCustomer(customerId);
  return { ok: true };
}
