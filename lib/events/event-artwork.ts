// The event's artwork (its promotional image): an image uploaded through
// POST /api/files as artwork (purpose "eventArtwork", staff only) and attached
// here. The artwork is public with its event, so no other file qualifies: not a
// ticket's, contact's or guest request's attachment, whoever may read it. Only
// someone allowed to change the event sets it.
import "server-only";
import { assertStaff, type Actor } from "@/lib/auth/actor";
import type { DbOrTx } from "@/lib/db";
import { isUuid } from "@/lib/db/query-guards";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { ARTWORK_TYPES, canReadFile } from "@/lib/files/files";
import { FilePurpose } from "@/lib/generated/prisma/enums";
import { canEditEvent } from "./event-rules";

export async function setEventArtwork(db: DbOrTx, actor: Actor, eventId: string, fileId: string | null): Promise<void> {
  assertStaff(actor);
  const event = isUuid(eventId) ? await db.event.findUnique({ where: { id: eventId }, select: { responsibleId: true } }) : null;
  if (!event) throw new NotFoundError("common.notFound");
  if (!canEditEvent(actor, event)) throw new ForbiddenError("events.errors.onlyResponsible");
  if (fileId !== null) {
    const file = isUuid(fileId)
      ? await db.storedFile.findUnique({ where: { id: fileId }, select: { id: true, ownerId: true, contentType: true, purpose: true } })
      : null;
    if (!file || !canReadFile(actor, file)) throw new ValidationError({ artwork: "validation.invalid" }, "validation.invalid");
    if (file.purpose !== FilePurpose.EVENT_ARTWORK)
      throw new ValidationError({ artwork: "events.errors.artworkUploadOnly" }, "events.errors.artworkUploadOnly");
    if (!ARTWORK_TYPES.has(file.contentType)) throw new ValidationError({ artwork: "events.errors.artworkNotImage" }, "events.errors.artworkNotImage");
  }
  await db.event.update({ where: { id: eventId }, data: { artworkFileId: fileId }, select: { id: true } });
}
