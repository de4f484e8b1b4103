"use server";

// Server actions of the customer admin pages (shape: lib/actions/define-action.ts).
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { recordId } from "@/lib/forms/record-id";
import { addContactPerson, removeContactPerson } from "./contact-persons";
import { createCustomer, setCustomerActive, updateCustomer } from "./save-customer";
import { contactPersonSchema, customerSchema } from "./schemas";

const customerPaths = (id: string) => ["/admin/customers", `/admin/customers/${id}`];

export const createCustomerAction = defineAction({
  name: "customers.create",
  guard: requireStaff,
  input: customerSchema,
  revalidate: ["/admin/customers"],
  run: async ({ actor, input }) => {
    const { id } = await createCustomer(db, actor, input);
    return { redirectTo: `/admin/customers/${id}?created=1` };
  },
});

export const updateCustomerAction = defineAction({
  name: "customers.update",
  guard: requireStaff,
  args: [recordId],
  input: customerSchema,
  run: async ({ actor, args: [id], input }) => {
    await updateCustomer(db, actor, id, input);
    return { revalidate: customerPaths(id), message: { key: "common.saved" } };
  },
});

export const setCustomerActiveAction = defineAction({
  name: "customers.setActive",
  guard: requireStaff,
  args: [recordId, z.boolean()],
  run: async ({ actor, args: [id, active] }) => {
    await setCustomerActive(db, actor, id, active);
    return { revalidate: customerPaths(id) };
  },
});

export const addContactPersonAction = defineAction({
  name: "customers.addContactPerson",
  guard: requireStaff,
  args: [recordId],
  input: contactPersonSchema,
  run: async ({ actor, args: [customerId], input }) => {
    await addContactPerson(db, actor, customerId, input);
    return { revalidate: customerPaths(customerId), message: { key: "customers.contactAdded" } };
  },
});

export const removeContactPersonAction = defineAction({
  name: "customers.removeContactPerson",
  guard: requireStaff,
  args: [recordId, recordId],
  run: async ({ actor, args: [customerId, contactId] }) => {
    await removeContactPerson(db, actor, customerId, contactId);
    return { revalidate: customerPaths(customerId) };
  },
});
