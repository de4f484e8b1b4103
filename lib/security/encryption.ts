// Secrets Portico must read back later (second-factor seeds, identity
// providers' client secrets) are stored encrypted, so a copy of the database
// or a backup alone does not give them away. AES-256-GCM authenticates as well
// as hides: a changed or swapped value fails to decrypt instead of yielding
// garbage.
//
// Stored form: "enc:v1:<key id>:<iv>:<ciphertext and tag>" (base64url parts).
// The key id is a short fingerprint of the key, so a value names the key that
// sealed it: keys can rotate (the new one in PORTICO_ENCRYPTION_KEY, the old
// ones in PORTICO_ENCRYPTION_PREVIOUS_KEYS) and old values stay readable until
// rewritten. The "v1" leaves room for another algorithm later.
//
// Each value is bound to a context (for example "totp:<user id>"), passed as
// additional authenticated data: a value copied into another row or another
// purpose does not decrypt there.
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";
import { authSecret } from "@/lib/auth/secret";

const PREFIX = "enc";
const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

type Key = { id: string; bytes: Buffer };

function keyId(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("base64url").slice(0, 8);
}

function toKey(bytes: Buffer): Key {
  return { id: keyId(bytes), bytes };
}

// A configured key is 32 bytes written as base64 / base64url (openssl rand
// -base64 32) or as 64 hex digits.
function parseKey(value: string, variable: string): Key {
  const text = value.trim();
  const bytes = /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, "hex") : Buffer.from(text, "base64");
  if (bytes.length !== 32) {
    throw new Error(`${variable} must be 32 random bytes in base64 or hex (generate one with: openssl rand -base64 32).`);
  }
  return toKey(bytes);
}

// Without a configured key, one is derived from the session secret: a first run
// needs no setup, and the embedded database's generated secret lives beside
// the data it protects. Setting PORTICO_ENCRYPTION_KEY later keeps values
// sealed with the derived key readable (it stays in the key ring).
function derivedKey(): Key | null {
  try {
    const secret = authSecret();
    return toKey(Buffer.from(hkdfSync("sha256", secret, "portico", "portico-encryption-at-rest-v1", 32)));
  } catch {
    // PostgreSQL without AUTH_SECRET: no derived key; a configured key still works.
    return null;
  }
}

type KeyRing = { current: Key; all: Map<string, Key> };

function loadKeyRing(): KeyRing {
  const configured = process.env.PORTICO_ENCRYPTION_KEY?.trim();
  const derived = derivedKey();
  const current = configured ? parseKey(configured, "PORTICO_ENCRYPTION_KEY") : derived;
  if (!current) {
    throw new Error("PORTICO_ENCRYPTION_KEY (or AUTH_SECRET) must be set to store secrets encrypted.");
  }
  const all = new Map<string, Key>([[current.id, current]]);
  const previous = (process.env.PORTICO_ENCRYPTION_PREVIOUS_KEYS ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  for (const value of previous) {
    const key = parseKey(value, "PORTICO_ENCRYPTION_PREVIOUS_KEYS");
    if (!all.has(key.id)) all.set(key.id, key);
  }
  if (derived && !all.has(derived.id)) all.set(derived.id, derived);
  return { current, all };
}

// Read per call: tests and key rotation change the environment; the cost is a
// hash and an HKDF, small next to the database round trip around every use.
export function encryptSecret(plaintext: string, context: string): string {
  const { current } = loadKeyRing();
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", current.bytes, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(context, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return [PREFIX, VERSION, current.id, iv.toString("base64url"), body.toString("base64url")].join(":");
}

export class DecryptionError extends Error {
  constructor(reason: string) {
    super(`Cannot decrypt a stored secret: ${reason}`);
    this.name = "DecryptionError";
  }
}

export function decryptSecret(stored: string, context: string): string {
  const parts = stored.split(":");
  if (parts.length !== 5 || parts[0] !== PREFIX) throw new DecryptionError("not an encrypted value");
  const [, version, id, ivText, bodyText] = parts;
  if (version !== VERSION) throw new DecryptionError(`unknown format ${version}`);
  const key = loadKeyRing().all.get(id);
  if (!key) {
    throw new DecryptionError(`key ${id} is not configured (add it to PORTICO_ENCRYPTION_PREVIOUS_KEYS)`);
  }
  const iv = Buffer.from(ivText, "base64url");
  const body = Buffer.from(bodyText, "base64url");
  if (iv.length !== IV_BYTES || body.length < TAG_BYTES) throw new DecryptionError("truncated value");
  const decipher = createDecipheriv("aes-256-gcm", key.bytes, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(context, "utf8"));
  decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]).toString("utf8");
  } catch {
    throw new DecryptionError("the value was altered or belongs elsewhere");
  }
}

// True when a value was sealed with a key other than the current one: callers
// that read it may write it back re-encrypted, so old keys can be retired.
export function isSealedWithOldKey(stored: string): boolean {
  const id = stored.split(":")[2];
  return id !== loadKeyRing().current.id;
}
