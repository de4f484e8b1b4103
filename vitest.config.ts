import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Next.js gives "server-only" meaning; outside Next it is a marker only.
      "server-only": path.resolve(import.meta.dirname, "tests/helpers/empty-module.ts"),
    },
  },
  test: {
    include: ["tests/**/*.test.ts", "tests/**/*.test.tsx", "lib/**/*.test.ts"],
    environment: "node",
    // Each file opens its own database; two cores, so keep the pool small.
    pool: "forks",
    maxWorkers: 2,
    // next-auth imports "next/server" without an extension, which Node's ESM
    // loader refuses; processed by Vite, it resolves (tests of the real sign-in).
    server: { deps: { inline: ["next-auth"] } },
    testTimeout: 30_000,
    hookTimeout: 120_000,
    reporters: ["default"],
  },
});
