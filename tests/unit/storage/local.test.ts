import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LocalFileStorage, newStorageKey } from "@/lib/storage";
import { readBody, runStorageContract, TRAVERSAL_KEYS } from "./contract";

async function tempStorage() {
  const root = await mkdtemp(path.join(os.tmpdir(), "portico-storage-"));
  const baseDir = path.join(root, "uploads");
  return { root, baseDir, storage: new LocalFileStorage(baseDir), cleanup: () => rm(root, { recursive: true, force: true }) };
}

runStorageContract("local disk", tempStorage);

describe("LocalFileStorage", () => {
  it("writes keys as nested files under the base directory, leaving no temporary files", async () => {
    const { baseDir, storage, cleanup } = await tempStorage();
    const key = newStorageKey(new Date(Date.UTC(2025, 2, 9)));
    expect(key).toMatch(/^2025\/03\/[0-9a-f-]{36}$/);
    await storage.put(key, new TextEncoder().encode("hello"), "text/plain");
    expect(await readFile(path.join(baseDir, "2025", "03", key.split("/")[2]), "utf8")).toBe("hello");
    expect(await readdir(path.join(baseDir, "2025", "03"))).toEqual([key.split("/")[2]]);
    await cleanup();
  });

  it("never touches files outside the base directory", async () => {
    const { root, storage, cleanup } = await tempStorage();
    const outside = path.join(root, "escape");
    await writeFile(outside, "secret");
    for (const key of TRAVERSAL_KEYS) {
      await storage.put(key, new TextEncoder().encode("overwritten"), "text/plain").catch(() => {});
      await storage.delete(key).catch(() => {});
    }
    expect(await readFile(outside, "utf8")).toBe("secret");
    expect(await readdir(root)).toEqual(["escape"]); // nothing was written, not even the uploads dir
    await cleanup();
  });

  it("treats a directory key as missing", async () => {
    const { storage, cleanup } = await tempStorage();
    await storage.put("2025/01/file", new Uint8Array([1]), "application/octet-stream");
    expect(await storage.get("2025/01")).toBeNull();
    expect(await storage.exists("2025/01")).toBe(false);
    expect(await storage.get("2025/01/file/below")).toBeNull(); // ENOTDIR
    const object = await storage.get("2025/01/file");
    expect(Array.from(await readBody(object!))).toEqual([1]);
    await cleanup();
  });
});
