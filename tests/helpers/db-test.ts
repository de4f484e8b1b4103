// One test file's private database, set up and torn down around the file:
//
//   const t = withTestDatabase();
//   it("…", async () => { await t.prisma.user.count(); });
//
// The handle is usable from the file's own beforeAll hooks on, which run after
// the database exists: Vitest runs beforeAll hooks in the order they are
// registered and afterAll hooks in reverse, so the database is dropped only
// after the file's own clean-up (stopping workers, closing servers) is done.
import { afterAll, beforeAll } from "vitest";
import { createTestDatabase, type TestDatabase } from "./test-db";

export type { TestDatabase } from "./test-db";

export function withTestDatabase(options: { migrate?: boolean } = {}): TestDatabase {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await createTestDatabase(options);
  });
  afterAll(async () => {
    await database?.destroy();
    database = undefined;
  });
  const current = () => {
    if (!database) throw new Error("the test database exists only between the file's beforeAll and afterAll");
    return database;
  };
  return {
    get target() {
      return current().target;
    },
    get prisma() {
      return current().prisma;
    },
    get sql() {
      return current().sql;
    },
    get pglite() {
      return current().pglite;
    },
    get url() {
      return current().url;
    },
    destroy: () => current().destroy(),
  };
}
