"use server";

// Server actions of /admin/settings/contact (shape: lib/actions/define-action.ts):
// the module parameter (admins) and the lists of classifications,
// sub-classifications and contact channels (staff). Creating goes to the new
// record's page (or its list); editing stays with a "Saved" message; removing
// goes back, telling whether the record was deleted or archived.
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { requireAdmin, requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { recordId } from "@/lib/forms/record-id";
import { ContactModule } from "@/lib/generated/prisma/enums";
import { contactModuleSchema, contactOptionSchema } from "./schemas";
import {
  removeChannel,
  removeClassification,
  removeSubclassification,
  saveChannel,
  saveClassification,
  saveSubclassification,
  setContactModule,
} from "./settings";

const BASE = "/admin/settings/contact";

/** The bound id of the record being edited; absent when creating. */
const existingId = recordId.optional();

export const setContactModuleAction = defineAction({
  name: "contacts.setModule",
  guard: requireAdmin,
  input: contactModuleSchema,
  // The portal's "Contact us" form changes with the module.
  revalidate: [BASE, ["/portal/contact", "layout"]],
  run: async ({ actor, input }) => {
    await setContactModule(db, actor, input.module);
    return { message: { key: "common.saved" } };
  },
});

export const saveClassificationAction = defineAction({
  name: "contacts.saveClassification",
  guard: requireStaff,
  args: [existingId, z.enum(ContactModule)],
  input: contactOptionSchema,
  revalidate: [[BASE, "layout"]],
  run: async ({ actor, args: [id, module], input }) => {
    const saved = await saveClassification(db, actor, id, module, input);
    if (id === undefined) return { redirectTo: `${BASE}/classifications/${saved.id}?created=1` };
    return { message: { key: "common.saved" } };
  },
});

export const saveSubclassificationAction = defineAction({
  name: "contacts.saveSubclassification",
  guard: requireStaff,
  args: [recordId, existingId],
  input: contactOptionSchema,
  revalidate: [[BASE, "layout"]],
  run: async ({ actor, args: [classificationId, id], input }) => {
    await saveSubclassification(db, actor, classificationId, id, input);
    if (id === undefined) return { redirectTo: `${BASE}/classifications/${classificationId}?created=1` };
    return { message: { key: "common.saved" } };
  },
});

export const saveChannelAction = defineAction({
  name: "contacts.saveChannel",
  guard: requireStaff,
  args: [existingId],
  input: contactOptionSchema,
  revalidate: [[BASE, "layout"]],
  run: async ({ actor, args: [id], input }) => {
    await saveChannel(db, actor, id, input);
    if (id === undefined) return { redirectTo: `${BASE}?created=1` };
    return { message: { key: "common.saved" } };
  },
});

export const removeClassificationAction = defineAction({
  name: "contacts.removeClassification",
  guard: requireStaff,
  args: [recordId],
  revalidate: [[BASE, "layout"]],
  run: async ({ actor, args: [id] }) => {
    const outcome = await removeClassification(db, actor, id);
    return { redirectTo: `${BASE}?${outcome}=1` };
  },
});

export const removeSubclassificationAction = defineAction({
  name: "contacts.removeSubclassification",
  guard: requireStaff,
  args: [recordId, recordId],
  revalidate: [[BASE, "layout"]],
  run: async ({ actor, args: [classificationId, id] }) => {
    const outcome = await removeSubclassification(db, actor, classificationId, id);
    return { redirectTo: `${BASE}/classifications/${classificationId}?${outcome}=1` };
  },
});

export const removeChannelAction = defineAction({
  name: "contacts.removeChannel",
  guard: requireStaff,
  args: [recordId],
  revalidate: [[BASE, "layout"]],
  run: async ({ actor, args: [id] }) => {
    const outcome = await removeChannel(db, actor, id);
    return { redirectTo: `${BASE}?${outcome}=1` };
  },
});
