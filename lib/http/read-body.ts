// Reading request bodies without trusting their size. A declared length over
// the limit is refused unread; otherwise the body is pulled chunk by chunk with
// a byte counter, and the stream is cancelled the moment the count passes the
// limit, so an endless or chunked (undeclared) body costs at most `limit` bytes
// of memory. Every route handler that reads a body goes through here.
type BodyReadFailure = "tooLarge" | "malformed";
export type ReadBodyResult = { ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; reason: BodyReadFailure };

/** JSON bodies of route handlers (a registration, a test hook): small. */
export const JSON_BODY_LIMIT = 64 * 1024;

/** The Content-Length header as a number, or null when absent or not a plain number. */
export function declaredLength(headers: Headers): number | null {
  const raw = headers.get("content-length")?.trim();
  return raw && /^\d+$/.test(raw) ? Number(raw) : null;
}

/** Reads a stream up to `limit` bytes; past it, stops pulling and cancels the stream. */
export async function readStreamLimited(stream: ReadableStream<Uint8Array> | null, limit: number): Promise<ReadBodyResult> {
  if (!stream) return { ok: true, bytes: new Uint8Array(0) };
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > limit) {
        // Not awaited: a source that never settles its cancel must not hold the answer back.
        reader.cancel().catch(() => {});
        return { ok: false, reason: "tooLarge" };
      }
      chunks.push(value);
    }
  } catch {
    // The client went away or the stream broke mid-body.
    return { ok: false, reason: "malformed" };
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}

/** The request's body, at most `limit` bytes. */
export async function readBody(request: Request, limit: number): Promise<ReadBodyResult> {
  const declared = declaredLength(request.headers);
  if (declared !== null && declared > limit) return { ok: false, reason: "tooLarge" };
  return readStreamLimited(request.body, limit);
}

export type ReadJsonResult = { ok: true; value: unknown } | { ok: false; reason: BodyReadFailure };

/** A JSON body of at most `limit` bytes; text that is not JSON reads as null (the caller's schema refuses it). */
export async function readJson(request: Request, limit = JSON_BODY_LIMIT): Promise<ReadJsonResult> {
  const read = await readBody(request, limit);
  if (!read.ok) return read;
  try {
    return { ok: true, value: JSON.parse(new TextDecoder().decode(read.bytes)) };
  } catch {
    return { ok: true, value: null };
  }
}

export type ReadFormResult = { ok: true; form: FormData } | { ok: false; reason: BodyReadFailure };

/**
 * A multipart (or URL-encoded) form of at most `limit` bytes: the bounded bytes
 * are parsed only once all of them are in, so the parser never sees more.
 */
export async function readFormData(request: Request, limit: number): Promise<ReadFormResult> {
  const contentType = request.headers.get("content-type") ?? "";
  const type = contentType.toLowerCase();
  if (!type.startsWith("multipart/form-data") && !type.startsWith("application/x-www-form-urlencoded")) return { ok: false, reason: "malformed" };
  const read = await readBody(request, limit);
  if (!read.ok) return read;
  try {
    // The original header: the multipart boundary is case-sensitive.
    return { ok: true, form: await new Response(read.bytes, { headers: { "content-type": contentType } }).formData() };
  } catch {
    return { ok: false, reason: "malformed" };
  }
}

/** 413 with a message key, in the JSON shape of the route handlers' other errors. */
export function payloadTooLarge(key = "errors.requestTooLarge"): Response {
  return Response.json({ error: key }, { status: 413, headers: { Connection: "close" } });
}
