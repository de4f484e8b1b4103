// An in-memory stand-in for an S3 server, plugged in as the SDK's requestHandler: the real
// S3FileStorage code (commands, serialisation, error parsing) runs without any network.
import { Readable } from "node:stream";

interface FakeRequest {
  method: string;
  hostname: string;
  path: string;
  headers: Record<string, string>;
  body?: unknown;
}

export interface FakeS3 {
  objects: Map<string, { body: Buffer; contentType?: string }>;
  requests: FakeRequest[];
  requestHandler: { handle(request: FakeRequest): Promise<{ response: unknown }> };
}

async function bodyBytes(body: unknown): Promise<Buffer> {
  if (body === undefined || body === null) return Buffer.alloc(0);
  if (typeof body === "string" || body instanceof Uint8Array) return Buffer.from(body);
  const chunks: Buffer[] = [];
  for await (const chunk of body as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

const respond = (statusCode: number, headers: Record<string, string> = {}, body: Buffer = Buffer.alloc(0)) => ({
  response: { statusCode, headers, body: Readable.from([body]) },
});

const notFound = (code: string, withBody: boolean) =>
  respond(
    404,
    { "content-type": "application/xml" },
    withBody ? Buffer.from(`<?xml version="1.0"?><Error><Code>${code}</Code><Message>nope</Message></Error>`) : undefined,
  );

/** Path-style only (`/<bucket>/<key>`): construct the storage with forcePathStyle. */
export function createFakeS3(bucket: string): FakeS3 {
  const objects = new Map<string, { body: Buffer; contentType?: string }>();
  const requests: FakeRequest[] = [];
  const handle = async (request: FakeRequest) => {
    requests.push(request);
    const prefix = `/${bucket}/`;
    if (!request.path.startsWith(prefix)) return respond(400);
    const key = decodeURIComponent(request.path.slice(prefix.length));
    const stored = objects.get(key);
    switch (request.method) {
      case "PUT":
        objects.set(key, { body: await bodyBytes(request.body), contentType: request.headers["content-type"] });
        return respond(200, { etag: '"fake"' });
      case "GET":
        if (!stored) return notFound("NoSuchKey", true);
        return respond(200, { "content-length": String(stored.body.length), "content-type": stored.contentType ?? "" }, stored.body);
      case "HEAD":
        if (!stored) return notFound("NotFound", false);
        return respond(200, { "content-length": String(stored.body.length) });
      case "DELETE":
        objects.delete(key);
        return respond(204);
      default:
        return respond(405);
    }
  };
  return { objects, requests, requestHandler: { handle } };
}
