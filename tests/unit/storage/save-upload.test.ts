import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { LocalFileStorage, saveUpload } from "@/lib/storage";
import { readBody } from "./contract";
import * as fixture from "./fixtures";

describe("saveUpload", async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), "portico-save-"));
  const storage = new LocalFileStorage(root);
  afterAll(() => rm(root, { recursive: true, force: true }));

  it("validates, stores under a random key and returns the metadata", async () => {
    const bytes = fixture.png();
    const result = await saveUpload(storage, { fileName: "../../Vacances d'été\u202E.png", bytes });
    expect(result).toEqual({
      ok: true,
      storageKey: expect.stringMatching(/^\d{4}\/\d{2}\/[0-9a-f-]{36}$/),
      fileName: "Vacances d'été.png",
      contentType: "image/png",
      size: bytes.byteLength,
    });
    if (!result.ok) return;
    expect(result.storageKey).not.toContain("Vacances");
    const stored = await storage.get(result.storageKey);
    expect(Buffer.from(await readBody(stored!))).toEqual(Buffer.from(bytes));
  });

  it("gives two uploads of the same name different keys", async () => {
    const a = await saveUpload(storage, { fileName: "a.pdf", bytes: fixture.pdf() });
    const b = await saveUpload(storage, { fileName: "a.pdf", bytes: fixture.pdf() });
    expect(a.ok && b.ok && a.storageKey !== b.storageKey).toBe(true);
  });

  it("returns the validation failure and stores nothing", async () => {
    const before = await import("node:fs/promises").then((fs) => fs.readdir(root, { recursive: true }));
    expect(await saveUpload(storage, { fileName: "evil.png", bytes: fixture.exe() })).toEqual({ ok: false, reason: "type_not_allowed" });
    expect(await saveUpload(storage, { fileName: "empty.txt", bytes: new Uint8Array() })).toEqual({ ok: false, reason: "empty" });
    const after = await import("node:fs/promises").then((fs) => fs.readdir(root, { recursive: true }));
    expect(after).toEqual(before);
  });
});
