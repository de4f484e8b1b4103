// Auth.js's own endpoints (sign-in, sign-out, session, CSRF token). Auth.js
// reads a POST body whole, so it gets a copy read here up to a small limit.
import { NextRequest } from "next/server";
import { GET, POST as authPost } from "@/lib/auth/route-handlers";
import { JSON_BODY_LIMIT, payloadTooLarge, readBody } from "@/lib/http/read-body";

export { GET };

export async function POST(request: NextRequest): Promise<Response> {
  const read = await readBody(request, JSON_BODY_LIMIT);
  if (!read.ok) return read.reason === "tooLarge" ? payloadTooLarge() : new Response("Bad request", { status: 400 });
  const headers = new Headers(request.headers);
  headers.delete("transfer-encoding");
  headers.set("content-length", String(read.bytes.byteLength));
  return authPost(new NextRequest(request.url, { method: request.method, headers, body: read.bytes }));
}
