// Pins: the PostgreSQL driver survives the server dropping an idle pooled
// connection (restart, failover, pg_terminate_backend): the process does not
// crash on pg's 'error' event and the next query gets a fresh connection.
import pg from "pg";
import { afterEach, describe, expect, it, vi } from "vitest";
import { postgresDriver } from "@/lib/db/sql-driver";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-db";

let database: TestDatabase | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await database?.destroy();
  database = undefined;
});

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const skipNote = onPostgres ? "" : " (skipped: PostgreSQL only; set TEST_DATABASE_URL)";

describe.skipIf(!onPostgres)(`postgresDriver${skipNote}`, () => {
  it("survives losing an idle connection", async () => {
    database = await createTestDatabase({ migrate: false });
    const driver = postgresDriver(database.url!, 1);
    vi.spyOn(console, "error").mockImplementation(() => {}); // the driver logs the loss
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    try {
      const [{ pid }] = await driver.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
      await admin.query("SELECT pg_terminate_backend($1)", [pid]);
      await vi.waitFor(async () => {
        const { rows } = await admin.query("SELECT 1 FROM pg_stat_activity WHERE pid = $1", [pid]);
        expect(rows).toHaveLength(0);
      });
      // Had pg's 'error' event gone unhandled, vitest would report an uncaught
      // exception by now. The pool has dropped the dead client: a new one serves.
      const next = await vi.waitFor(async () => {
        const [row] = await driver.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
        return row.pid;
      });
      expect(next).not.toBe(pid);
    } finally {
      await admin.end();
      await driver.close();
    }
  });
});
