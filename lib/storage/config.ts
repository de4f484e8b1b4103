// Which storage backend to use, from the environment: S3/MinIO when STORAGE_S3_BUCKET is
// set, otherwise local disk under <data dir>/uploads (./data/uploads by default).
import path from "node:path";
import { z } from "zod";
import { dataDirectory } from "../db/connection";
import type { S3StorageConfig } from "./s3";

export type StorageConfig = { kind: "local"; baseDir: string } | ({ kind: "s3" } & S3StorageConfig);

// An empty variable (`STORAGE_S3_ENDPOINT=` in a .env file) counts as unset.
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

const s3Env = z.object({
  STORAGE_S3_BUCKET: z.string().min(1),
  STORAGE_S3_ENDPOINT: optional(z.url({ protocol: /^https?$/ })),
  STORAGE_S3_REGION: optional(z.string().min(1)),
  STORAGE_S3_ACCESS_KEY_ID: optional(z.string().min(1)),
  STORAGE_S3_SECRET_ACCESS_KEY: optional(z.string().min(1)),
  STORAGE_S3_FORCE_PATH_STYLE: optional(z.enum(["true", "false", "1", "0"])),
});

/** `env` holds the STORAGE_S3_* variables; the local directory always follows dataDirectory(). */
export function storageConfigFromEnv(env: Record<string, string | undefined> = process.env): StorageConfig {
  if (!env.STORAGE_S3_BUCKET) return { kind: "local", baseDir: path.join(dataDirectory(), "uploads") };

  const parsed = s3Env.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid S3 storage settings: ${problems.join("; ")}`);
  }
  const v = parsed.data;
  if (Boolean(v.STORAGE_S3_ACCESS_KEY_ID) !== Boolean(v.STORAGE_S3_SECRET_ACCESS_KEY)) {
    throw new Error("Set both STORAGE_S3_ACCESS_KEY_ID and STORAGE_S3_SECRET_ACCESS_KEY, or neither");
  }
  const pathStyle = v.STORAGE_S3_FORCE_PATH_STYLE;
  return {
    kind: "s3",
    bucket: v.STORAGE_S3_BUCKET,
    endpoint: v.STORAGE_S3_ENDPOINT,
    region: v.STORAGE_S3_REGION ?? "us-east-1",
    // MinIO and most self-hosted servers need path-style URLs; AWS prefers virtual-hosted.
    forcePathStyle: pathStyle === undefined ? Boolean(v.STORAGE_S3_ENDPOINT) : pathStyle === "true" || pathStyle === "1",
    credentials:
      v.STORAGE_S3_ACCESS_KEY_ID && v.STORAGE_S3_SECRET_ACCESS_KEY
        ? { accessKeyId: v.STORAGE_S3_ACCESS_KEY_ID, secretAccessKey: v.STORAGE_S3_SECRET_ACCESS_KEY }
        : undefined,
  };
}
