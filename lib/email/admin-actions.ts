"use server";

// Outbox administration (admins only): retry a failed message, the failed
// messages of one bulk send, or every failed message of a template.
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { assertAdmin } from "@/lib/auth/actor";
import { requireAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { recordId } from "@/lib/forms/record-id";
import { retryEmail, retryFailedEmails } from "./outbox";
import { isTemplateName } from "./templates";

export const retryEmailAction = defineAction({
  name: "outbox.retry",
  guard: requireAdmin,
  args: [recordId],
  revalidate: ["/admin/outbox"],
  run: async ({ actor, args: [id] }) => {
    assertAdmin(actor);
    // Only a FAILED message goes back to the queue; anything else was retried or sent meanwhile.
    if (!(await retryEmail(db, id))) throw new DomainError("common.genericError");
    return { emailIds: [id], message: { key: "outbox.retried" } };
  },
});

const retryFailedSchema = z.object({
  batchId: z.uuid().optional(),
  template: z.string().refine(isTemplateName).optional(),
});

/**
 * Every FAILED message of one bulk send, or of one template (all of them when
 * neither is given), back to the queue. Buttons on the outbox and on the
 * event page call it, so both are revalidated.
 */
export const retryFailedEmailsAction = defineAction({
  name: "outbox.retryFailed",
  guard: requireAdmin,
  input: retryFailedSchema,
  revalidate: ["/admin/outbox", ["/admin/events/[id]", "page"]],
  run: async ({ actor, input }) => {
    assertAdmin(actor);
    const count = await retryFailedEmails(db, input);
    return {
      // The sender only needs waking; any non-empty id list does it.
      emailIds: count > 0 ? [input.batchId ?? input.template ?? "all"] : [],
      data: { count },
      message: { key: "outbox.bulk.retriedCount", values: { count } },
    };
  },
});
