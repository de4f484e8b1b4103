// Requests with a body that reach the proxy are server actions (API routes are
// left out). Next.js answers 500 past serverActions.bodySizeLimit; the proxy
// answers 413 first, in the visitor's language, reading at most the limit.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { SERVER_ACTION_BODY_LIMIT } from "@/lib/http/limits";
import en from "@/messages/en.json";
import ptBR from "@/messages/pt-BR.json";
import nextConfig from "@/next.config";
import { proxy } from "@/proxy";

function action(body: BodyInit | ReadableStream<Uint8Array> | null, headers: Record<string, string> = {}) {
  return new NextRequest("http://localhost:3000/portal/tickets/12", {
    method: "POST",
    headers: { "next-action": "7f00aa", cookie: "authjs.session-token=x", ...headers },
    body,
    duplex: "half",
  } as ConstructorParameters<typeof NextRequest>[1]);
}

/** 64 KB chunks, made only when pulled, up to `total` bytes. */
function chunked(total: number) {
  const state = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(c) {
        if (state.pulled * 65536 >= total) return c.close();
        state.pulled++;
        c.enqueue(new Uint8Array(65536));
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, state };
}

describe("server actions over the body limit", () => {
  it("get 413 with the translated message as plain text, by declared length", async () => {
    const response = await proxy(action("x", { "content-length": String(SERVER_ACTION_BODY_LIMIT + 1), cookie: "NEXT_LOCALE=pt-BR; authjs.session-token=x" }));
    expect(response.status).toBe(413);
    // Next.js's client uses the body as the error message only for exactly "text/plain".
    expect(response.headers.get("content-type")).toBe("text/plain");
    expect(await response.text()).toBe(ptBR.errors.requestTooLarge);
  });

  it("get 413 when chunked, read no further than the limit", async () => {
    const { stream, state } = chunked(50 * 1024 * 1024);
    const response = await proxy(action(stream, { "accept-language": "en-US,en;q=0.9" }));
    expect(response.status).toBe(413);
    expect(await response.text()).toBe(en.errors.requestTooLarge);
    expect(state.pulled * 65536).toBeLessThanOrEqual(SERVER_ACTION_BODY_LIMIT + 2 * 65536);
  });

  it("pass when within the limit", async () => {
    const small = await proxy(action("[]", { "content-length": "2" }));
    expect(small.status).toBe(200);
    expect(small.headers.get("x-middleware-next")).toBe("1");
    const { stream } = chunked(SERVER_ACTION_BODY_LIMIT - 65536);
    expect((await proxy(action(stream))).status).toBe(200);
  });

  it("agree with next.config.ts", () => {
    expect(nextConfig.experimental?.serverActions?.bodySizeLimit).toBe(SERVER_ACTION_BODY_LIMIT);
    expect(Number(nextConfig.experimental?.proxyClientMaxBodySize)).toBeGreaterThan(SERVER_ACTION_BODY_LIMIT);
  });
});
