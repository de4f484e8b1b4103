// Certificate templates (staff; issue 3 item 8): title, body with placeholders,
// signer and an optional logo (a PNG or JPEG uploaded through /api/files).
// No "server-only" marker: the standalone worker (tsx lib/jobs/worker-main.ts) imports this.
import { assertStaff, type Actor } from "@/lib/auth/actor";
import type { DbOrTx } from "@/lib/db";
import { isUniqueViolation, isUuid } from "@/lib/db/query-guards";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { canReadFile } from "@/lib/files/files";
import type { FileStorage } from "@/lib/storage";
import type { CertificateLayout } from "./pdf";
import type { CertificateTemplateData } from "./schemas";

const LOGO_TYPES: Record<string, "png" | "jpg"> = { "image/png": "png", "image/jpeg": "jpg" };

const templateSelect = { id: true, name: true, title: true, body: true, signerName: true, signerRole: true, logoFileId: true, active: true } as const;

export async function listCertificateTemplates(db: DbOrTx, actor: Actor) {
  assertStaff(actor);
  return db.certificateTemplate.findMany({
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, title: true, active: true, _count: { select: { events: true } } },
  });
}

export async function getCertificateTemplate(db: DbOrTx, actor: Actor, id: string) {
  assertStaff(actor);
  const template = isUuid(id) ? await db.certificateTemplate.findUnique({ where: { id }, select: templateSelect }) : null;
  if (!template) throw new NotFoundError("common.notFound");
  return template;
}

async function checkLogo(db: DbOrTx, actor: Actor, fileId: string | undefined, current: string | null | undefined) {
  if (!fileId || fileId === current) return;
  const file = isUuid(fileId) ? await db.storedFile.findUnique({ where: { id: fileId }, select: { id: true, ownerId: true, contentType: true } }) : null;
  if (!file || !canReadFile(actor, file)) throw new ValidationError({ logoFileId: "validation.invalid" });
  if (!LOGO_TYPES[file.contentType]) throw new ValidationError({ logoFileId: "certificates.errors.logoType" });
}

/** Creates (no id) or updates a template. */
export async function saveCertificateTemplate(db: DbOrTx, actor: Actor, id: string | undefined, input: CertificateTemplateData): Promise<{ id: string }> {
  assertStaff(actor);
  if (id !== undefined && !isUuid(id)) throw new NotFoundError("common.notFound");
  const current = id ? await db.certificateTemplate.findUnique({ where: { id }, select: { logoFileId: true } }) : null;
  if (id && !current) throw new NotFoundError("common.notFound");
  await checkLogo(db, actor, input.logoFileId, current?.logoFileId);
  const data = { ...input, logoFileId: input.logoFileId ?? null };
  try {
    if (id === undefined) return await db.certificateTemplate.create({ data, select: { id: true } });
    const { count } = await db.certificateTemplate.updateMany({ where: { id }, data });
    if (count === 0) throw new NotFoundError("common.notFound");
    return { id };
  } catch (error) {
    throw isUniqueViolation(error) ? new ValidationError({ name: "validation.nameTaken" }) : error;
  }
}

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
  const layout: CertificateLayout = { title: template.title, body: template.body, signerName: template.signerName, signerRole: template.signerRole, logo: null };
  if (!template.logoFileId) return layout;
  const file = await db.storedFile.findUnique({ where: { id: template.logoFileId }, select: { storageKey: true, contentType: true } });
  const format = file ? LOGO_TYPES[file.contentType] : undefined;
  const object = file && format ? await storage.get(file.storageKey) : null;
  if (object && format) layout.logo = { data: await readAll(object.body), format };
  return layout;
}

/** Choices for the event form's template select: active ones, plus the event's current one. */
export async function certificateTemplateOptions(db: DbOrTx, currentId?: string | null) {
  return db.certificateTemplate.findMany({
    where: { OR: [{ active: true }, ...(currentId ? [{ id: currentId }] : [])] },
    select: { id: true, name: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
}
