// POST /api/files: one file (multipart field "file") for the signed-in user;
// the optional field "purpose" ("eventArtwork" for an event's image, staff only)
// fixes what the file may be used for.
import { uploadFile, maxUploadRequestBytes, uploadPurpose } from "@/lib/files/files";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { payloadTooLarge, readFormData } from "@/lib/http/read-body";
import { refuseCrossSite } from "@/lib/security/same-origin";
import { getStorage } from "@/lib/storage";

export async function POST(request: Request) {
  const crossSite = refuseCrossSite(request);
  if (crossSite) return crossSite;
  const actor = await getActor();
  if (!actor) return Response.json({ error: "unauthorized" }, { status: 401 });
  // Read no further than one file's limit plus the multipart framing, chunked or not.
  const read = await readFormData(request, maxUploadRequestBytes());
  if (!read.ok && read.reason === "tooLarge") return payloadTooLarge("files.errors.too_large");
  const form = read.ok ? read.form : null;
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
