// AUTH_SECRET comes from the environment. Only for the embedded default is one
// generated, once, into ./data (never committed) so a first run needs no setup.
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { dataDirectory, resolveDatabaseTarget } from "@/lib/db/connection";

export function authSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  if (resolveDatabaseTarget().kind !== "pglite") {
    throw new Error("AUTH_SECRET must be set when DATABASE_URL points at PostgreSQL (generate one with: openssl rand -base64 32).");
  }
  const file = path.join(dataDirectory(), "auth-secret");
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(path.dirname(file), { recursive: true });
    const secret = randomBytes(32).toString("base64url");
    writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
    return secret;
  }
}
