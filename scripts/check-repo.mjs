// Part of `npm run lint`: the repository explains itself. Fails when
//  - a file points outside the repository (a path into a sibling "shared"
//    folder), which a fresh clone would not have;
//  - a code comment cites a planning document or tracker (a seed document's
//    number, an issue or item number) instead of stating the rule in the
//    product's words;
//  - code reads an environment variable (process.env.X) that .env.example
//    does not list, commented out or not.
// Applied migrations (prisma/migrations) are left alone: their checksums are
// recorded wherever they ran. Run alone: node scripts/check-repo.mjs
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const self = path.relative(root, fileURLToPath(import.meta.url));

// Tracked and new (not ignored) files, so a file not yet committed is checked
// too; outside a git checkout (an exported tree), every file under the root.
function listFiles() {
  try {
    return execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard"], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).split("\n");
  } catch {
    const skip = new Set(["node_modules", ".git", ".next", "data", "reports", "test-results", "playwright-report"]);
    const walk = (dir) =>
      readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
        const rel = dir ? `${dir}/${e.name}` : e.name;
        if (e.isDirectory()) return skip.has(e.name) ? [] : walk(rel);
        return e.isFile() ? [rel] : [];
      });
    return walk("");
  }
}

const files = listFiles()
  .filter(Boolean)
  .filter((f) => existsSync(path.join(root, f)))
  .filter((f) => !/(^|\/)node_modules\//.test(f) && !f.startsWith("prisma/migrations/") && !f.startsWith("lib/generated/") && !f.startsWith(".git/"));

const CODE = /\.(ts|tsx|mts|cts|js|mjs|cjs|sql|prisma)$/;
const TEXT = /\.(ts|tsx|mts|cts|js|mjs|cjs|sql|prisma|json|md|sh|yml|yaml|toml|example)$|(^|\/)(\.env\.example|Dockerfile|run)$/;

// Written in two parts so this file does not match itself.
const OUTSIDE = new RegExp(["\\.\\.", "/shared\\b"].join(""));
// Planning references: seed documents ("seeds" and a three-digit number), issue,
// item and rule numbers.
const CITATION = /\bseeds? 0\d\d\b|\bissues? #?\d+\b|\bitems? \d+\b|\brules? \d+\b/i;

const problems = [];

function commentsOf(file, text) {
  const found = [];
  const patterns = [/\/\*[\s\S]*?\*\//g, /\/\/[^\n]*/g];
  if (file.endsWith(".sql")) patterns.push(/--[^\n]*/g);
  for (const pattern of patterns) {
    for (const match of text.matchAll(pattern)) found.push({ text: match[0], index: match.index });
  }
  return found;
}

const lineAt = (text, index) => text.slice(0, index).split("\n").length;

for (const file of files) {
  if (file === self || !TEXT.test(file)) continue;
  const text = readFileSync(path.join(root, file), "utf8");
  const outside = OUTSIDE.exec(text);
  if (outside) problems.push(`${file}:${lineAt(text, outside.index)}: points outside the repository ("${outside[0]}")`);
  if (!CODE.test(file)) continue;
  for (const comment of commentsOf(file, text)) {
    const cited = CITATION.exec(comment.text);
    if (cited) problems.push(`${file}:${lineAt(text, comment.index + cited.index)}: comment cites "${cited[0]}"; state the rule itself`);
  }
}

// Environment variables read by the code that runs the app, its jobs and its scripts.
// Set by Node.js, Next.js, CI or Prisma's own tooling, not by whoever deploys Portico.
const PLATFORM = new Set(["NODE_ENV", "NEXT_RUNTIME", "CI", "HOME", "PATH", "PRISMA_SCHEMA_ENGINE_BINARY"]);
const ENV_SOURCES = /^(lib|app|scripts)\/|^instrumentation[^/]*\.ts$|^proxy\.ts$/;
const READS = [
  /process\.env\.([A-Z_][A-Z0-9_]*)/g,
  /process\.env\[\s*["'`]([A-Z_][A-Z0-9_]*)["'`]\s*\]/g,
  // Functions that take the environment as a parameter (`env = process.env`).
  /\benv\.([A-Z_][A-Z0-9_]*)/g,
  /\benv\[\s*["'`]([A-Z_][A-Z0-9_]*)["'`]\s*\]/g,
];
const DESTRUCTURED = /(?:const|let|var)\s*\{([^}]*)\}\s*=\s*process\.env\b/g;

const read = new Map();
for (const file of files) {
  if (file === self || !ENV_SOURCES.test(file) || !/\.(ts|tsx|mjs|js|cjs)$/.test(file)) continue;
  const text = readFileSync(path.join(root, file), "utf8");
  const note = (name) => !PLATFORM.has(name) && !read.has(name) && read.set(name, file);
  for (const pattern of READS) for (const m of text.matchAll(pattern)) note(m[1]);
  for (const m of text.matchAll(DESTRUCTURED)) {
    for (const part of m[1].split(",")) {
      const name = part.split(/[:=]/)[0].trim();
      if (/^[A-Z_][A-Z0-9_]*$/.test(name)) note(name);
    }
  }
}

const examplePath = path.join(root, ".env.example");
if (!existsSync(examplePath)) {
  problems.push(".env.example is missing");
} else {
  const listed = new Set([...readFileSync(examplePath, "utf8").matchAll(/^#?\s*([A-Z_][A-Z0-9_]*)=/gm)].map((m) => m[1]));
  for (const [name, file] of [...read].sort()) {
    if (!listed.has(name)) problems.push(`.env.example: ${name} is read by ${file} but not listed`);
  }
}

if (problems.length) {
  console.error(problems.join("\n"));
  console.error(`\ncheck-repo: ${problems.length} problem(s)`);
  process.exit(1);
}
console.log(`check-repo: ${files.length} files, ${read.size} environment variables: ok`);
