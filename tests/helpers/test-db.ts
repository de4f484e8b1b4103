// A fresh, migrated database for one test file: an in-memory PGlite by default,
// or a new database on the PostgreSQL server of TEST_DATABASE_URL (CI sets it),
// dropped afterwards. Tests never share state.
//
// Applying every migration took seconds per file (tens of seconds on a busy
// two-core machine), so the migrated schema is made once and copied: a PGlite
// data-directory dump in the OS temp folder, or a PostgreSQL template database.
// Both are named after the migrations' checksums, so a new or edited migration
// makes a new copy; migrate() still runs on the copy and finds nothing to do.
import { createHash, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile, rename, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { closeDatabase, openDatabase, type Database } from "@/lib/db/client";
import { migrate, readMigrations } from "@/lib/db/migrate";

export const backend = process.env.TEST_DATABASE_URL ? "postgres" : "pglite";

export interface TestDatabase extends Database {
  /** The URL another process could use (PostgreSQL only). */
  url?: string;
  destroy(): Promise<void>;
}

export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  let database: Database;
  let url: string | undefined;
  let dropDatabase = async () => {};
  const fromTemplate = options.migrate !== false;
  if (serverUrl) {
    const name = `portico_test_${randomBytes(6).toString("hex")}`;
    const template = fromTemplate ? ` TEMPLATE "${await postgresTemplate(serverUrl)}"` : "";
    await adminQuery(serverUrl, `CREATE DATABASE "${name}"${template}`);
    const u = new URL(serverUrl);
    u.pathname = `/${name}`;
    url = u.toString();
    database = openDatabase({ kind: "postgres", url });
    dropDatabase = async () => void (await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  } else {
    const pglite = fromTemplate ? await PGlite.create({ loadDataDir: new Blob([new Uint8Array(await pgliteTemplate())]) }) : undefined;
    database = openDatabase({ kind: "pglite", dataDir: undefined }, { pglite });
  }
  if (options.migrate !== false) await migrate(database.sql);
  return {
    ...database,
    url,
    async destroy() {
      await closeDatabase(database);
      await dropDatabase();
    },
  };
}

async function adminQuery(serverUrl: string, sql: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Names the migrated schema: any added or edited migration changes it, and so
 * does another PGlite release (its data files need not open in the next one).
 */
async function schemaKey(): Promise<string> {
  const hash = createHash("sha256");
  hash.update(`pglite ${JSON.parse(await readFile(path.join(process.cwd(), "node_modules/@electric-sql/pglite/package.json"), "utf8")).version}\n`);
  for (const migration of await readMigrations()) hash.update(`${migration.name}:${migration.checksum}\n`);
  return hash.digest("hex").slice(0, 16);
}

/** A dump of a migrated in-memory PGlite, made by the first test file that needs it. */
async function pgliteTemplate(): Promise<Buffer> {
  const file = path.join(tmpdir(), `portico-test-schema-${await schemaKey()}.tar`);
  if (!existsSync(file)) {
    const pglite = await PGlite.create();
    const database = openDatabase({ kind: "pglite", dataDir: undefined }, { pglite });
    await migrate(database.sql);
    const dump = Buffer.from(await (await pglite.dumpDataDir("none")).arrayBuffer());
    await closeDatabase(database);
    // Written aside and renamed: a test file running alongside never reads half a dump.
    const partial = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
    await writeFile(partial, dump);
    await rename(partial, file);
    return dump;
  }
  return readFile(file);
}

/** A migrated template database on the server; made once, then copied per test file. */
async function postgresTemplate(serverUrl: string): Promise<string> {
  const name = `portico_template_${await schemaKey()}`;
  const exists = async () => (await adminQuery(serverUrl, `SELECT 1 FROM pg_database WHERE datname = '${name}'`)).rowCount === 1;
  if (await exists()) return name;
  const building = `${name}_${randomBytes(4).toString("hex")}`;
  await adminQuery(serverUrl, `CREATE DATABASE "${building}"`);
  const u = new URL(serverUrl);
  u.pathname = `/${building}`;
  const database = openDatabase({ kind: "postgres", url: u.toString() });
  try {
    await migrate(database.sql);
  } catch (error) {
    await closeDatabase(database);
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
    throw error;
  }
  await closeDatabase(database);
  try {
    // Another test file may have finished its copy first: then use that one.
    await adminQuery(serverUrl, `ALTER DATABASE "${building}" RENAME TO "${name}"`);
  } catch (error) {
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
    if (!(await exists())) throw error;
  }
  return name;
}
