// The behaviour every FileStorage backend must have. Run it against a backend with
// runStorageContract(name, makeStorage): local disk, the fake S3 server, or a real bucket.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InvalidStorageKeyError, newStorageKey, type FileStorage, type StoredObject } from "@/lib/storage";

export interface StorageUnderTest {
  storage: FileStorage;
  cleanup?: () => Promise<void>;
}

export async function readBody(object: StoredObject): Promise<Uint8Array> {
  if (object.body instanceof Uint8Array) return object.body;
  return new Uint8Array(await new Response(object.body).arrayBuffer());
}

export const TRAVERSAL_KEYS = [
  "../escape",
  "a/../../escape",
  "2025/01/../../../etc/passwd",
  "/etc/passwd",
  "..\\escape",
  "a\\..\\..\\escape",
  "./a",
  "a//b",
  "a/",
  "",
  ".hidden",
  "a/%2e%2e/b",
  "a/b\0c",
];

export function runStorageContract(name: string, makeStorage: () => Promise<StorageUnderTest>) {
  describe(`FileStorage contract: ${name}`, () => {
    let subject: StorageUnderTest;
    const storage = () => subject.storage;
    beforeAll(async () => {
      subject = await makeStorage();
    });
    afterAll(async () => {
      await subject?.cleanup?.();
    });

    it("puts and gets back the same bytes, with the size", async () => {
      const key = newStorageKey();
      const bytes = new Uint8Array(256).map((_, i) => i); // every byte value
      await storage().put(key, bytes, "application/octet-stream");
      const object = await storage().get(key);
      expect(object).not.toBeNull();
      expect(object!.size).toBe(256);
      expect(Buffer.from(await readBody(object!))).toEqual(Buffer.from(bytes));
      await storage().delete(key);
    });

    it("overwrites an existing key", async () => {
      const key = newStorageKey();
      await storage().put(key, new TextEncoder().encode("first version"), "text/plain");
      await storage().put(key, new TextEncoder().encode("second"), "text/plain");
      const object = await storage().get(key);
      expect(new TextDecoder().decode(await readBody(object!))).toBe("second");
      expect(object!.size).toBe(6);
      await storage().delete(key);
    });

    it("returns null and exists() false for a missing key", async () => {
      const key = newStorageKey();
      expect(await storage().get(key)).toBeNull();
      expect(await storage().exists(key)).toBe(false);
    });

    it("deletes, and deleting a missing key is not an error", async () => {
      const key = newStorageKey();
      await storage().put(key, new Uint8Array([1, 2, 3]), "application/octet-stream");
      expect(await storage().exists(key)).toBe(true);
      await storage().delete(key);
      expect(await storage().exists(key)).toBe(false);
      expect(await storage().get(key)).toBeNull();
      await expect(storage().delete(key)).resolves.toBeUndefined();
    });

    it("refuses path traversal and malformed keys in every operation", async () => {
      for (const key of TRAVERSAL_KEYS) {
        await expect(storage().put(key, new Uint8Array([1]), "text/plain"), key).rejects.toBeInstanceOf(InvalidStorageKeyError);
        await expect(storage().get(key), key).rejects.toBeInstanceOf(InvalidStorageKeyError);
        await expect(storage().exists(key), key).rejects.toBeInstanceOf(InvalidStorageKeyError);
        await expect(storage().delete(key), key).rejects.toBeInstanceOf(InvalidStorageKeyError);
      }
    });
  });
}
