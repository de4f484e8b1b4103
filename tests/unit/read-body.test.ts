// The shared body reader stops at its limit while streaming: it never pulls
// much past the limit, cancels the rest, and refuses a declared length unread.
import { describe, expect, it } from "vitest";
import { readBody, readFormData, readJson, readStreamLimited } from "@/lib/http/read-body";

const MB = 1024 * 1024;

/**
 * A body of `chunks` fresh 1 MB chunks (150 MB by default), made only when
 * pulled: what the reader pulls is what it costs in memory.
 */
function counted(chunks = 150, chunkBytes = MB) {
  const state = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (state.pulled === chunks) return controller.close();
        state.pulled++;
        controller.enqueue(new Uint8Array(chunkBytes).fill(120));
      },
      cancel() {
        state.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, state };
}

const post = (body: BodyInit | ReadableStream<Uint8Array>, headers: Record<string, string> = {}) =>
  new Request("http://portico.test/api/x", { method: "POST", body, headers, duplex: "half" } as RequestInit);

describe("readStreamLimited", () => {
  it("stops pulling a 150 MB stream right after a 10 MB limit and cancels it; memory stays flat", async () => {
    const { stream, state } = counted();
    const rssBefore = process.memoryUsage().rss;
    const result = await readStreamLimited(stream, 10 * MB);
    expect(result).toEqual({ ok: false, reason: "tooLarge" });
    expect(state.pulled).toBe(11);
    expect(state.cancelled).toBe(true);
    // Reading all of it would have allocated 150 MB.
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(64 * MB);
  });

  it("ends an endless stream too, instead of reading forever", async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({ pull: (c) => void (pulled++, c.enqueue(new Uint8Array(64 * 1024))) }, { highWaterMark: 0 });
    expect(await readStreamLimited(endless, MB)).toEqual({ ok: false, reason: "tooLarge" });
    expect(pulled).toBe(17);
  });

  it("returns every byte of a body within the limit, the limit itself included", async () => {
    const { stream, state } = counted(3, 1000);
    const result = await readStreamLimited(stream, 3000);
    expect(result.ok && result.bytes.byteLength).toBe(3000);
    expect(state.cancelled).toBe(false);
    expect(await readStreamLimited(null, 10)).toEqual({ ok: true, bytes: new Uint8Array(0) });
  });

  it("reports a stream that breaks mid-body as malformed", async () => {
    const broken = new ReadableStream<Uint8Array>({ pull: (c) => c.error(new Error("connection reset")) });
    expect(await readStreamLimited(broken, MB)).toEqual({ ok: false, reason: "malformed" });
  });
});

describe("readBody", () => {
  it("refuses a declared length over the limit without pulling a byte", async () => {
    const { stream, state } = counted();
    const result = await readBody(post(stream, { "content-length": String(150 * MB) }), 10 * MB);
    expect(result).toEqual({ ok: false, reason: "tooLarge" });
    expect(state.pulled).toBe(0);
  });

  it("counts an undeclared (chunked) body and stops at the limit", async () => {
    const { stream, state } = counted();
    expect(await readBody(post(stream), 10 * MB)).toEqual({ ok: false, reason: "tooLarge" });
    expect(state.pulled).toBeLessThanOrEqual(12);
  });
});

describe("readJson and readFormData", () => {
  it("parses JSON within the limit; not-JSON reads as null; too large is refused", async () => {
    expect(await readJson(post(JSON.stringify({ name: "Ana" })))).toEqual({ ok: true, value: { name: "Ana" } });
    expect(await readJson(post("{not json"))).toEqual({ ok: true, value: null });
    const { stream, state } = counted(100);
    expect(await readJson(post(stream))).toEqual({ ok: false, reason: "tooLarge" });
    expect(state.pulled).toBe(1);
  });

  it("parses a multipart form within the limit, boundary case kept", async () => {
    const form = new FormData();
    form.set("purpose", "eventArtwork");
    form.set("file", new File(["hello"], "hello.txt", { type: "text/plain" }));
    const encoded = new Response(form);
    const body = new Uint8Array(await encoded.arrayBuffer());
    const type = encoded.headers.get("content-type")!;
    const read = await readFormData(post(body, { "content-type": type }), 10_000);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.form.get("purpose")).toBe("eventArtwork");
    expect(await (read.form.get("file") as File).text()).toBe("hello");
    expect(await readFormData(post(body, { "content-type": type }), body.byteLength - 1)).toEqual({ ok: false, reason: "tooLarge" });
  });

  it("refuses a multipart stream past the limit before parsing, and bodies that are not forms", async () => {
    const { stream, state } = counted();
    expect(await readFormData(post(stream, { "content-type": "multipart/form-data; boundary=XyZ" }), 10 * MB + 64 * 1024)).toEqual({
      ok: false,
      reason: "tooLarge",
    });
    expect(state.pulled).toBe(11);
    expect(await readFormData(post("{}", { "content-type": "application/json" }), 100)).toEqual({ ok: false, reason: "malformed" });
  });
});
