// An in-memory FileStorage for tests that store files (certificates).
import type { FileStorage, StoredObject } from "@/lib/storage";

export class MemoryStorage implements FileStorage {
  readonly objects = new Map<string, { body: Uint8Array; contentType: string }>();
  async put(key: string, body: Uint8Array, contentType: string) {
    this.objects.set(key, { body: new Uint8Array(body), contentType });
  }
  async get(key: string): Promise<StoredObject | null> {
    const o = this.objects.get(key);
    return o ? { body: o.body, size: o.body.byteLength } : null;
  }
  async delete(key: string) {
    this.objects.delete(key);
  }
  async exists(key: string) {
    return this.objects.has(key);
  }
}
