// Uploaded files: validated by content (lib/storage), stored outside public/,
// recorded as StoredFile, and handed out only to an actor allowed to read them.
// The foundation's rule: the uploader and staff; features that attach files
// (tickets, contacts, events) widen it in canReadFile with their own checks.
import type { DbOrTx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { isStaff } from "@/lib/auth/actor";
import { isUuid } from "@/lib/db/query-guards";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { saveUpload, uploadMaxBytes, type FileStorage, type StoredObject } from "@/lib/storage";

export interface UploadedFile {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
}

export async function uploadFile(db: DbOrTx, storage: FileStorage, actor: Actor, input: { fileName: string; bytes: Uint8Array }): Promise<UploadedFile> {
  const saved = await saveUpload(storage, input);
  if (!saved.ok) throw new ValidationError({ file: `files.errors.${saved.reason}` }, `files.errors.${saved.reason}`);
  try {
    return await db.storedFile.create({
      data: { storageKey: saved.storageKey, fileName: saved.fileName, contentType: saved.contentType, size: saved.size, ownerId: actor.userId },
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
  if (!file || !canReadFile(actor, file)) throw new NotFoundError("errors.notFoundBody");
  const object = await storage.get(file.storageKey);
  if (!object) throw new NotFoundError("errors.notFoundBody");
  return { id: file.id, fileName: file.fileName, contentType: file.contentType, size: file.size, object };
}

/** Upper bound for a multipart request carrying one file, checked before reading it. */
export function maxUploadRequestBytes(): number {
  return uploadMaxBytes() + 64 * 1024;
}
