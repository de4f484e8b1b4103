// GET /api/certificates/<id>: the PDF for the registration's portal user or staff.
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { openCertificate } from "@/lib/events/certificates/access";
import { NotFoundError } from "@/lib/errors";
import { downloadHeaders, getStorage } from "@/lib/storage";

const plain = { "X-Content-Type-Options": "nosniff" };

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getActor();
  if (!actor) return new Response("Unauthorized", { status: 401, headers: plain });
  try {
    const file = await openCertificate(db, getStorage(), actor, (await params).id);
    return new Response(file.object.body as BodyInit, {
      headers: downloadHeaders({ fileName: file.fileName, contentType: "application/pdf", size: file.object.size }),
    });
  } catch (error) {
    if (error instanceof NotFoundError) return new Response("Not found", { status: 404, headers: plain });
    throw error;
  }
}
