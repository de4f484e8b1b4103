// The event's artwork (seed 000, "Geração da Arte"): an image uploaded through
// POST /api/files and attached here. Only images, only files the actor may read,
// and only by someone allowed to change the event.
import "server-only";
import { assertStaff, type Actor } from "@/lib/auth/actor";
import type { DbOrTx } from "@/lib/db";
import { isUuid } from "@/lib/db/query-guards";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { canReadFile } from "@/lib/files/files";
import { canEditEvent } from "./event-rules";

export async function setEventArtwork(db: DbOrTx, actor: Actor, eventId: string, fileId: string | null): Promise<void> {
  assertStaff(actor);
  const event = isUuid(eventId) ? await db.event.findUnique({ where: { id: eventId }, select: { responsibleId: true } }) : null;
  if (!event) throw new NotFoundError("common.notFound");
  if (!canEditEvent(actor, event)) throw new ForbiddenError("events.errors.onlyResponsible");
  if (fileId !== null) {
    const file = isUuid(fileId) ? await db.storedFile.findUnique({ where: { id: fileId }, select: { id: true, ownerId: true, contentType: true } }) : null;
    if (!file || !canReadFile(actor, file)) throw new ValidationError({ artwork: "validation.invalid" }, "validation.invalid");
    if (!file.contentType.startsWith("image/")) throw new ValidationError({ artwork: "events.errors.artworkNotImage" }, "events.errors.artworkNotImage");
  }
  await db.event.update({ where: { id: eventId }, data: { artworkFileId: fileId }, select: { id: true } });
}
