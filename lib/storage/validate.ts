// Upload validation: size limit (UPLOAD_MAX_BYTES, default 10 MB), no empty files, and an
// allow-list checked by sniffing the bytes; the file name's extension must agree with them.
import { fileTypeFromBuffer } from "file-type";
import { extensionOf, sanitizeFileName } from "./file-name";

/** Message keys; the UI translates them under `files.errors.<reason>`. */
export type UploadRejectionReason = "too_large" | "empty" | "type_not_allowed" | "type_mismatch";
export type UploadValidation = { ok: true; contentType: string; extension: string } | { ok: false; reason: UploadRejectionReason };

export interface UploadInput {
  fileName: string;
  bytes: Uint8Array;
  /** The browser's claim. Informational only: never trusted (browsers send octet-stream,
   *  or vnd.ms-excel for CSV), the bytes decide. */
  declaredType?: string;
}

export const DEFAULT_UPLOAD_MAX_BYTES = 10 * 1024 * 1024;

/** Binary types, keyed by file-type's sniffed `ext`, with the name extensions that match them.
 *  Plain ZIP is deliberately absent (archives can carry anything); to allow it add
 *  `zip: { contentType: "application/zip", extensions: ["zip"] }`. */
const SNIFFED_TYPES: Record<string, { contentType: string; extensions: string[] }> = {
  pdf: { contentType: "application/pdf", extensions: ["pdf"] },
  png: { contentType: "image/png", extensions: ["png"] },
  jpg: { contentType: "image/jpeg", extensions: ["jpg", "jpeg"] },
  gif: { contentType: "image/gif", extensions: ["gif"] },
  webp: { contentType: "image/webp", extensions: ["webp"] },
  docx: { contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", extensions: ["docx"] },
  xlsx: { contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extensions: ["xlsx"] },
  pptx: { contentType: "application/vnd.openxmlformats-officedocument.presentationml.presentation", extensions: ["pptx"] },
  odt: { contentType: "application/vnd.oasis.opendocument.text", extensions: ["odt"] },
  ods: { contentType: "application/vnd.oasis.opendocument.spreadsheet", extensions: ["ods"] },
};

/** Text has no magic number: these extensions are accepted when the bytes are UTF-8 text. */
const TEXT_TYPES: Record<string, string> = {
  txt: "text/plain; charset=utf-8",
  csv: "text/csv; charset=utf-8",
};

const ALLOWED_EXTENSIONS = new Set([...Object.values(SNIFFED_TYPES).flatMap((t) => t.extensions), ...Object.keys(TEXT_TYPES)]);

/** File name extensions the allow-list accepts (for an `accept=` attribute or help text). */
export const allowedUploadExtensions: readonly string[] = [...ALLOWED_EXTENSIONS];

/** The size limit in bytes, from UPLOAD_MAX_BYTES (read on each call). */
export function uploadMaxBytes(env: Record<string, string | undefined> = process.env): number {
  const raw = env.UPLOAD_MAX_BYTES;
  if (raw === undefined || raw === "") return DEFAULT_UPLOAD_MAX_BYTES;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new Error(`UPLOAD_MAX_BYTES must be a positive whole number of bytes; got "${raw}"`);
  }
  return value;
}

/** Valid UTF-8 (a BOM is fine) with no NUL byte. */
export function isUtf8Text(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export async function validateUpload(input: UploadInput): Promise<UploadValidation> {
  const { bytes } = input;
  if (bytes.byteLength === 0) return { ok: false, reason: "empty" };
  if (bytes.byteLength > uploadMaxBytes()) return { ok: false, reason: "too_large" };

  const extension = extensionOf(sanitizeFileName(input.fileName));
  if (!ALLOWED_EXTENSIONS.has(extension)) return { ok: false, reason: "type_not_allowed" };

  const textType = TEXT_TYPES[extension];
  if (textType) {
    // Not sniffed: text such as "BMW,320i" or "MZ…" would match binary magic numbers.
    return isUtf8Text(bytes) ? { ok: true, contentType: textType, extension } : { ok: false, reason: "type_mismatch" };
  }

  const sniffed = await fileTypeFromBuffer(bytes);
  if (!sniffed) return { ok: false, reason: "type_mismatch" };
  const allowed = Object.hasOwn(SNIFFED_TYPES, sniffed.ext) ? SNIFFED_TYPES[sniffed.ext] : undefined;
  if (!allowed) return { ok: false, reason: "type_not_allowed" };
  if (!allowed.extensions.includes(extension)) return { ok: false, reason: "type_mismatch" };
  return { ok: true, contentType: allowed.contentType, extension };
}
