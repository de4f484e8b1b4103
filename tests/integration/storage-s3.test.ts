// The storage contract against a real S3/MinIO bucket. Opt-in, because it writes (and then
// deletes) objects: STORAGE_TEST_S3=1 plus the usual STORAGE_S3_* variables, e.g.
//   STORAGE_TEST_S3=1 STORAGE_S3_BUCKET=portico-test STORAGE_S3_ENDPOINT=http://localhost:9000 \
//   STORAGE_S3_ACCESS_KEY_ID=minioadmin STORAGE_S3_SECRET_ACCESS_KEY=minioadmin npx vitest run tests/integration/storage-s3.test.ts
import { describe, it } from "vitest";
import { createStorage, storageConfigFromEnv } from "@/lib/storage";
import { runStorageContract } from "../unit/storage/contract";

if (process.env.STORAGE_TEST_S3 === "1") {
  runStorageContract("S3 (real bucket from STORAGE_S3_*)", async () => {
    const config = storageConfigFromEnv();
    if (config.kind !== "s3") throw new Error("STORAGE_TEST_S3=1 needs STORAGE_S3_BUCKET");
    return { storage: createStorage(config) };
  });
} else {
  describe("FileStorage contract: real S3", () => {
    it.skip("set STORAGE_TEST_S3=1 and STORAGE_S3_* to run against a bucket", () => {});
  });
}
