// Benchmarks and probes start on an empty PostgreSQL database of their own:
// drop it (closing other sessions) and create it again, through the server's
// `postgres` maintenance database.
import pg from "pg";

/** Drops and re-creates the database named by `url` (a URL or its string). */
export async function recreateDatabase(url) {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  const admin = new pg.Client({ connectionString: Object.assign(new URL(target), { pathname: "/postgres" }).toString() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
}
