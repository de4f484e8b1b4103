// Local-disk storage under one base directory (default ./data/uploads). Keys must pass
// the strict key check and must resolve inside the base directory: traversal is refused.
import { randomUUID } from "node:crypto";
import { mkdir, open, rename, stat, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { assertValidStorageKey, InvalidStorageKeyError } from "./keys";
import type { FileStorage, StoredObject } from "./types";

const MISSING = new Set(["ENOENT", "ENOTDIR"]);

function isMissing(error: unknown): boolean {
  return MISSING.has((error as NodeJS.ErrnoException)?.code ?? "");
}

export class LocalFileStorage implements FileStorage {
  readonly baseDir: string;

  constructor(baseDir: string) {
    this.baseDir = path.resolve(baseDir);
  }

  /** The absolute path for `key`, refusing anything that would land outside baseDir. */
  pathFor(key: string): string {
    assertValidStorageKey(key);
    const full = path.resolve(this.baseDir, ...key.split("/"));
    const relative = path.relative(this.baseDir, full);
    if (!relative || relative.startsWith("..") || path.isAbsolute(relative)) {
      throw new InvalidStorageKeyError(key);
    }
    return full;
  }

  // The content type is not kept on disk: the database row that owns the key holds it.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- part of the FileStorage signature
  async put(key: string, body: Uint8Array, contentType?: string): Promise<void> {
    const file = this.pathFor(key);
    await mkdir(path.dirname(file), { recursive: true });
    // Write beside the target then rename, so readers never see a half-written file.
    const temporary = `${file}.${randomUUID()}.partial`;
    try {
      await writeFile(temporary, body, { flag: "wx" });
      await rename(temporary, file);
    } catch (error) {
      await unlink(temporary).catch(() => {});
      throw error;
    }
  }

  async get(key: string): Promise<StoredObject | null> {
    const file = this.pathFor(key);
    let handle;
    try {
      handle = await open(file, "r");
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
    try {
      const info = await handle.stat();
      if (!info.isFile()) {
        await handle.close();
        return null;
      }
      // autoClose (the default) closes the handle when the stream ends or is cancelled.
      const stream = Readable.toWeb(handle.createReadStream()) as unknown as ReadableStream<Uint8Array>;
      return { body: stream, size: info.size };
    } catch (error) {
      await handle.close().catch(() => {});
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    try {
      await unlink(this.pathFor(key));
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
  }

  async exists(key: string): Promise<boolean> {
    try {
      return (await stat(this.pathFor(key))).isFile();
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }
}
