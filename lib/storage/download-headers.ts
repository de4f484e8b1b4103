// Safe response headers for serving a stored file: attachment unless inline is asked for an
// image or PDF, RFC 6266/5987 file names, nosniff, and no caching of private files.
import { sanitizeFileName } from "./file-name";

export interface DownloadHeadersInput {
  fileName: string;
  contentType: string;
  size?: number;
  /** Show in the browser instead of downloading; honoured only for images and PDF. */
  inline?: boolean;
}

// Never SVG or HTML: those can run script when rendered inline.
const INLINE_TYPES = new Set(["image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf"]);
const CONTENT_TYPE_PATTERN = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*(?:\s*;\s*charset=[a-z0-9_.:-]+)?$/i;

function mediaType(contentType: string): string {
  return contentType.split(";")[0].trim().toLowerCase();
}

/** RFC 5987 percent-encoding: encodeURIComponent leaves ' ( ) * which are not attr-chars. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Printable ASCII stand-in for old clients: accents dropped, the rest replaced by "_". */
function asciiFallback(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]/g, "_")
    .replace(/[\\%]/g, "_"); // RFC 6266 §4.3: no backslash or %xx in the fallback
}

export function contentDisposition(fileName: string, inline = false): string {
  const name = sanitizeFileName(fileName.replace(/"/g, ""), "download");
  const fallback = asciiFallback(name);
  const type = inline ? "inline" : "attachment";
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encodeRfc5987(name)}`;
}

export function downloadHeaders(input: DownloadHeadersInput): Record<string, string> {
  const contentType = CONTENT_TYPE_PATTERN.test(input.contentType.trim()) ? input.contentType.trim() : "application/octet-stream";
  const inline = Boolean(input.inline) && INLINE_TYPES.has(mediaType(contentType));
  const headers: Record<string, string> = {
    "Content-Type": contentType,
    "Content-Disposition": contentDisposition(input.fileName, inline),
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, no-store",
  };
  if (input.size !== undefined && Number.isSafeInteger(input.size) && input.size >= 0) {
    headers["Content-Length"] = String(input.size);
  }
  return headers;
}
