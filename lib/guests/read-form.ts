// Reads a public multipart request without trusting its size: a declared length
// over the limit is refused unread, and an undeclared (chunked) body is read
// only up to the limit. Nothing is stored here.
export type ReadFormResult = { ok: true; form: FormData } | { ok: false; reason: "tooLarge" | "malformed" };

export async function readLimitedFormData(request: Request, maxBytes: number): Promise<ReadFormResult> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) return { ok: false, reason: "tooLarge" };
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("multipart/form-data") || !request.body) return { ok: false, reason: "malformed" };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => {});
        return { ok: false, reason: "tooLarge" };
      }
      chunks.push(value);
    }
    const form = await new Response(Buffer.concat(chunks), { headers: { "content-type": contentType } }).formData();
    return { ok: true, form };
  } catch {
    return { ok: false, reason: "malformed" };
  }
}
