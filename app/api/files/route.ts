// POST /api/files: one file (multipart field "file") for the signed-in user;
// the optional field "purpose" ("eventArtwork" for an event's image, staff only)
// fixes what the file may be used for.
import { uploadFile, maxUploadRequestBytes, uploadPurpose } from "@/lib/files/files";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { getStorage } from "@/lib/storage";

export async function POST(request: Request) {
  const actor = await getActor();
  if (!actor) return Response.json({ error: "unauthorized" }, { status: 401 });
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > maxUploadRequestBytes()) return Response.json({ error: "files.errors.too_large" }, { status: 413 });
  const form = await request.formData().catch(() => null);
  const file = form?.get("file");
  if (!(file instanceof File)) return Response.json({ error: "validation.required" }, { status: 400 });
  const purpose = uploadPurpose(form?.get("purpose"));
  if (!purpose) return Response.json({ error: "validation.invalid" }, { status: 400 });
  try {
    const saved = await uploadFile(db, getStorage(), actor, { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()), purpose });
    return Response.json(saved, { status: 201 });
  } catch (error) {
    if (error instanceof ForbiddenError) return Response.json({ error: error.key }, { status: 403 });
    if (error instanceof ValidationError) return Response.json({ error: error.key }, { status: error.key.endsWith("too_large") ? 413 : 415 });
    throw error;
  }
}
