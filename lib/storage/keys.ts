// Storage keys: generated here as `yyyy/mm/<uuid>` and never built from user file names;
// every backend checks keys against one strict shape, which rules out path traversal.
import { randomUUID } from "node:crypto";

export class InvalidStorageKeyError extends Error {
  constructor(key: string) {
    super(`Invalid storage key: ${JSON.stringify(key.slice(0, 100))}`);
    this.name = "InvalidStorageKeyError";
  }
}

// Segments start with a letter or digit (so no ".", "..", hidden files) and hold only
// [A-Za-z0-9._-]; no leading slash, no backslash, no empty segment.
const SEGMENT = "[A-Za-z0-9][A-Za-z0-9._-]*";
const KEY_PATTERN = new RegExp(`^${SEGMENT}(?:/${SEGMENT})*$`);
const MAX_KEY_LENGTH = 512;

export function isValidStorageKey(key: string): boolean {
  return typeof key === "string" && key.length <= MAX_KEY_LENGTH && KEY_PATTERN.test(key);
}

export function assertValidStorageKey(key: string): void {
  if (!isValidStorageKey(key)) throw new InvalidStorageKeyError(String(key));
}

/** A fresh random key, `yyyy/mm/<uuid>` (UTC), e.g. `2025/03/0f8e…`. */
export function newStorageKey(now: Date = new Date()): string {
  const year = String(now.getUTCFullYear());
  const month = String(now.getUTCMonth() + 1).padStart(2, "0");
  return `${year}/${month}/${randomUUID()}`;
}
