// npm run db:migration -- <name>
// Writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL that
// takes the schema as it was at the last committed migration to the current
// prisma/schema.prisma, offline (docs/migrations.md).
// The drift test (tests/integration/migrations-drift.test.ts) checks the result.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { diffSchemas } from "./prisma-diff.mjs";

const name = (process.argv[2] ?? "")
  .toLowerCase()
  .replace(/[^a-z0-9]+/g, "_")
  .replace(/^_|_$/g, "");
if (!name) {
  console.error("Usage: npm run db:migration -- <name>   (for example: add_events)");
  process.exit(2);
}

const migrationsDir = "prisma/migrations";
const hasMigrations = existsSync(migrationsDir) && readdirSync(migrationsDir).some((d) => /^\d{14}_/.test(d));

// The schema the existing migrations produce: the schema.prisma committed with
// the most recent change to prisma/migrations (or --from <file>).
function previousSchema() {
  const fromFlag = process.argv.indexOf("--from");
  if (fromFlag > 0) return readFileSync(process.argv[fromFlag + 1], "utf8");
  if (!hasMigrations) return null;
  const commit = execFileSync("git", ["log", "-1", "--format=%H", "--", migrationsDir], { encoding: "utf8" }).trim();
  if (!commit) {
    console.error("The existing migrations are not committed yet: commit them with the schema, or pass --from <old schema file>.");
    process.exit(2);
  }
  return execFileSync("git", ["show", `${commit}:prisma/schema.prisma`], { encoding: "utf8" });
}

const sql = diffSchemas(previousSchema(), readFileSync("prisma/schema.prisma", "utf8"))
  // Every PostgreSQL database already has the public schema.
  .replace(/-- CreateSchema\nCREATE SCHEMA IF NOT EXISTS "public";\n\n/, "");
if (!sql.trim() || /^-- This is an empty migration\.\s*$/.test(sql.trim())) {
  console.log("schema.prisma matches the migrations: nothing to write.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = `${migrationsDir}/${stamp}_${name}`;
mkdirSync(dir, { recursive: true });
writeFileSync(`${dir}/migration.sql`, sql);
console.log(`Wrote ${dir}/migration.sql. Review it, then run: npm run db:migrate`);
