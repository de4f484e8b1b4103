// Pins: the committed migrations build exactly the database prisma/schema.prisma
// describes, whatever wrote them. One fresh database is built by replaying
// prisma/migrations, another from the schema's full DDL (Prisma's
// `migrate diff --from-empty`), and their catalogs of the public schema must
// match: relations, columns (types, nullability, defaults), enums (values in
// order), indexes and constraints. A failure prints the lines that differ.
// Fix drift with `npm run db:migration -- <name>`, never by editing an applied migration.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SqlSession } from "@/lib/db/sql-driver";
import { diffSchemas } from "@/scripts/prisma-diff.mjs";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-db";

// Each query returns one line per object; the lines are compared as sorted sets.
// Column order is left out on purpose: a column added by a later migration
// comes last in the table, where the schema's DDL may place it elsewhere.
const CATALOG_QUERIES = {
  relations: `
    SELECT c.relkind::text || ' ' || c.relname AS line
      FROM pg_class c
     WHERE c.relnamespace = 'public'::regnamespace
       AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')`,
  columns: `
    SELECT c.table_name || '.' || c.column_name
           || ' type=' || format_type(a.atttypid, a.atttypmod)
           || ' data_type=' || c.data_type || ' udt=' || c.udt_name
           || CASE WHEN c.is_nullable = 'YES' THEN ' NULL' ELSE ' NOT NULL' END
           || ' default=' || coalesce(c.column_default, '(none)')
           || CASE WHEN c.is_identity = 'YES' THEN ' identity=' || c.identity_generation ELSE '' END
           || CASE WHEN c.is_generated <> 'NEVER' THEN ' generated=' || coalesce(c.generation_expression, '') ELSE '' END
           AS line
      FROM information_schema.columns c
      JOIN pg_attribute a
        ON a.attrelid = format('%I.%I', c.table_schema, c.table_name)::regclass AND a.attname = c.column_name
     WHERE c.table_schema = 'public'`,
  // Value order matters to PostgreSQL (ORDER BY, < and >), but Prisma's diff
  // ignores it: a new value is appended (ADD VALUE without BEFORE) and a reorder
  // produces no SQL. Add new values last, or edit the migration to
  // `ALTER TYPE "T" ADD VALUE 'X' BEFORE 'Y'`.
  enums: `
    SELECT t.typname || ': ' || string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder) AS line
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
     WHERE t.typnamespace = 'public'::regnamespace
     GROUP BY t.typname`,
  indexes: `
    SELECT indexname || ': ' || indexdef AS line
      FROM pg_indexes
     WHERE schemaname = 'public'`,
  constraints: `
    SELECT conrelid::regclass::text || '.' || conname || ' (' || contype::text || '): ' || pg_get_constraintdef(oid) AS line
      FROM pg_constraint
     WHERE connamespace = 'public'::regnamespace`,
} as const;

type Category = keyof typeof CATALOG_QUERIES;
type Catalog = Record<Category, string[]>;

// The runner's own bookkeeping is not part of the schema.
const isBookkeeping = (line: string) => line.includes("_prisma_migrations");

async function readCatalog(sql: SqlSession): Promise<Catalog> {
  const catalog = {} as Catalog;
  for (const [category, query] of Object.entries(CATALOG_QUERIES) as [Category, string][]) {
    const rows = await sql.query<{ line: string }>(query);
    catalog[category] = rows
      .map((r) => r.line)
      .filter((line) => !isBookkeeping(line))
      .sort();
  }
  return catalog;
}

describe("migrations vs schema.prisma", () => {
  let fromMigrations: TestDatabase;
  let fromSchema: TestDatabase;
  let migrated: Catalog;
  let declared: Catalog;

  beforeAll(async () => {
    // May install the diff tool first (tools/prisma-diff): hence the long timeout.
    const schemaText = readFileSync(path.resolve("prisma/schema.prisma"), "utf8");
    const ddl = diffSchemas(null, schemaText);
    fromMigrations = await createTestDatabase();
    fromSchema = await createTestDatabase({ migrate: false });
    await fromSchema.sql.exec(ddl);
    migrated = await readCatalog(fromMigrations.sql);
    declared = await readCatalog(fromSchema.sql);
  }, 5 * 60_000);

  afterAll(async () => {
    await fromMigrations?.destroy();
    await fromSchema?.destroy();
  });

  it("sees a non-trivial schema (the comparison is not vacuous)", () => {
    expect(declared.relations.length).toBeGreaterThan(0);
    expect(declared.columns.length).toBeGreaterThan(0);
    expect(declared.constraints.length).toBeGreaterThan(0);
  });

  it.each(Object.keys(CATALOG_QUERIES) as Category[])("%s match", (category) => {
    expect(migrated[category], `${category}: migrations (received) vs schema.prisma (expected)`).toEqual(declared[category]);
  });
});
