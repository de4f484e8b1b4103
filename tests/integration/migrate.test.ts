// Pins the migration runner's rules (lib/db/migrate.ts):
//  - each migration is applied once and recorded in _prisma_migrations the way
//    Prisma records it (SHA-256 checksum of the file, finished_at, 1 step), so a
//    second run is a no-op;
//  - a failing migration is rolled back whole: none of its changes and no row
//    for it remain, earlier migrations stay applied, later ones are not run;
//  - on PostgreSQL, runners started at the same time (several app instances
//    booting together) apply each migration exactly once, thanks to the lock.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { migrate, MigrationError, type Migration } from "@/lib/db/migrate";
import { postgresDriver, type SqlSession } from "@/lib/db/sql-driver";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-db";

const PRISMA_ADVISORY_LOCK = 72707369;

// The committed migrations, read here independently of readMigrations().
const migrationsDir = path.resolve("prisma/migrations");
const committed = readdirSync(migrationsDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort()
  .map((name) => {
    const sql = readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8");
    return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
  });

function synthetic(name: string, sql: string): Migration {
  return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
}

interface MigrationRow {
  migration_name: string;
  checksum: string;
  started_at: Date;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  applied_steps_count: number;
}

function recorded(sql: SqlSession) {
  return sql.query<MigrationRow>(
    `SELECT migration_name, checksum, started_at, finished_at, rolled_back_at, applied_steps_count
       FROM "_prisma_migrations" ORDER BY migration_name COLLATE "C"`,
  );
}

async function tableExists(sql: SqlSession, table: string) {
  const [row] = await sql.query<{ found: boolean }>("SELECT to_regclass($1) IS NOT NULL AS found", [`public."${table}"`]);
  return row.found;
}

async function advisoryLockHeld(sql: SqlSession) {
  const [row] = await sql.query<{ held: number }>(
    // Advisory locks are per database; other test files migrate their own databases on the same server meanwhile.
    `SELECT count(*)::int AS held FROM pg_locks
      WHERE locktype = 'advisory' AND objid = $1 AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    [PRISMA_ADVISORY_LOCK],
  );
  return row.held > 0;
}

// Each test starts from a fresh, empty database. PGlite starts on its first
// query, which can take seconds on a loaded machine: do it here, under the hook
// timeout, so the tests' own timeout measures the runner only.
let database: TestDatabase;
beforeEach(async () => {
  database = await createTestDatabase({ migrate: false });
  await database.sql.query("SELECT 1");
});
afterEach(async () => {
  await database?.destroy();
});

describe("migrate", () => {
  it("applies the committed migrations once; a second run applies nothing", async () => {
    expect(committed.length).toBeGreaterThan(0);

    const first = await migrate(database.sql);
    expect(first).toEqual({ applied: committed.map((m) => m.name), alreadyApplied: 0 });

    const second = await migrate(database.sql);
    expect(second).toEqual({ applied: [], alreadyApplied: committed.length });

    const rows = await recorded(database.sql);
    expect(rows.map((r) => [r.migration_name, r.checksum, r.applied_steps_count, r.rolled_back_at])).toEqual(
      committed.map((m) => [m.name, m.checksum, 1, null]),
    );
    for (const row of rows) {
      expect(row.finished_at, row.migration_name).toBeInstanceOf(Date);
      expect(row.finished_at!.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
    }
    expect(await advisoryLockHeld(database.sql)).toBe(false);
  });

  it("rolls a failing migration back whole and stops there", async () => {
    const good = synthetic("20990101000000_good", `CREATE TABLE "GoodTable" ("id" INTEGER PRIMARY KEY);`);
    const bad = synthetic(
      "20990101000001_bad",
      `CREATE TABLE "BadTable" ("id" INTEGER PRIMARY KEY);
       INSERT INTO "BadTable" ("id") VALUES (1);
       SELECT * FROM "NoSuchTable";`,
    );
    const later = synthetic("20990101000002_later", `CREATE TABLE "LaterTable" ("id" INTEGER PRIMARY KEY);`);

    const error = await migrate(database.sql, { migrations: [good, bad, later] }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as MigrationError).migration).toBe(bad.name);
    expect((error as MigrationError).message).toContain(bad.name);
    expect((error as MigrationError).message).toMatch(/NoSuchTable/);

    expect(await tableExists(database.sql, "GoodTable")).toBe(true);
    expect(await tableExists(database.sql, "BadTable")).toBe(false);
    expect(await tableExists(database.sql, "LaterTable")).toBe(false);
    const rows = await recorded(database.sql);
    expect(rows.map((r) => [r.migration_name, r.checksum])).toEqual([[good.name, good.checksum]]);
    expect(rows[0].finished_at).toBeInstanceOf(Date);
    // The lock is released and the connection is not left in an aborted transaction.
    expect(await advisoryLockHeld(database.sql)).toBe(false);

    // Once the migration is fixed, the next run applies it and what follows it.
    const fixed = synthetic(bad.name, `CREATE TABLE "BadTable" ("id" INTEGER PRIMARY KEY);`);
    const retry = await migrate(database.sql, { migrations: [good, fixed, later] });
    expect(retry).toEqual({ applied: [fixed.name, later.name], alreadyApplied: 1 });
    expect((await recorded(database.sql)).map((r) => r.migration_name)).toEqual([good.name, bad.name, later.name]);
  });
});

// PGlite is a single connection: there is nothing to race on it.
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const skipNote = onPostgres ? "" : " (skipped: PostgreSQL only, needs two real connections; set TEST_DATABASE_URL)";

describe.skipIf(!onPostgres)(`migrate on PostgreSQL: concurrent runners${skipNote}`, () => {
  it("applies each migration exactly once when two runners race", async () => {
    const url = database.url!;
    // Slow migrations keep the first runner busy long enough for the second to
    // arrive while it holds the lock.
    const migrations: Migration[] = [
      synthetic("00000000000000_slow_first", `SELECT pg_sleep(0.5); CREATE TABLE "SlowFirst" ("id" INTEGER);`),
      ...committed,
      synthetic("99990101000000_slow_last", `CREATE TABLE "SlowLast" ("id" INTEGER); SELECT pg_sleep(0.5);`),
    ];
    const names = migrations.map((m) => m.name);
    const runnerA = postgresDriver(url);
    const runnerB = postgresDriver(url);
    const observer = postgresDriver(url, 1);
    try {
      // Watch for a runner waiting on the advisory lock: proof the race happened.
      let sawWaiter = false;
      let racing = true;
      const watching = (async () => {
        while (racing) {
          const [row] = await observer.query<{ waiting: number }>(
            `SELECT count(*)::int AS waiting FROM pg_locks WHERE locktype = 'advisory' AND objid = $1 AND NOT granted`,
            [PRISMA_ADVISORY_LOCK],
          );
          if (row.waiting > 0) sawWaiter = true;
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
      })();
      const results = await Promise.all([migrate(runnerA, { migrations }), migrate(runnerB, { migrations })]).finally(() => (racing = false));
      await watching;
      expect(sawWaiter).toBe(true);

      // Per migration: one runner applied it, the other found it in place.
      for (const name of names) {
        expect(
          results.filter((r) => r.applied.includes(name)),
          name,
        ).toHaveLength(1);
      }
      expect(results.reduce((n, r) => n + r.applied.length + r.alreadyApplied, 0)).toBe(2 * names.length);

      const counts = await observer.query<{ migration_name: string; n: number }>(
        `SELECT migration_name, count(*)::int AS n FROM "_prisma_migrations"
          WHERE finished_at IS NOT NULL GROUP BY migration_name ORDER BY migration_name COLLATE "C"`,
      );
      expect(counts).toEqual([...names].sort().map((name) => ({ migration_name: name, n: 1 })));
      expect(await tableExists(observer, "SlowFirst")).toBe(true);
      expect(await tableExists(observer, "SlowLast")).toBe(true);
    } finally {
      await Promise.all([runnerA.close(), runnerB.close(), observer.close()]);
    }
  });
});
