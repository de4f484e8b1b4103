// npm test: the whole pipeline, in the order that fails fastest.
//   typecheck -> lint -> Vitest on PGlite -> Vitest integration on PostgreSQL
//   (when TEST_DATABASE_URL is set) -> production build -> Playwright ->
//   several instances through PgBouncer (when TEST_DATABASE_URL is set).
// Ends with one line "N passed, N failed" summing every suite.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";

const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
mkdirSync("reports", { recursive: true });
for (const report of ["reports/vitest-pglite.json", "reports/vitest-postgres.json", "reports/e2e.json", "reports/multi-instance.json"])
  rmSync(report, { force: true });

function run(label, command, args, env = {}) {
  console.log(`\n=== ${label} ===`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  console.log(`=== ${label}: ${result.status === 0 ? "ok" : `failed (exit ${result.status})`} in ${((Date.now() - started) / 1000).toFixed(0)} s ===`);
  if (result.status !== 0) failures.push(label);
  return result.status === 0;
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

function vitest(label, args, env, output) {
  const ok = run(label, "npx", ["--no-install", "vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${output}`, ...args], env);
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
vitest("unit + integration (PGlite)", [], { TEST_DATABASE_URL: "" }, "reports/vitest-pglite.json");
if (TEST_DATABASE_URL) {
  vitest("integration (PostgreSQL)", ["tests/integration"], { TEST_DATABASE_URL }, "reports/vitest-postgres.json");
} else {
  console.log("\nTEST_DATABASE_URL is not set: integration tests ran on PGlite only.");
}

if (run("production build", "npx", ["--no-install", "next", "build"])) {
  const ok = run("end-to-end (Playwright)", "node", ["scripts/e2e.mjs"]);
  tally(ok, () => countPlaywright("reports/e2e.json"));
  if (TEST_DATABASE_URL) {
    const multi = run("several instances through PgBouncer", "node", ["scripts/multi-instance-test.mjs"], { MULTI_DATABASE_URL: TEST_DATABASE_URL });
    tally(multi, () => countChecks("reports/multi-instance.json"));
  } else {
    console.log("\nTEST_DATABASE_URL is not set: the several-instances check (PostgreSQL + PgBouncer) did not run.");
  }
} else {
  totals.failed++;
}

console.log(`\nFailed steps: ${failures.length ? failures.join(", ") : "none"}`);
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`);
process.exit(failures.length ? 1 : 0);
