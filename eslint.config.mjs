import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Import boundaries: the layers of docs/ARCHITECTURE.md, enforced.
// - Components render; they never reach the database or the generated Prisma
//   client (the enums are plain constants and stay allowed). Data comes from
//   the page or a domain function in lib/.
// - lib/ is the domain layer: it never imports routes or pages from app/.
// - What the standalone worker loads is checked by scripts/check-worker-imports.mjs.
const databaseImports = [
  { group: ["@/lib/db", "@/lib/db/*"], message: "Components do not query the database: load data in the page or a lib/ domain function." },
  {
    group: [
      "@/lib/generated/prisma/client",
      "@/lib/generated/prisma/models",
      "@/lib/generated/prisma/models/*",
      "@/lib/generated/prisma/internal/*",
      "@prisma/*",
      "pg",
      "@electric-sql/*",
    ],
    message: "Components do not use the Prisma client or a database driver.",
  },
];
const appImports = [
  {
    group: ["@/app/*", "@/app/**", "../app/*", "../../app/*", "../../../app/*"],
    message: "lib/ is the domain layer: it does not import routes or pages from app/.",
  },
];

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: [".next/**", "node_modules/**", "lib/generated/**", "tools/**", "data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  { files: ["components/**/*.{ts,tsx}"], rules: { "no-restricted-imports": ["error", { patterns: databaseImports }] } },
  { files: ["lib/**/*.{ts,tsx}"], rules: { "no-restricted-imports": ["error", { patterns: appImports }] } },
];

export default config;
