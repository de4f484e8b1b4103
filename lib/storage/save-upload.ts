// Storing an upload: validate the bytes first, then write them under a fresh random key;
// the user's file name is kept (sanitized) as metadata only, never as part of the key.
import { sanitizeFileName } from "./file-name";
import { newStorageKey } from "./keys";
import type { FileStorage } from "./types";
import { validateUpload, type UploadInput, type UploadRejectionReason } from "./validate";

export interface SavedUpload {
  storageKey: string;
  fileName: string;
  contentType: string;
  size: number;
}

export type SaveUploadResult = ({ ok: true } & SavedUpload) | { ok: false; reason: UploadRejectionReason };

/** Validates then stores. The caller records the metadata (and deletes `storageKey`
 *  again if recording fails, so no orphan object is left behind). */
export async function saveUpload(storage: FileStorage, input: UploadInput): Promise<SaveUploadResult> {
  const validation = await validateUpload(input);
  if (!validation.ok) return validation;
  const storageKey = newStorageKey();
  await storage.put(storageKey, input.bytes, validation.contentType);
  return {
    ok: true,
    storageKey,
    fileName: sanitizeFileName(input.fileName),
    contentType: validation.contentType,
    size: input.bytes.byteLength,
  };
}
