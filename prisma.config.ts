import { defineConfig } from "prisma/config";

// Prisma 7 reads the connection from here, not from the schema. The CLI is only
// used to generate the client (scripts/prisma-generate.mjs); migrations are
// applied by the project's runner (lib/db/migrate.ts).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
