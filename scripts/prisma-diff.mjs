// Schema-to-schema SQL diff, offline. Prisma 7 has no WebAssembly schema engine,
// so this runs Prisma 6.19's CLI, kept in tools/prisma-diff with its own lockfile
// (installing it into the project would take over Prisma 7's binary).
// Usage as a module: diffSchemas(fromSchemaText | null, toSchemaText) -> SQL.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const toolDir = fileURLToPath(new URL("../tools/prisma-diff/", import.meta.url));

function ensureTool() {
  if (existsSync(path.join(toolDir, "node_modules/.bin/prisma"))) return;
  console.error("Installing the offline diff tool (tools/prisma-diff)...");
  execFileSync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: toolDir, stdio: "inherit" });
}

// Prisma 6 wants a `url` in the datasource, which Prisma 7 forbids: diff copies.
function withUrl(schema) {
  return schema
    .replace(/datasource db \{[^}]*\}/, 'datasource db {\n  provider = "postgresql"\n  url      = "postgresql://localhost/unused"\n}')
    .replace(/generator client \{[^}]*\}/, 'generator client {\n  provider = "prisma-client-js"\n}');
}

export function diffSchemas(fromSchema, toSchema) {
  ensureTool();
  const dir = mkdtempSync(path.join(tmpdir(), "portico-diff-"));
  try {
    const placeholder = path.join(dir, "no-engine");
    writeFileSync(placeholder, "");
    const to = path.join(dir, "to.prisma");
    writeFileSync(to, withUrl(toSchema));
    const args = ["migrate", "diff", "--to-schema-datamodel", to, "--script"];
    if (fromSchema == null) args.push("--from-empty");
    else {
      const from = path.join(dir, "from.prisma");
      writeFileSync(from, withUrl(fromSchema));
      args.push("--from-schema-datamodel", from);
    }
    const result = spawnSync(path.join(toolDir, "node_modules/.bin/prisma"), args, {
      cwd: toolDir,
      encoding: "utf8",
      env: {
        ...process.env,
        PORTICO_DIFF_SCHEMA: to,
        PRISMA_SCHEMA_ENGINE_BINARY: placeholder,
        PRISMA_QUERY_ENGINE_LIBRARY: placeholder,
        PRISMA_HIDE_UPDATE_MESSAGE: "1",
      },
    });
    if (result.status !== 0) throw new Error(`prisma migrate diff failed:\n${result.stderr}`);
    return result.stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
