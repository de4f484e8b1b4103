// The project's migration runner, for both backends (Prisma 7's own needs a
// native engine this machine cannot download). Each migration runs in its own
// transaction, which first takes Prisma's advisory lock (transaction-level, so
// it also works through a transaction-mode pooler such as PgBouncer, where
// consecutive statements may run on different server connections) and checks
// again whether another runner applied it meanwhile. Applied migrations are
// recorded in _prisma_migrations with Prisma's columns and SHA-256 checksums,
// so `prisma migrate status/deploy` agree wherever Prisma's engine exists.
import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { SqlDriver, SqlSession } from "./sql-driver";

// The key Prisma Migrate itself locks, so our runner and Prisma exclude each other.
const PRISMA_ADVISORY_LOCK = 72707369;

const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {
  constructor(
    readonly migration: string,
    cause: unknown,
  ) {
    super(`Migration ${migration} failed and was rolled back: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = "MigrationError";
  }
}

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const entries = await readdir(/*turbopackIgnore: true*/ dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory() && /^\d+_/.test(e.name))
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(/*turbopackIgnore: true*/ path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export interface MigrateResult {
  applied: string[];
  alreadyApplied: number;
}

export async function migrate(driver: SqlDriver, options: { migrations?: Migration[]; log?: (line: string) => void } = {}): Promise<MigrateResult> {
  const migrations = options.migrations ?? (await readMigrations());
  const log = options.log ?? (() => {});
  return driver.withSession(async (session) => {
    const result: MigrateResult = { applied: [], alreadyApplied: 0 };
    // One locked read first: usually everything is in place and this is all.
    const applied = await locked(session, async () => {
      await session.exec(CREATE_TABLE);
      return appliedChecksums(session);
    });
    for (const migration of migrations) {
      let previous = applied.get(migration.name);
      if (!previous) {
        // Another runner (an instance starting at the same time) may have applied it since.
        previous = await applyOne(session, migration);
        if (!previous) {
          log(`applied ${migration.name}`);
          result.applied.push(migration.name);
          continue;
        }
      }
      result.alreadyApplied++;
      if (previous !== migration.checksum) log(`warning: ${migration.name} was edited after it was applied`);
    }
    return result;
  });
}

/** Runs `fn` in a transaction that holds Prisma's migration lock until it ends (commit or rollback). */
async function locked<T>(session: SqlSession, fn: () => Promise<T>): Promise<T> {
  await session.exec("BEGIN");
  try {
    await session.query("SELECT pg_advisory_xact_lock($1)", [PRISMA_ADVISORY_LOCK]);
    const value = await fn();
    await session.exec("COMMIT");
    return value;
  } catch (error) {
    // A connection that broke cannot roll back; the server does it when it closes.
    await session.exec("ROLLBACK").catch(() => {});
    throw error;
  }
}

async function appliedChecksums(session: SqlSession, name?: string): Promise<Map<string, string>> {
  const rows = await session.query<{ migration_name: string; checksum: string }>(
    `SELECT migration_name, checksum FROM "_prisma_migrations"
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL${name ? " AND migration_name = $1" : ""}`,
    name ? [name] : [],
  );
  return new Map(rows.map((r) => [r.migration_name, r.checksum]));
}

/** Applies the migration under the lock unless it is in place already; returns the checksum it was applied with then. */
async function applyOne(session: SqlSession, migration: Migration): Promise<string | undefined> {
  let attempted = false;
  try {
    return await locked(session, async () => {
      const previous = (await appliedChecksums(session, migration.name)).get(migration.name);
      if (previous) return previous;
      attempted = true;
      await session.exec(migration.sql);
      await session.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
         VALUES ($1, $2, $3, now(), clock_timestamp(), 1)`,
        [randomUUID(), migration.checksum, migration.name],
      );
      return undefined;
    });
  } catch (error) {
    throw attempted ? new MigrationError(migration.name, error) : error;
  }
}
