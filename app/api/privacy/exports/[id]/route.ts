// GET /api/privacy/exports/<id>: a person's data export, for the privacy
// officer who asked for it, once; the archive leaves storage as it is sent.
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { takePersonExport } from "@/lib/privacy/export";
import { downloadHeaders, getStorage } from "@/lib/storage";

const plain = { "X-Content-Type-Options": "nosniff", "Cache-Control": "no-store" };

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getActor();
  if (!actor) return new Response("Unauthorized", { status: 401, headers: plain });
  try {
    const file = await takePersonExport(db, getStorage(), actor, (await params).id);
    const headers = downloadHeaders({ fileName: file.fileName, contentType: "application/zip", size: file.body.byteLength, inline: false });
    return new Response(file.body as BodyInit, { headers });
  } catch (error) {
    // Someone else's export, a second download, or no permission: all answer alike.
    if (error instanceof NotFoundError || error instanceof ForbiddenError) return new Response("Not found", { status: 404, headers: plain });
    throw error;
  }
}
