// npm run db:migrate: applies pending migrations to DATABASE_URL's database
// (through DATABASE_DIRECT_URL when that is set).
import { closeDatabase, getDatabase, withMigrationDriver } from "./client";
import { migrate } from "./migrate";

const database = getDatabase();
try {
  const result = await withMigrationDriver(database, (sql) => migrate(sql, { log: (line) => console.log(line) }));
  console.log(`${result.applied.length} migration(s) applied, ${result.alreadyApplied} already in place.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await closeDatabase(database);
}
