// Prisma 6.19 with its WebAssembly schema engine over an in-memory PGlite: enough
// for `migrate diff` between schema files, fully offline. Used only by
// scripts/prisma-diff.mjs.
import { defineConfig } from "prisma/config";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: process.env.PORTICO_DIFF_SCHEMA,
  adapter: async () => new PrismaPGlite(new PGlite()),
});
