// Request bodies against the production server: a chunked upload or JSON body
// far over its limit is answered 413 while the client is still sending, and
// the server's memory does not grow with it; a server action over its limit
// gets a translated 413 instead of a 500.
import { readFileSync, readdirSync, readlinkSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { expect, test } from "@playwright/test";
import { signIn } from "./fixtures";

const MB = 1024 * 1024;

/** The pid of the process listening on the port (the Next.js server), from /proc; null elsewhere. */
function serverPid(port: number): number | null {
  try {
    const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
    const inodes = new Set<string>();
    for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
      for (const line of readFileSync(table, "utf8").split("\n").slice(1)) {
        const cols = line.trim().split(/\s+/);
        if (cols[1]?.endsWith(`:${hexPort}`) && cols[3] === "0A") inodes.add(cols[9]);
      }
    }
    for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
      try {
        for (const fd of readdirSync(`/proc/${pid}/fd`)) {
          const link = readlinkSync(`/proc/${pid}/fd/${fd}`);
          if (inodes.has(link.slice(8, -1)) && link.startsWith("socket:[")) return Number(pid);
        }
      } catch {
        // Another user's process, or one that just ended.
      }
    }
  } catch {
    // No /proc here.
  }
  return null;
}

function rssBytes(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8")
    .split("\n")
    .find((l) => l.startsWith("VmRSS:"));
  return Number(line?.match(/(\d+)/)?.[1] ?? 0) * 1024;
}

/** A chunked body of `total` bytes in 64 KB chunks, made as the client sends them. */
function slowBody(total: number, prefix = new Uint8Array(0)) {
  const state = { sent: 0 };
  const chunk = new Uint8Array(64 * 1024).fill(97);
  const stream = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (state.sent === 0 && prefix.byteLength) {
          state.sent += prefix.byteLength;
          return controller.enqueue(prefix);
        }
        if (state.sent >= total) return controller.close();
        state.sent += chunk.byteLength;
        controller.enqueue(chunk);
        // A little pacing, as a real client's upload has.
        if (state.sent % (4 * MB) === 0) await new Promise((r) => setTimeout(r, 5));
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, state };
}

/**
 * Sends a streamed (chunked) body; reports the answer, how much was sent by
 * then, and the server's peak memory growth. node:http rather than fetch: a
 * server that answers early and closes the connection makes fetch fail with
 * EPIPE on the next write, while http still delivers the answer it read.
 */
async function send(url: string, body: ReadableStream<Uint8Array>, state: { sent: number }, headers: Record<string, string>, pid: number | null) {
  const baseline = pid ? rssBytes(pid) : 0;
  let peak = baseline;
  const sampler = pid ? setInterval(() => (peak = Math.max(peak, rssBytes(pid))), 20) : undefined;
  const started = Date.now();
  const reader = body.getReader();
  try {
    return await new Promise<{ status: number; text: string; sentWhenAnswered: number; elapsedMs: number; growth: number }>((resolve, reject) => {
      let answered = false;
      const req = httpRequest(url, { method: "POST", headers: { ...headers, "transfer-encoding": "chunked" } }, (res) => {
        answered = true;
        const sentWhenAnswered = state.sent;
        const elapsedMs = Date.now() - started;
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (part: string) => (text += part));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text, sentWhenAnswered, elapsedMs, growth: peak - baseline }));
        res.on("error", reject);
      });
      // A write after the server closed is expected once it has answered.
      req.on("error", (error) => (answered ? undefined : reject(error)));
      (async () => {
        for (;;) {
          if (answered || req.destroyed) return;
          const { done, value } = await reader.read();
          if (done) return void req.end();
          if (!req.write(value)) await new Promise((r) => req.once("drain", r));
        }
      })().catch(() => {});
    });
  } finally {
    clearInterval(sampler);
    await reader.cancel().catch(() => {});
  }
}

/**
 * The server answers 413 and closes at once, with the rest of the upload unread;
 * the kernel may turn that close into a reset that discards the answer before
 * the client reads it (a race of the transport, seen under load, not of the
 * limit). A connection error before any answer is tried again, four times at
 * most (CI once met it three times running beside the PostgreSQL suite); a
 * wrong answer never is.
 */
async function sendUntilAnswered(url: string, makeBody: () => ReturnType<typeof slowBody>, headers: Record<string, string>, pid: number | null) {
  for (let attempt = 1; ; attempt++) {
    const { stream, state } = makeBody();
    try {
      return await send(url, stream, state, headers, pid);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (attempt >= 5 || (code !== "EPIPE" && code !== "ECONNRESET")) throw error;
    }
  }
}

test("a client's chunked 50 MB upload gets 413 before it is sent, and the server's memory stays flat", async ({ browser, baseURL }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, "person");
  const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  await context.close();

  const pid = serverPid(Number(new URL(baseURL!).port));
  const boundary = "----portico-limit-test";
  const head = new TextEncoder().encode(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.txt"\r\nContent-Type: text/plain\r\n\r\n`);
  const result = await sendUntilAnswered(
    `${baseURL}/api/files`,
    () => slowBody(50 * MB, head),
    { cookie, "content-type": `multipart/form-data; boundary=${boundary}`, origin: baseURL! },
    pid,
  );

  expect(result.status).toBe(413);
  expect(JSON.parse(result.text)).toEqual({ error: "files.errors.too_large" });
  // The answer came once the limit (10 MB) was passed, long before the 50 MB were out.
  expect(result.sentWhenAnswered).toBeLessThan(30 * MB);
  if (pid) expect(result.growth).toBeLessThan(60 * MB);
});

test("an anonymous chunked 100 MB JSON sign-up gets 413 at once", async ({ baseURL }) => {
  const pid = serverPid(Number(new URL(baseURL!).port));
  const result = await sendUntilAnswered(
    `${baseURL}/api/events/any-event/registrations`,
    () => slowBody(100 * MB, new TextEncoder().encode('{"name":"')),
    { "content-type": "application/json" },
    pid,
  );
  expect(result.status).toBe(413);
  expect(JSON.parse(result.text)).toEqual({ error: "errors.requestTooLarge" });
  expect(result.sentWhenAnswered).toBeLessThan(10 * MB);
  expect(result.elapsedMs).toBeLessThan(5_000);
  if (pid) expect(result.growth).toBeLessThan(40 * MB);
});

test("a server action over its body limit gets a translated 413, not a 500", async ({ request }) => {
  for (const [language, text] of [
    ["en", "The request is too large. Shorten what you send and try again."],
    ["fi", "Pyyntö on liian suuri. Lyhennä lähetettävää ja yritä uudelleen."],
  ]) {
    const response = await request.post("/login", {
      headers: { "Next-Action": "00".repeat(21), "Content-Type": "text/plain;charset=UTF-8", "Accept-Language": language },
      data: "x".repeat(2 * MB),
    });
    expect(response.status()).toBe(413);
    expect(await response.text()).toBe(text);
  }
});
