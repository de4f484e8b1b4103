// Certificate templates (staff only): title, body with placeholders,
// signer and an optional logo (a PNG or JPEG uploaded through /api/files).
// The rendering side (certificateLayout, used by the issuing job) is in layout.ts.
import { assertStaff, type Actor } from "@/lib/auth/actor";
import type { DbOrTx } from "@/lib/db";
import { isUniqueViolation, isUuid } from "@/lib/db/query-guards";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { canReadFile } from "@/lib/files/files";
import { LOGO_TYPES } from "./layout";
import type { CertificateTemplateData } from "./schemas";

export { certificateLayout } from "./layout";

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
