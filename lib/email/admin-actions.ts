"use server";

// Outbox administration (admins only): retry a failed message, the failed
// messages of one bulk send, or every failed message of a template.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { assertAdmin } from "@/lib/auth/actor";
import { requireAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";
import type { ActionResult } from "@/lib/forms/action-result";
import { notifyOutbox } from "@/lib/jobs/notify";
import { retryEmail, retryFailedEmails } from "./outbox";
import { isTemplateName } from "./templates";

export async function retryEmailAction(id: string): Promise<ActionResult> {
  const actor = await requireAdmin();
  assertAdmin(actor);
  const changed = await retryEmail(db, id);
  if (!changed) return { ok: false, formError: { key: "common.genericError" } };
  await notifyOutbox([id]);
  revalidatePath("/admin/outbox");
  return { ok: true, message: { key: "outbox.retried" } };
}

const retryFailedSchema = z.object({
  batchId: z.uuid().optional(),
  template: z.string().refine(isTemplateName).optional(),
});

/**
 * Every FAILED message of one bulk send, or of one template (all of them when
 * neither is given), back to the queue. Buttons on the outbox and on the
 * event page call it, so both are revalidated.
 */
export async function retryFailedEmailsAction(input: { batchId?: string; template?: string }): Promise<ActionResult<{ count: number }>> {
  const actor = await requireAdmin();
  assertAdmin(actor);
  const parsed = retryFailedSchema.safeParse(input);
  if (!parsed.success) return { ok: false, formError: { key: "common.genericError" } };
  const count = await retryFailedEmails(db, parsed.data);
  // The sender only needs waking; any non-empty id list does it.
  if (count > 0) await notifyOutbox([parsed.data.batchId ?? parsed.data.template ?? "all"]);
  revalidatePath("/admin/outbox");
  revalidatePath("/admin/events/[id]", "page");
  return { ok: true, data: { count }, message: { key: "outbox.bulk.retriedCount", values: { count } } };
}
