import { randomBytes } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DecryptionError, decryptSecret, encryptSecret, isSealedWithOldKey } from "@/lib/security/encryption";

const keyA = randomBytes(32).toString("base64");
const keyB = randomBytes(32).toString("hex");

describe("encryption at rest", () => {
  beforeEach(() => {
    vi.stubEnv("AUTH_SECRET", "unit-test-auth-secret");
    vi.stubEnv("PORTICO_ENCRYPTION_KEY", keyA);
    vi.stubEnv("PORTICO_ENCRYPTION_PREVIOUS_KEYS", "");
  });
  afterEach(() => vi.unstubAllEnvs());

  it("round-trips and never stores the plaintext", () => {
    const sealed = encryptSecret("JBSWY3DPEHPK3PXP", "totp:user-1");
    expect(sealed).toMatch(/^enc:v1:[\w-]{8}:[\w-]+:[\w-]+$/);
    expect(sealed).not.toContain("JBSWY3DPEHPK3PXP");
    expect(decryptSecret(sealed, "totp:user-1")).toBe("JBSWY3DPEHPK3PXP");
  });

  it("uses a fresh IV each time", () => {
    expect(encryptSecret("same", "c")).not.toBe(encryptSecret("same", "c"));
  });

  it("refuses a value moved to another context", () => {
    const sealed = encryptSecret("secret", "totp:user-1");
    expect(() => decryptSecret(sealed, "totp:user-2")).toThrow(DecryptionError);
  });

  it("refuses an altered value", () => {
    const sealed = encryptSecret("secret", "c");
    const parts = sealed.split(":");
    const body = Buffer.from(parts[4], "base64url");
    body[0] ^= 1;
    parts[4] = body.toString("base64url");
    expect(() => decryptSecret(parts.join(":"), "c")).toThrow(DecryptionError);
    expect(() => decryptSecret("plain", "c")).toThrow(DecryptionError);
    expect(() => decryptSecret(sealed.replace(":v1:", ":v9:"), "c")).toThrow(/unknown format/);
  });

  it("reads values sealed with a previous key after rotation, and only then", () => {
    const sealedWithA = encryptSecret("secret", "c");
    expect(isSealedWithOldKey(sealedWithA)).toBe(false);

    vi.stubEnv("PORTICO_ENCRYPTION_KEY", keyB);
    expect(() => decryptSecret(sealedWithA, "c")).toThrow(/not configured/);

    vi.stubEnv("PORTICO_ENCRYPTION_PREVIOUS_KEYS", ` ${keyA} ,`);
    expect(decryptSecret(sealedWithA, "c")).toBe("secret");
    expect(isSealedWithOldKey(sealedWithA)).toBe(true);
    const resealed = encryptSecret("secret", "c");
    expect(isSealedWithOldKey(resealed)).toBe(false);
  });

  it("derives a key from AUTH_SECRET when none is configured, still readable once one is", () => {
    vi.stubEnv("PORTICO_ENCRYPTION_KEY", "");
    const sealed = encryptSecret("secret", "c");
    expect(decryptSecret(sealed, "c")).toBe("secret");

    vi.stubEnv("PORTICO_ENCRYPTION_KEY", keyA);
    expect(decryptSecret(sealed, "c")).toBe("secret");
    expect(isSealedWithOldKey(sealed)).toBe(true);

    vi.stubEnv("AUTH_SECRET", "another-secret");
    expect(() => decryptSecret(sealed, "c")).toThrow(DecryptionError);
  });

  it("rejects a malformed key", () => {
    vi.stubEnv("PORTICO_ENCRYPTION_KEY", "too-short");
    expect(() => encryptSecret("x", "c")).toThrow(/PORTICO_ENCRYPTION_KEY must be 32 random bytes/);
  });
});
