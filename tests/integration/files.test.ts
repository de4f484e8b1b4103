// Files: the upload limits hold on the server and a file is handed out only to
// its uploader or staff; for anyone else it does not exist.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { openFile, uploadFile } from "@/lib/files/files";
import { LocalFileStorage } from "@/lib/storage";
import { seed } from "@/prisma/seed";
import { withTestDatabase } from "../helpers/db-test";

const t = withTestDatabase();
let dir: string;
let storage: LocalFileStorage;
const actors: Record<string, Actor> = {};
// A real (tiny) PDF.
const pdf = new TextEncoder().encode(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

async function actor(email: string) {
  const user = await t.prisma.user.findUniqueOrThrow({ where: { email } });
  return (await loadActor(t.prisma, user.id))!;
}

beforeAll(async () => {
  await seed(t);
  dir = mkdtempSync(path.join(tmpdir(), "portico-files-"));
  storage = new LocalFileStorage(dir);
  for (const who of ["company", "person", "staff1"]) actors[who] = await actor(`${who}@portico.test`);
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
});

async function read(body: ReadableStream<Uint8Array> | Uint8Array) {
  return body instanceof Uint8Array ? body : new Uint8Array(await new Response(body).arrayBuffer());
}

describe("files", () => {
  it("stores a valid upload and gives it back to its owner and to staff", async () => {
    const saved = await uploadFile(t.prisma, storage, actors.company, { fileName: "Relatório Março.pdf", bytes: pdf });
    expect(saved).toMatchObject({ fileName: "Relatório Março.pdf", contentType: "application/pdf", size: pdf.length });
    for (const who of [actors.company, actors.staff1]) {
      const file = await openFile(t.prisma, storage, who, saved.id);
      expect(await read(file.object.body)).toEqual(pdf);
    }
  });

  it("refuses another client's download as if the file did not exist", async () => {
    const saved = await uploadFile(t.prisma, storage, actors.company, { fileName: "private.pdf", bytes: pdf });
    await expect(openFile(t.prisma, storage, actors.person, saved.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(openFile(t.prisma, storage, actors.person, "not-a-uuid")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("refuses an oversized file and a disguised type, storing nothing", async () => {
    const before = await t.prisma.storedFile.count();
    process.env.UPLOAD_MAX_BYTES = "100";
    try {
      await expect(uploadFile(t.prisma, storage, actors.company, { fileName: "big.pdf", bytes: new Uint8Array(101).fill(65) })).rejects.toMatchObject({
        key: "files.errors.too_large",
      });
    } finally {
      delete process.env.UPLOAD_MAX_BYTES;
    }
    const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff, 0x00, 0x00, ...new Array(120).fill(0)]);
    await expect(uploadFile(t.prisma, storage, actors.company, { fileName: "photo.png", bytes: exe })).rejects.toBeInstanceOf(ValidationError);
    expect(await t.prisma.storedFile.count()).toBe(before);
  });
});
