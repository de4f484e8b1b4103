// Part of `npm run lint`: the standalone worker (`npm run worker`, plain Node
// through tsx) must not load anything that only runs inside Next.js. esbuild
// follows the worker's imports exactly as tsx would (the "@/" alias, type-only
// imports dropped) and this fails, with the import chain, when a module in that
// graph imports a Next.js-only package or is itself a "use server" module.
//   node scripts/check-worker-imports.mjs [entry ...]   (default: lib/jobs/worker-main.ts)
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const entries = process.argv.slice(2).length ? process.argv.slice(2) : ["lib/jobs/worker-main.ts"];

// Specifiers that throw or misbehave outside a Next.js server (or need its
// request context). `next-intl`'s root entry is plain (createTranslator) and allowed.
const FORBIDDEN = [
  { test: (s) => s === "server-only", why: "throws outside Next.js's react-server bundles" },
  { test: (s) => s === "client-only", why: "a browser-only marker" },
  { test: (s) => s === "next" || s.startsWith("next/"), why: "Next.js itself (headers, cache, navigation, server, ...)" },
  { test: (s) => s === "next-auth" || s.startsWith("next-auth/"), why: "Auth.js for Next.js reads the request context" },
  { test: (s) => /^next-intl\/(server|navigation|middleware|routing|plugin)(\/|$)/.test(s), why: "next-intl's request-bound parts" },
  { test: (s) => s === "react-dom/client", why: "the browser renderer" },
];

const failures = [];
for (const entry of entries) {
  let result;
  try {
    result = await esbuild.build({
      absWorkingDir: root,
      entryPoints: [entry],
      bundle: true,
      platform: "node",
      format: "esm",
      write: false,
      metafile: true,
      packages: "external",
      jsx: "automatic",
      alias: { "@": root },
      logLevel: "silent",
    });
  } catch (error) {
    // An import that does not resolve breaks the worker just the same.
    const messages = (error.errors ?? []).map((e) => `  ${e.location ? `${e.location.file}:${e.location.line}: ` : ""}${e.text}`);
    failures.push(`${entry}: an import does not resolve, so the worker cannot start:\n${messages.join("\n") || `  ${error.message}`}`);
    continue;
  }
  const inputs = result.metafile.inputs;
  const entryKey = path.relative(root, path.resolve(root, entry)).split(path.sep).join("/");

  // Breadth-first from the entry, so each chain printed is a shortest one.
  const parent = new Map([[entryKey, null]]);
  const queue = [entryKey];
  while (queue.length) {
    const file = queue.shift();
    for (const imp of inputs[file]?.imports ?? []) {
      if (imp.external || parent.has(imp.path)) continue;
      parent.set(imp.path, file);
      queue.push(imp.path);
    }
  }
  const chain = (file) => {
    const files = [];
    for (let f = file; f; f = parent.get(f)) files.unshift(f);
    return files.join("\n      -> ");
  };

  for (const [file, info] of Object.entries(inputs)) {
    if (!parent.has(file)) continue;
    for (const imp of info.imports) {
      if (!imp.external) continue;
      const specifier = imp.original ?? imp.path;
      const rule = FORBIDDEN.find((r) => r.test(specifier));
      if (rule) failures.push(`"${specifier}" (${rule.why}) imported by\n      ${chain(file)}`);
    }
  }
  for (const file of Object.keys(inputs)) {
    if (!parent.has(file) || file.includes("node_modules")) continue;
    const head = readFileSync(path.join(root, file), "utf8").replace(/^(\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*/, "");
    if (/^["']use server["']/.test(head)) failures.push(`a "use server" module (server actions belong to Next.js) loaded by\n      ${chain(file)}`);
  }
  if (!failures.length) console.log(`check-worker-imports: ${entry}: ${parent.size} modules, none Next.js-only`);
}

if (failures.length) {
  console.error(`check-worker-imports: the standalone worker (plain Node: npm run worker) cannot load its modules:`);
  for (const failure of failures) console.error(`  - ${failure}`);
  console.error(`Keep Next.js-only code out of the worker's modules: plain domain functions over Prisma need no "server-only".`);
  process.exit(1);
}
