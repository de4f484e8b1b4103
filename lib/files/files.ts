// Uploaded files: validated by content (lib/storage), stored outside public/,
// recorded as StoredFile, and handed out only to an actor allowed to read them.
// The foundation's rule: the uploader and staff. Each record that holds files
// (attachment-owners.ts) adds who else may read the files it holds, e.g. the
// users who reach a ticket's customer (never a ticket's internal attachments).
import type { DbOrTx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { isStaff } from "@/lib/auth/actor";
import { isUuid } from "@/lib/db/query-guards";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { FilePurpose } from "@/lib/generated/prisma/enums";
import { saveUpload, uploadMaxBytes, validateUpload, type FileStorage, type StoredObject } from "@/lib/storage";
import { readableThroughOwner, unattachedWhere } from "./attachment-owners";

export interface UploadedFile {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
}

/** The `purpose` form field of POST /api/files; none means an attachment. */
const PURPOSES: Record<string, FilePurpose> = { attachment: FilePurpose.ATTACHMENT, eventArtwork: FilePurpose.EVENT_ARTWORK };

export function uploadPurpose(raw: FormDataEntryValue | null | undefined): FilePurpose | null {
  if (raw === null || raw === undefined || raw === "") return FilePurpose.ATTACHMENT;
  return typeof raw === "string" && Object.hasOwn(PURPOSES, raw) ? PURPOSES[raw] : null;
}

/** Images a browser shows inline (never SVG: it can carry script). */
export const ARTWORK_TYPES: ReadonlySet<string> = new Set(["image/png", "image/jpeg", "image/gif", "image/webp"]);

/**
 * Stores an upload of the actor's. Its purpose is fixed here: event artwork,
 * which the public may see, only from staff and only as an image; everything
 * else is an attachment and never becomes artwork.
 */
export async function uploadFile(
  db: DbOrTx,
  storage: FileStorage,
  actor: Actor,
  input: { fileName: string; bytes: Uint8Array; purpose?: FilePurpose },
): Promise<UploadedFile> {
  const purpose = input.purpose ?? FilePurpose.ATTACHMENT;
  if (purpose === FilePurpose.EVENT_ARTWORK) {
    if (!isStaff(actor)) throw new ForbiddenError("events.errors.artworkStaffOnly");
    const checked = await validateUpload(input);
    if (checked.ok && !ARTWORK_TYPES.has(checked.contentType))
      throw new ValidationError({ file: "events.errors.artworkNotImage" }, "events.errors.artworkNotImage");
  }
  const saved = await saveUpload(storage, input);
  if (!saved.ok) throw new ValidationError({ file: `files.errors.${saved.reason}` }, `files.errors.${saved.reason}`);
  try {
    return await db.storedFile.create({
      data: { storageKey: saved.storageKey, fileName: saved.fileName, contentType: saved.contentType, size: saved.size, purpose, ownerId: actor.userId },
      select: { id: true, fileName: true, contentType: true, size: true },
    });
  } catch (error) {
    await storage.delete(saved.storageKey); // no orphan object when the row cannot be written
    throw error;
  }
}

type FileRow = { id: string; ownerId: string | null };

export function canReadFile(actor: Actor, file: FileRow): boolean {
  return isStaff(actor) || file.ownerId === actor.userId;
}

export async function openFile(db: DbOrTx, storage: FileStorage, actor: Actor, id: string): Promise<UploadedFile & { object: StoredObject }> {
  const file = isUuid(id)
    ? await db.storedFile.findUnique({ where: { id }, select: { id: true, ownerId: true, storageKey: true, fileName: true, contentType: true, size: true } })
    : null;
  // Someone else's file answers exactly like a missing one: ids reveal nothing.
  if (!file || !(canReadFile(actor, file) || (await readableThroughOwner(db, actor, file.id)))) throw new NotFoundError("errors.notFoundBody");
  const object = await storage.get(file.storageKey);
  if (!object) throw new NotFoundError("errors.notFoundBody");
  return { id: file.id, fileName: file.fileName, contentType: file.contentType, size: file.size, object };
}

/** Upper bound for a multipart request carrying one file, checked before reading it. */
export function maxUploadRequestBytes(): number {
  return uploadMaxBytes() + 64 * 1024;
}

/**
 * The actor's own uploads (POST /api/files) that are not attached to anything
 * yet, for a domain function to attach. Anything else is refused, so a
 * hand-crafted request cannot attach someone else's file; the attachment
 * tables' unique fileId stops one upload being attached twice.
 */
export async function claimUploads(db: DbOrTx, actor: Actor, fileIds: readonly string[]): Promise<UploadedFile[]> {
  const ids = [...new Set(fileIds)];
  if (ids.length === 0) return [];
  if (!ids.every(isUuid)) throw new ValidationError({ files: "validation.invalid" }, "validation.invalid");
  const files = await db.storedFile.findMany({
    where: { id: { in: ids }, ownerId: actor.userId, ...unattachedWhere() },
    select: { id: true, fileName: true, contentType: true, size: true },
  });
  if (files.length !== ids.length) throw new ValidationError({ files: "validation.invalid" }, "validation.invalid");
  return files;
}
