// GET /admin/settings/certificates/<id>/preview.pdf: the template rendered with
// sample data, for staff, in the viewer's language.
import { getLocale } from "next-intl/server";
import { isStaff } from "@/lib/auth/actor";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { sampleFacts } from "@/lib/events/certificates/content";
import { renderCertificatePdf } from "@/lib/events/certificates/pdf";
import { certificateLayout, getCertificateTemplate } from "@/lib/events/certificates/templates";
import { NotFoundError } from "@/lib/errors";
import { downloadHeaders, getStorage } from "@/lib/storage";

const plain = { "X-Content-Type-Options": "nosniff" };

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getActor();
  if (!actor) return new Response("Unauthorized", { status: 401, headers: plain });
  if (!isStaff(actor)) return new Response("Forbidden", { status: 403, headers: plain });
  try {
    const template = await getCertificateTemplate(db, actor, (await params).id);
    const pdf = await renderCertificatePdf(await certificateLayout(db, getStorage(), template), sampleFacts(await getLocale()));
    return new Response(new Uint8Array(pdf), {
      headers: downloadHeaders({ fileName: "certificate-preview.pdf", contentType: "application/pdf", size: pdf.byteLength, inline: true }),
    });
  } catch (error) {
    if (error instanceof NotFoundError) return new Response("Not found", { status: 404, headers: plain });
    throw error;
  }
}
