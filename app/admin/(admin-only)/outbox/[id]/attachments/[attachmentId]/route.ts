// GET /admin/outbox/<id>/attachments/<attachmentId>: a file sent with an e-mail,
// for admins only (the outbox is admin-only; certificates carry personal data).
import { isAdmin } from "@/lib/auth/actor";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { getEmailAttachment } from "@/lib/email";
import { downloadHeaders } from "@/lib/storage";

const plain = { "X-Content-Type-Options": "nosniff" };

export async function GET(_request: Request, { params }: { params: Promise<{ id: string; attachmentId: string }> }) {
  const actor = await getActor();
  if (!actor) return new Response("Unauthorized", { status: 401, headers: plain });
  if (!isAdmin(actor)) return new Response("Forbidden", { status: 403, headers: plain });
  const { id, attachmentId } = await params;
  const file = await getEmailAttachment(db, id, attachmentId);
  if (!file) return new Response("Not found", { status: 404, headers: plain });
  return new Response(new Uint8Array(file.content), {
    headers: downloadHeaders({ fileName: file.fileName, contentType: file.contentType, size: file.content.byteLength }),
  });
}
