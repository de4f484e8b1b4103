// Which database Portico talks to, from DATABASE_URL:
//   unset            -> embedded PGlite stored under ./data/pglite (first-run default)
//   pglite:<dir>     -> embedded PGlite in <dir>; "pglite:memory" keeps it in memory (tests)
//   postgres[ql]://  -> a PostgreSQL server (production and scale-out)
import path from "node:path";

export type DatabaseTarget = { kind: "pglite"; dataDir: string | undefined } | { kind: "postgres"; url: string };

export function resolveDatabaseTarget(url = process.env.DATABASE_URL): DatabaseTarget {
  if (!url) return { kind: "pglite", dataDir: path.resolve(dataDirectory(), "pglite") };
  if (url.startsWith("pglite:")) {
    const dir = url.slice("pglite:".length);
    return { kind: "pglite", dataDir: dir === "memory" ? undefined : path.resolve(/*turbopackIgnore: true*/ dir) };
  }
  if (/^postgres(ql)?:\/\//.test(url)) return { kind: "postgres", url };
  throw new Error(`DATABASE_URL must be unset, pglite:<dir> or postgresql://…; got "${url.split(":")[0]}:…"`);
}

/** Where embedded data (database, uploads, generated secret) lives. */
export function dataDirectory(): string {
  const configured = process.env.PORTICO_DATA_DIR;
  return configured ? path.resolve(/*turbopackIgnore: true*/ configured) : path.join(process.cwd(), "data");
}
