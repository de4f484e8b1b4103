// "Issue certificates now" on an event's admin page: the daily job's rules and
// idempotency (issueCertificates), scoped to one event, for staff who may edit it.
import "server-only";
import { assertStaff, type Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import { isUuid } from "@/lib/db/query-guards";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import type { FileStorage } from "@/lib/storage";
import { canEditEvent } from "../event-rules";
import { issueCertificates, type IssueResult } from "./issue";

export async function issueEventCertificatesNow(db: Db, storage: FileStorage, actor: Actor, eventId: string): Promise<IssueResult> {
  assertStaff(actor);
  const event = isUuid(eventId) ? await db.event.findUnique({ where: { id: eventId }, select: { id: true, responsibleId: true } }) : null;
  if (!event) throw new NotFoundError("common.notFound");
  if (!canEditEvent(actor, event)) throw new ForbiddenError("events.errors.onlyResponsible");
  // No limit worth speaking of: one event's participants, all at once.
  return issueCertificates(db, { storage, eventId: event.id, limit: 100_000 });
}
