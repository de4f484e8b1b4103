// GET /api/events/<slug>/artwork: the event's image, for whoever may see the event.
// Only a file uploaded as artwork is served, whatever the event points at.
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { eventArtworkFileId } from "@/lib/events/public-events";
import { FilePurpose } from "@/lib/generated/prisma/enums";
import { downloadHeaders, getStorage } from "@/lib/storage";

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const fileId = await eventArtworkFileId(db, await getActor(), slug);
  const file = fileId
    ? await db.storedFile.findFirst({
        where: { id: fileId, purpose: FilePurpose.EVENT_ARTWORK },
        select: { storageKey: true, fileName: true, contentType: true, size: true },
      })
    : null;
  const object = file ? await getStorage().get(file.storageKey) : null;
  if (!file || !object) return new Response("Not found", { status: 404, headers: { "X-Content-Type-Options": "nosniff" } });
  return new Response(object.body as BodyInit, {
    headers: downloadHeaders({ fileName: file.fileName, contentType: file.contentType, size: file.size, inline: true }),
  });
}
