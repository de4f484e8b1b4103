// A minimal raw-SQL interface over both backends, for the pieces that work
// beneath Prisma: the migration runner, pg-boss and health checks.
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { DatabaseTarget } from "./connection";

export interface SqlSession {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs parameterless SQL that may hold several statements. */
  exec(sql: string): Promise<void>;
}

export interface SqlDriver extends SqlSession {
  /** A dedicated connection, for session-level advisory locks and transactions. */
  withSession<T>(fn: (session: SqlSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

function pgliteDriver(db: PGlite): SqlDriver {
  const session: SqlSession = {
    query: async <T>(sql: string, params: unknown[] = []) => (await db.query<T>(sql, params)).rows,
    exec: async (sql) => void (await db.exec(sql)),
  };
  // PGlite is a single connection: every session is that connection, so
  // sessions (the migration runner's lock + transactions) take turns.
  let turn: Promise<unknown> = Promise.resolve();
  return {
    ...session,
    withSession(fn) {
      const mine = turn.then(() => fn(session));
      turn = mine.catch(() => {});
      return mine;
    },
    close: () => db.close(),
  };
}

export function postgresDriver(url: string, max = 4): SqlDriver {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle connection lost (server restart, failover) is dropped by the pool;
  // without a listener its 'error' event would crash the process.
  pool.on("error", (error) => console.error(`[db] idle PostgreSQL connection lost: ${error.message}`));
  const wrap = (c: pg.Pool | pg.PoolClient): SqlSession => ({
    query: async <T>(sql: string, params: unknown[] = []) => (await c.query(sql, params)).rows as T[],
    exec: async (sql) => void (await c.query(sql)),
  });
  return {
    ...wrap(pool),
    async withSession(fn) {
      const client = await pool.connect();
      try {
        return await fn(wrap(client));
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

export function driverFor(target: DatabaseTarget, pglite?: PGlite): SqlDriver {
  if (target.kind === "postgres") return postgresDriver(target.url);
  if (!pglite) throw new Error("An open PGlite instance is required for the embedded database");
  return pgliteDriver(pglite);
}
