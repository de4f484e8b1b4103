// npm test: the whole pipeline.
//   static checks side by side (typecheck, lint, formatting, unused code)
//   -> Vitest on PGlite
//   -> Vitest integration on PostgreSQL (when TEST_DATABASE_URL is set)
//   -> production build -> Playwright (one server per worker)
//   -> several instances through PgBouncer (when TEST_DATABASE_URL is set).
// One after another: on two cores the PostgreSQL suite beside the browser
// suite made pages take seconds and timing checks (a reset answered in the
// same time, a lease recovered in time) fail for want of CPU, not of
// correctness. `npm test -- --overlap` runs the two lanes side by side, on a
// machine with cores to spare. Ends with one line "N passed, N failed"
// summing every suite.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";

const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
mkdirSync("reports", { recursive: true });
for (const report of ["reports/vitest-pglite.json", "reports/vitest-postgres.json", "reports/e2e.json", "reports/multi-instance.json"])
  rmSync(report, { force: true });

const sequential = !process.argv.includes("--overlap");

/**
 * Runs one step. Alone, its output goes straight to the terminal; in a lane
 * beside another (prefix given), each line is prefixed with the lane's name so
 * the two stay readable as they interleave.
 */
function run(label, command, args, env = {}, prefix = "") {
  return new Promise((resolve) => {
    console.log(`\n${prefix}=== ${label} ===`);
    const started = Date.now();
    const child = spawn(command, args, { stdio: prefix ? ["ignore", "pipe", "pipe"] : "inherit", env: { ...process.env, ...env } });
    if (prefix) for (const stream of [child.stdout, child.stderr]) prefixLines(stream, prefix);
    child.on("close", (status) => {
      console.log(`${prefix}=== ${label}: ${status === 0 ? "ok" : `failed (exit ${status})`} in ${((Date.now() - started) / 1000).toFixed(0)} s ===`);
      if (status !== 0) failures.push(label);
      resolve(status === 0);
    });
  });
}

function prefixLines(stream, prefix) {
  let pending = "";
  stream.setEncoding("utf8");
  stream.on("data", (chunk) => {
    const lines = (pending + chunk).split("\n");
    pending = lines.pop();
    for (const line of lines) console.log(prefix + line);
  });
  stream.on("end", () => pending && console.log(prefix + pending));
}

/**
 * A check that is not a test suite counts as one test. Static checks are
 * single-threaded: they run side by side, each one's output held back and
 * printed whole when it ends, so the log stays readable.
 */
async function checksInParallel(checks) {
  const results = await Promise.all(
    checks.map(
      ([label, command, args]) =>
        new Promise((resolve) => {
          const started = Date.now();
          const child = spawn(command, args, { env: process.env });
          let output = "";
          child.stdout.on("data", (chunk) => (output += chunk));
          child.stderr.on("data", (chunk) => (output += chunk));
          child.on("close", (status) => resolve({ label, status, output, seconds: (Date.now() - started) / 1000 }));
        }),
    ),
  );
  for (const { label, status, output, seconds } of results) {
    console.log(`\n=== ${label} ===\n${output.trimEnd()}`);
    console.log(`=== ${label}: ${status === 0 ? "ok" : `failed (exit ${status})`} in ${seconds.toFixed(0)} s ===`);
    if (status === 0) totals.passed++;
    else {
      totals.failed++;
      failures.push(label);
    }
  }
}

function countVitest(file) {
  if (!existsSync(file)) return false;
  const report = JSON.parse(readFileSync(file, "utf8"));
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests + (report.numFailedTestSuites ?? 0) - countSuitesWithFailedTests(report);
  totals.skipped += report.numPendingTests + (report.numTodoTests ?? 0);
  return true;
}

// A suite that failed to load has no failed tests of its own: count it once.
function countSuitesWithFailedTests(report) {
  return report.testResults.filter((s) => s.status === "failed" && s.assertionResults.some((a) => a.status === "failed")).length;
}

function countPlaywright(file) {
  if (!existsSync(file)) return false;
  const { stats } = JSON.parse(readFileSync(file, "utf8"));
  totals.passed += stats.expected + (stats.flaky ?? 0);
  totals.failed += stats.unexpected;
  totals.skipped += stats.skipped;
  return true;
}

/** scripts/multi-instance-test.mjs: each of its checks counts as one test. */
function countChecks(file) {
  if (!existsSync(file)) return false;
  const { passed, failed } = JSON.parse(readFileSync(file, "utf8"));
  totals.passed += passed;
  totals.failed += failed;
  return true;
}

/**
 * Adds a suite's report to the totals. A suite can fail with every test passing
 * (an error thrown between tests, a crash before the report): that counts as
 * one failure, so the last line never says "0 failed" for a red run.
 */
function tally(ok, count) {
  const before = totals.failed;
  count();
  if (!ok && totals.failed === before) totals.failed++;
}

async function vitest(label, args, env, output, prefix = "") {
  const ok = await run(
    label,
    "npx",
    ["--no-install", "vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${output}`, ...args],
    env,
    prefix,
  );
  tally(ok, () => countVitest(output));
}

await checksInParallel([
  ["typecheck", "npx", ["--no-install", "tsc", "--noEmit", "-p", "."]],
  // ESLint, the repository check and the standalone worker's import graph.
  ["lint", "npm", ["run", "--silent", "lint"]],
  ["formatting (Prettier)", "npx", ["--no-install", "prettier", "--check", "--log-level", "warn", "."]],
  // Unused files, exports and dependencies.
  ["unused code (knip)", "npx", ["--no-install", "knip", "--no-progress"]],
]);

const { TEST_DATABASE_URL } = process.env;
await vitest("unit + integration (PGlite)", [], { TEST_DATABASE_URL: "" }, "reports/vitest-pglite.json");

/** Production build, then the browser suite against it; resolves whether the build succeeded. */
async function browserLane(prefix) {
  if (!(await run("production build", "npx", ["--no-install", "next", "build"], {}, prefix))) {
    totals.failed++;
    return false;
  }
  const ok = await run("end-to-end (Playwright)", "node", ["scripts/e2e.mjs"], {}, prefix);
  tally(ok, () => countPlaywright("reports/e2e.json"));
  return true;
}

async function postgresLane(prefix) {
  if (TEST_DATABASE_URL) await vitest("integration (PostgreSQL)", ["tests/integration"], { TEST_DATABASE_URL }, "reports/vitest-postgres.json", prefix);
  else console.log("\nTEST_DATABASE_URL is not set: integration tests ran on PGlite only.");
}

let built;
if (sequential) {
  await postgresLane("");
  built = await browserLane("");
} else {
  [built] = await Promise.all([browserLane("[browser] "), postgresLane("[postgres] ")]);
}

if (built && TEST_DATABASE_URL) {
  const multi = await run("several instances through PgBouncer", "node", ["scripts/multi-instance-test.mjs"], { MULTI_DATABASE_URL: TEST_DATABASE_URL });
  tally(multi, () => countChecks("reports/multi-instance.json"));
} else if (!TEST_DATABASE_URL) {
  console.log("\nTEST_DATABASE_URL is not set: the several-instances check (PostgreSQL + PgBouncer) did not run.");
}

console.log(`\nFailed steps: ${failures.length ? failures.join(", ") : "none"}`);
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`);
process.exit(failures.length ? 1 : 0);
