// GET /api/files/<id>: the only way files leave storage, after the actor check.
import { openFile } from "@/lib/files/files";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { downloadHeaders, getStorage } from "@/lib/storage";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getActor();
  if (!actor) return new Response("Unauthorized", { status: 401, headers: { "X-Content-Type-Options": "nosniff" } });
  try {
    const file = await openFile(db, getStorage(), actor, (await params).id);
    const inline = new URL(request.url).searchParams.get("inline") === "1";
    return new Response(file.object.body as BodyInit, {
      headers: downloadHeaders({ fileName: file.fileName, contentType: file.contentType, size: file.size, inline }),
    });
  } catch (error) {
    if (error instanceof NotFoundError) return new Response("Not found", { status: 404, headers: { "X-Content-Type-Options": "nosniff" } });
    throw error;
  }
}
