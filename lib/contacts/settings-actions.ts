"use server";

// Server actions of /admin/settings/contact: the module parameter (admins) and
// the lists of classifications, sub-classifications and contact channels (staff).
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireAdmin, requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { fromDomainError, invalid, type ActionResult } from "@/lib/forms/action-result";
import { ContactModule } from "@/lib/generated/prisma/enums";
import { contactModuleSchema, contactOptionSchema, type ContactModuleInput, type ContactOptionInput } from "./schemas";
import {
  removeChannel,
  removeClassification,
  removeSubclassification,
  saveChannel,
  saveClassification,
  saveSubclassification,
  setContactModule,
  type RemoveOutcome,
} from "./settings";

const BASE = "/admin/settings/contact";

export async function setContactModuleAction(input: ContactModuleInput): Promise<ActionResult> {
  const actor = await requireAdmin();
  const parsed = contactModuleSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    await setContactModule(db, actor, parsed.data.module);
  } catch (error) {
    return fromDomainError(error);
  }
  revalidatePath(BASE);
  revalidatePath("/portal/contact", "layout");
  return { ok: true, message: { key: "common.saved" } };
}

/** Creating goes to `createdHref` (the new record's page); editing stays with a "Saved" message. */
async function saved(run: () => Promise<{ id: string }>, createdHref: ((id: string) => string) | null): Promise<ActionResult> {
  let id: string;
  try {
    id = (await run()).id;
  } catch (error) {
    return fromDomainError(error);
  }
  revalidatePath(BASE, "layout");
  if (createdHref) redirect(createdHref(id));
  return { ok: true, message: { key: "common.saved" } };
}

const isNew = (id: string | undefined) => typeof id !== "string";

export async function saveClassificationAction(id: string | undefined, module: ContactModule, input: ContactOptionInput): Promise<ActionResult> {
  const actor = await requireStaff();
  const parsed = contactOptionSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  if (!Object.values(ContactModule).includes(module)) return { ok: false, formError: { key: "validation.invalid" } };
  return saved(() => saveClassification(db, actor, isNew(id) ? undefined : id, module, parsed.data), isNew(id) ? (newId) => `${BASE}/classifications/${newId}?created=1` : null);
}

export async function saveSubclassificationAction(classificationId: string, id: string | undefined, input: ContactOptionInput): Promise<ActionResult> {
  const actor = await requireStaff();
  const parsed = contactOptionSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return saved(() => saveSubclassification(db, actor, classificationId, isNew(id) ? undefined : id, parsed.data), isNew(id) ? () => `${BASE}/classifications/${classificationId}?created=1` : null);
}

export async function saveChannelAction(id: string | undefined, input: ContactOptionInput): Promise<ActionResult> {
  const actor = await requireStaff();
  const parsed = contactOptionSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return saved(() => saveChannel(db, actor, isNew(id) ? undefined : id, parsed.data), isNew(id) ? () => `${BASE}?created=1` : null);
}

/** After removing: back to `backHref`, telling whether the record was deleted or archived. */
async function removed(run: () => Promise<RemoveOutcome>, backHref: string): Promise<ActionResult> {
  let outcome: RemoveOutcome;
  try {
    outcome = await run();
  } catch (error) {
    return fromDomainError(error);
  }
  revalidatePath(BASE, "layout");
  redirect(`${backHref}${backHref.includes("?") ? "&" : "?"}${outcome}=1`);
}

export async function removeClassificationAction(id: string): Promise<ActionResult> {
  const actor = await requireStaff();
  return removed(() => removeClassification(db, actor, id), BASE);
}

export async function removeSubclassificationAction(classificationId: string, id: string): Promise<ActionResult> {
  const actor = await requireStaff();
  return removed(() => removeSubclassification(db, actor, classificationId, id), `${BASE}/classifications/${classificationId}`);
}

export async function removeChannelAction(id: string): Promise<ActionResult> {
  const actor = await requireStaff();
  return removed(() => removeChannel(db, actor, id), BASE);
}
