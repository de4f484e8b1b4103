// pg-boss on Portico's own database. On PostgreSQL it opens its own small pool;
// on the embedded PGlite it runs its SQL through the process's one PGlite
// instance (pg-boss's `db.executeSql` option).
import PgBoss from "pg-boss";
import type { PGlite } from "@electric-sql/pglite";
import type { Database } from "@/lib/db/client";

function pgliteExecutor(pglite: PGlite): PgBoss.Db {
  return {
    async executeSql(text, values) {
      if (values && values.length > 0) return { rows: (await pglite.query(text, values)).rows };
      // pg-boss sends parameterless multi-statement scripts (its own migrations).
      const results = await pglite.exec(text);
      return { rows: results.at(-1)?.rows ?? [] };
    },
  };
}

export function createBoss(database: Database, options: PgBoss.ConstructorOptions = {}): PgBoss {
  const connection: PgBoss.ConstructorOptions =
    database.target.kind === "postgres" ? { connectionString: database.target.url, max: 4 } : { db: pgliteExecutor(database.pglite!) };
  const boss = new PgBoss({ ...connection, schema: "pgboss", ...options });
  boss.on("error", (error) => console.error("[jobs]", error));
  return boss;
}
