import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { LocalFileStorage, S3FileStorage, storageConfigFromEnv } from "@/lib/storage";
import { runStorageContract } from "./contract";
import { createFakeS3 } from "./fake-s3";

const config = { bucket: "portico-test", endpoint: "http://minio.test:9000", region: "us-east-1", forcePathStyle: true };

runStorageContract("S3 (in-memory fake server)", async () => {
  const fake = createFakeS3(config.bucket);
  const storage = new S3FileStorage(
    { ...config, credentials: { accessKeyId: "test", secretAccessKey: "test-secret" } },
    { requestHandler: fake.requestHandler as never, maxAttempts: 1 },
  );
  return { storage };
});

describe("S3FileStorage", () => {
  it("sends path-style requests with the content type to the configured endpoint", async () => {
    const fake = createFakeS3(config.bucket);
    const storage = new S3FileStorage(
      { ...config, credentials: { accessKeyId: "test", secretAccessKey: "test-secret" } },
      { requestHandler: fake.requestHandler as never },
    );
    await storage.put("2025/01/abc", new TextEncoder().encode("hi"), "image/png");
    expect(fake.requests[0]).toMatchObject({ method: "PUT", hostname: "minio.test", path: "/portico-test/2025/01/abc" });
    expect(fake.objects.get("2025/01/abc")).toMatchObject({ contentType: "image/png" });
  });
});

describe("storage selection from the environment", () => {
  beforeEach(() => vi.resetModules());
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it("is local disk under <data dir>/uploads when STORAGE_S3_BUCKET is unset", async () => {
    vi.stubEnv("STORAGE_S3_BUCKET", "");
    vi.stubEnv("PORTICO_DATA_DIR", "/srv/portico-data");
    const { getStorage } = await import("@/lib/storage");
    const storage = getStorage();
    expect(storage).toBeInstanceOf((await import("@/lib/storage")).LocalFileStorage);
    expect((storage as LocalFileStorage).baseDir).toBe("/srv/portico-data/uploads");
    expect(getStorage()).toBe(storage); // one shared instance
  });

  it("defaults to ./data/uploads", () => {
    vi.stubEnv("PORTICO_DATA_DIR", undefined);
    expect(storageConfigFromEnv({})).toEqual({ kind: "local", baseDir: `${process.cwd()}/data/uploads` });
  });

  it("is S3 when STORAGE_S3_BUCKET is set, configured from the STORAGE_S3_* variables", async () => {
    vi.stubEnv("STORAGE_S3_BUCKET", "portico-files");
    vi.stubEnv("STORAGE_S3_ENDPOINT", "http://localhost:9000");
    vi.stubEnv("STORAGE_S3_REGION", "");
    vi.stubEnv("STORAGE_S3_ACCESS_KEY_ID", "minioadmin");
    vi.stubEnv("STORAGE_S3_SECRET_ACCESS_KEY", "minio-secret");
    vi.stubEnv("STORAGE_S3_FORCE_PATH_STYLE", "");
    const lib = await import("@/lib/storage");
    const storage = lib.getStorage() as S3FileStorage;
    expect(storage).toBeInstanceOf(lib.S3FileStorage);
    expect(storage.bucket).toBe("portico-files");
    expect(await storage.client.config.region()).toBe("us-east-1");
    expect(storage.client.config.forcePathStyle).toBe(true);
    const endpoint = await storage.client.config.endpoint!();
    expect(`${endpoint.protocol}//${endpoint.hostname}:${endpoint.port}`).toBe("http://localhost:9000");
    expect(await storage.client.config.credentials()).toMatchObject({
      accessKeyId: "minioadmin",
      secretAccessKey: "minio-secret",
    });
  });

  it("uses virtual-hosted style for AWS unless told otherwise, and the default credential chain without keys", () => {
    expect(storageConfigFromEnv({ STORAGE_S3_BUCKET: "b", STORAGE_S3_REGION: "eu-west-3" })).toEqual({
      kind: "s3",
      bucket: "b",
      endpoint: undefined,
      region: "eu-west-3",
      forcePathStyle: false,
      credentials: undefined,
    });
    const minio = { STORAGE_S3_BUCKET: "b", STORAGE_S3_ENDPOINT: "https://s3.example.com" };
    expect(storageConfigFromEnv({ ...minio, STORAGE_S3_FORCE_PATH_STYLE: "false" })).toMatchObject({ forcePathStyle: false });
    expect(storageConfigFromEnv({ STORAGE_S3_BUCKET: "b", STORAGE_S3_FORCE_PATH_STYLE: "1" })).toMatchObject({ forcePathStyle: true });
  });

  it("rejects incomplete or malformed settings with a clear message", () => {
    expect(() => storageConfigFromEnv({ STORAGE_S3_BUCKET: "b", STORAGE_S3_ACCESS_KEY_ID: "only-id" })).toThrow(/both/);
    expect(() => storageConfigFromEnv({ STORAGE_S3_BUCKET: "b", STORAGE_S3_ENDPOINT: "minio:9000" })).toThrow(/STORAGE_S3_ENDPOINT/);
    expect(() => storageConfigFromEnv({ STORAGE_S3_BUCKET: "b", STORAGE_S3_FORCE_PATH_STYLE: "yes" })).toThrow(/STORAGE_S3_FORCE_PATH_STYLE/);
  });
});
