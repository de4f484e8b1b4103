// GET /api/certificates/by-token/<token>: a public registrant's PDF, by the
// token of their private link (only its hash is stored).
import { db } from "@/lib/db";
import { openCertificateByToken } from "@/lib/events/certificates/access";
import { NotFoundError } from "@/lib/errors";
import { downloadHeaders, getStorage } from "@/lib/storage";

const plain = { "X-Content-Type-Options": "nosniff" };

export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  try {
    const file = await openCertificateByToken(db, getStorage(), (await params).token);
    return new Response(file.object.body as BodyInit, {
      headers: { ...downloadHeaders({ fileName: file.fileName, contentType: "application/pdf", size: file.object.size }), "Referrer-Policy": "no-referrer" },
    });
  } catch (error) {
    if (error instanceof NotFoundError) return new Response("Not found", { status: 404, headers: plain });
    throw error;
  }
}
