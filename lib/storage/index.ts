// File storage entry point: getStorage() is the process-wide backend chosen from the
// environment (see config.ts); everything else callers need is re-exported here.
import { storageConfigFromEnv, type StorageConfig } from "./config";
import { LocalFileStorage } from "./local";
import { S3FileStorage } from "./s3";
import type { FileStorage } from "./types";

export function createStorage(config: StorageConfig): FileStorage {
  return config.kind === "s3" ? new S3FileStorage(config) : new LocalFileStorage(config.baseDir);
}

let storage: FileStorage | undefined;

/** The configured storage (created on first use, then shared). */
export function getStorage(): FileStorage {
  storage ??= createStorage(storageConfigFromEnv());
  return storage;
}

export type { FileStorage, StoredObject } from "./types";
export { storageConfigFromEnv, type StorageConfig } from "./config";
export { LocalFileStorage } from "./local";
export { S3FileStorage, type S3StorageConfig } from "./s3";
export { assertValidStorageKey, InvalidStorageKeyError, isValidStorageKey, newStorageKey } from "./keys";
export { extensionOf, sanitizeFileName } from "./file-name";
export {
  allowedUploadExtensions,
  DEFAULT_UPLOAD_MAX_BYTES,
  isUtf8Text,
  uploadMaxBytes,
  validateUpload,
  type UploadInput,
  type UploadRejectionReason,
  type UploadValidation,
} from "./validate";
export { contentDisposition, downloadHeaders, type DownloadHeadersInput } from "./download-headers";
export { saveUpload, type SavedUpload, type SaveUploadResult } from "./save-upload";
