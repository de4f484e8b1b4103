"use server";

// Outbox administration: retry a failed message (admins only).
import { revalidatePath } from "next/cache";
import { assertAdmin } from "@/lib/auth/actor";
import { requireAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";
import type { ActionResult } from "@/lib/forms/action-result";
import { notifyOutbox } from "@/lib/jobs/notify";
import { retryEmail } from "./outbox";

export async function retryEmailAction(id: string): Promise<ActionResult> {
  const actor = await requireAdmin();
  assertAdmin(actor);
  const changed = await retryEmail(db, id);
  if (!changed) return { ok: false, formError: { key: "common.genericError" } };
  await notifyOutbox([id]);
  revalidatePath("/admin/outbox");
  return { ok: true, message: { key: "outbox.retried" } };
}
