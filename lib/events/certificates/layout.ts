// A certificate template as the PDF renderer takes it, its logo read from
// storage. Kept apart from templates.ts (staff editing, which checks who may use
// an uploaded file): the daily issuing job in the standalone worker needs only this.
import type { DbOrTx } from "@/lib/db";
import type { FileStorage } from "@/lib/storage";
import type { CertificateLayout } from "./pdf";

/** The logo formats a certificate accepts, by stored content type. */
export const LOGO_TYPES: Record<string, "png" | "jpg"> = { "image/png": "png", "image/jpeg": "jpg" };

async function readAll(body: ReadableStream<Uint8Array> | Uint8Array): Promise<Buffer> {
  if (body instanceof Uint8Array) return Buffer.from(body);
  return Buffer.from(await new Response(body).arrayBuffer());
}

/** The template as the PDF renderer takes it, with its logo read from storage (a missing logo is left out). */
export async function certificateLayout(
  db: DbOrTx,
  storage: FileStorage,
  template: { title: string; body: string; signerName: string; signerRole: string; logoFileId: string | null },
): Promise<CertificateLayout> {
  const layout: CertificateLayout = {
    title: template.title,
    body: template.body,
    signerName: template.signerName,
    signerRole: template.signerRole,
    logo: null,
  };
  if (!template.logoFileId) return layout;
  const file = await db.storedFile.findUnique({ where: { id: template.logoFileId }, select: { storageKey: true, contentType: true } });
  const format = file ? LOGO_TYPES[file.contentType] : undefined;
  const object = file && format ? await storage.get(file.storageKey) : null;
  if (object && format) layout.logo = { data: await readAll(object.body), format };
  return layout;
}
