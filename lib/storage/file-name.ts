// User-supplied file names are display metadata only: keep the last path segment and drop
// control, invisible and bidi-override characters (the "gpj.exe" spoof) before storing.

const MAX_NAME_LENGTH = 200;

// C0/C1 controls, zero-width and bidi formatting characters, byte-order mark.
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

export function sanitizeFileName(name: string, fallback = "file"): string {
  const lastSegment = String(name).normalize("NFC").split(/[/\\]/).pop() ?? "";
  const cleaned = lastSegment
    .replace(UNSAFE_CHARACTERS, "")
    .replace(/\s+/g, " ")
    // Leading dots hide files; trailing dots and spaces are dropped by Windows anyway.
    .replace(/^[\s.]+|[\s.]+$/g, "");
  if (!cleaned) return fallback;

  const chars = Array.from(cleaned); // code points, so truncation never splits a surrogate pair
  if (chars.length <= MAX_NAME_LENGTH) return cleaned;
  const extension = extensionOf(cleaned);
  const suffix = extension ? `.${extension}` : "";
  return (
    chars
      .slice(0, MAX_NAME_LENGTH - suffix.length)
      .join("")
      .trimEnd() + suffix
  );
}

/** The lower-cased extension without the dot, or "" ("a.tar.gz" → "gz", ".env" → ""). */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  if (dot <= 0 || dot === name.length - 1) return "";
  const extension = name.slice(dot + 1).toLowerCase();
  return /^[a-z0-9]{1,10}$/.test(extension) ? extension : "";
}
