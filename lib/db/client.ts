// The one module that constructs Prisma clients. The adapter follows
// DATABASE_URL (see connection.ts). The embedded PGlite is one process's
// database, so it is opened once per process and kept on globalThis: dev-server
// reloads and the in-process job worker share it.
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../generated/prisma/client";
import { resolveDatabaseTarget, type DatabaseTarget } from "./connection";
import { countQuery, queryStatsEnabled } from "./query-stats";
import { driverFor, postgresDriver, type SqlDriver } from "./sql-driver";

export type Db = ReturnType<typeof createPrismaClient>;
/** A Prisma client or an interactive transaction: what domain functions take. */
export type DbOrTx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

function createPrismaClient(target: DatabaseTarget, pglite?: PGlite) {
  const adapter =
    target.kind === "postgres"
      ? new PrismaPg({ connectionString: target.url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) })
      : new PrismaPGlite(pglite ?? new PGlite(target.dataDir));
  // Password hashes never leave the database unless a query asks for them.
  const client = new PrismaClient({
    adapter,
    omit: { user: { passwordHash: true } },
    ...(queryStatsEnabled() ? { log: [{ emit: "event" as const, level: "query" as const }] } : {}),
  });
  if (queryStatsEnabled()) (client as unknown as { $on(event: "query", listener: () => void): void }).$on("query", countQuery);
  return client;
}

export interface Database {
  target: DatabaseTarget;
  prisma: Db;
  sql: SqlDriver;
  pglite?: PGlite;
}

const globalForDb = globalThis as unknown as { porticoDatabase?: Database };

/** `pglite`: an embedded database already opened by the caller (tests load a migrated copy). */
export function openDatabase(target: DatabaseTarget, opened?: { pglite?: PGlite }): Database {
  if (target.kind === "pglite" && target.dataDir) mkdirSync(target.dataDir, { recursive: true });
  const pglite = target.kind === "pglite" ? (opened?.pglite ?? new PGlite(target.dataDir)) : undefined;
  return { target, pglite, prisma: createPrismaClient(target, pglite), sql: driverFor(target, pglite) };
}

/** The process-wide database of the running app, worker and scripts. */
export function getDatabase(): Database {
  globalForDb.porticoDatabase ??= openDatabase(resolveDatabaseTarget());
  return globalForDb.porticoDatabase;
}

export async function closeDatabase(database: Database) {
  await database.prisma.$disconnect();
  await database.sql.close();
  if (globalForDb.porticoDatabase === database) delete globalForDb.porticoDatabase;
}

/**
 * Runs `fn` with the SQL driver migrations should use: a connection straight to
 * PostgreSQL from DATABASE_DIRECT_URL when set (DATABASE_URL may go through a
 * pooler such as PgBouncer, whose timeouts suit requests rather than DDL), else
 * the database's own driver. The embedded database ignores it.
 */
export async function withMigrationDriver<T>(
  database: Database,
  fn: (driver: SqlDriver) => Promise<T>,
  directUrl = process.env.DATABASE_DIRECT_URL?.trim(),
): Promise<T> {
  if (!directUrl || database.target.kind !== "postgres") return fn(database.sql);
  const target = resolveDatabaseTarget(directUrl);
  if (target.kind !== "postgres") throw new Error("DATABASE_DIRECT_URL must be a postgresql:// URL");
  const direct = postgresDriver(target.url, 1);
  try {
    return await fn(direct);
  } finally {
    await direct.close();
  }
}
