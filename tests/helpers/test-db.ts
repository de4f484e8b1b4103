// A fresh, migrated database for one test file: an in-memory PGlite by default,
// or a new database on the PostgreSQL server of TEST_DATABASE_URL (CI sets it),
// dropped afterwards. Tests never share state.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { closeDatabase, openDatabase, type Database } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";

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
  if (serverUrl) {
    const name = `portico_test_${randomBytes(6).toString("hex")}`;
    await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
    const u = new URL(serverUrl);
    u.pathname = `/${name}`;
    url = u.toString();
    database = openDatabase({ kind: "postgres", url });
    dropDatabase = () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } else {
    database = openDatabase({ kind: "pglite", dataDir: undefined });
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
    await client.query(sql);
  } finally {
    await client.end();
  }
}
