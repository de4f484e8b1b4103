// npm run bench:registration
// Starts the production build on PostgreSQL and fires concurrent public
// registrations at one event with limited seats through the public JSON route.
// In the same run, a raw baseline: the statement that claims the seat
// (SELECT portico_register_seat(...), the one the app sends) called directly
// through pg, with the same pool size and concurrency, on a fresh event of the
// same shape. Prints both (requests per second, p50/p95), Portico's share of
// the raw figure and the overbooking check (must be 0). Then the split of a
// sign-up's two requests: the proof-of-work challenge alone, and the sign-up
// with its proof solved beforehand. Only loopback traffic; bounded in count
// and time.
//   BENCH_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/portico_bench; recreated)
//   BENCH_REQUESTS (2000), BENCH_CONCURRENCY (50), BENCH_SEATS (1500), BENCH_RESERVE (200), BENCH_WORKER (off),
//   BENCH_WARMUP (200: unmeasured registrations per side first, on an event of their own),
//   DATABASE_POOL_SIZE (20, the server's and the baseline's), BENCH_TIMEOUT_S (600),
//   BENCH_CPU_PROF (a directory: the server runs with node --cpu-prof and writes its profile there),
//   BENCH_INSTANCES (1: web processes on consecutive ports from BENCH_PORT, as a
//   deployment of several instances behind a load balancer; requests go to them
//   in turn and they share the pool size, so the database sees as many
//   connections as from the raw baseline)
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { solvedChallenge } from "./lib/proof-of-work.mjs";
import pg from "pg";
import { recreateDatabase } from "./lib/fresh-database.mjs";

const url = new URL(process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/portico_bench");
const requests = Number(process.env.BENCH_REQUESTS ?? 2000);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 50);
const seats = Number(process.env.BENCH_SEATS ?? 1500);
const reserve = Number(process.env.BENCH_RESERVE ?? 200);
const port = Number(process.env.BENCH_PORT ?? 3200);
const poolSize = Number(process.env.DATABASE_POOL_SIZE ?? 20);
const warmups = Number(process.env.BENCH_WARMUP ?? 200);
const instances = Math.max(1, Number(process.env.BENCH_INSTANCES ?? 1));
const slug = "bench";
const rawSlug = "bench-raw";
const warmSlug = "bench-warm";
const rawWarmSlug = "bench-raw-warm";
const solvedSlug = "bench-solved";

// Bounded in time: a stuck server or database ends the run (the exit handler stops the server).
setTimeout(
  () => {
    console.error(`the benchmark did not finish in ${process.env.BENCH_TIMEOUT_S ?? 600} s`);
    process.exit(2);
  },
  Number(process.env.BENCH_TIMEOUT_S ?? 600) * 1000,
).unref();

await recreateDatabase(url);

if (!existsSync(".next/BUILD_ID")) execFileSync("npx", ["--no-install", "next", "build"], { stdio: "inherit" });
const env = {
  ...process.env,
  DATABASE_URL: url.toString(),
  AUTH_SECRET: "benchmark-only-secret",
  APP_URL: `http://127.0.0.1:${port}`,
  PUBLIC_REGISTRATION_RATE_LIMIT: "1000000000",
  // The cheapest proof of work: the registration path still verifies it, the client barely solves.
  POW_DIFFICULTY: "1",
  DATABASE_POOL_SIZE: String(Math.ceil(poolSize / instances)),
  // Measures the registration path: the confirmations wait in the outbox for a
  // worker (as with PORTICO_WORKER=off web instances); BENCH_WORKER=on delivers them meanwhile.
  PORTICO_WORKER: process.env.BENCH_WORKER === "on" ? "on" : "off",
  NODE_ENV: "production",
};
// Node refuses --cpu-prof in NODE_OPTIONS: the profiled server is started by node itself.
const profile = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
// Two events of the same shape, one for Portico and one for the raw baseline;
// and one each for the warm-up, which must not take the measured seats.
const events = [
  [slug, seats, reserve],
  [rawSlug, seats, reserve],
  [warmSlug, warmups, 0],
  [rawWarmSlug, warmups, 0],
  [solvedSlug, seats, reserve],
];
const setup = spawnSync("npx", ["--no-install", "tsx", "scripts/bench/setup-event.ts", ...events.flat().map(String)], { stdio: "inherit", env });
if (setup.status !== 0) process.exit(1);

const servers = Array.from({ length: instances }, (_, n) =>
  spawn(process.execPath, [...profile, "node_modules/next/dist/bin/next", "start", "--port", String(port + n)], {
    env,
    stdio: "ignore",
    detached: true,
  }),
);
const serversExited = Promise.all(servers.map((server) => new Promise((resolve) => server.on("exit", resolve))));
const stop = () => {
  for (const server of servers)
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {}
};
process.on("exit", stop);
const bases = servers.map((_, n) => `http://127.0.0.1:${port + n}`);
const base = bases[0];
/** The instance for request i: each takes its turn, as behind a round-robin load balancer. */
const baseFor = (i) => bases[((i % instances) + instances) % instances];
for (const address of bases)
  for (let i = 0; ; i++) {
    const ok = await fetch(`${address}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (i > 120) throw new Error(`${address} did not become healthy in 60 s`);
    await new Promise((r) => setTimeout(r, 500));
  }

/**
 * CPU seconds the whole machine has spent busy so far (Linux /proc/stat: all
 * processes, so the server, PostgreSQL's backends and this client alike), or
 * null elsewhere. Throughput on a saturated machine is cores / CPU per
 * operation, so the CPU each side spends per operation is what the share
 * comes down to, and it moves less with other load than the rate does.
 */
function busyCpuSeconds() {
  if (!existsSync("/proc/stat")) return null;
  const [, ...fields] = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/);
  // Fields: user nice system idle iowait irq softirq steal; idle and iowait are not busy.
  const [user, nice, system, , , irq, softirq, steal] = fields.map(Number);
  // USER_HZ is 100 on every Linux build Node supports.
  return (user + nice + system + irq + softirq + steal) / 100;
}

/** `count` tasks at `concurrency`; latencies and outcomes of each, the wall time and the machine's CPU per task. */
async function run(count, task) {
  const latencies = [];
  const outcomes = {};
  let next = 0;
  let lastSeat = 0;
  const cpuBefore = busyCpuSeconds();
  const started = performance.now();
  async function worker() {
    while (next < count) {
      const i = next++;
      const t0 = performance.now();
      // A connection the server dropped (e.g. a kept-alive socket closed as it was reused) is counted, not fatal.
      const outcome = await task(i).catch((error) => `error ${error.cause?.code ?? error.code ?? error.message}`);
      const t1 = performance.now();
      latencies.push(t1 - t0);
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      if (outcome === "REGISTERED") lastSeat = t1;
    }
  }
  await Promise.all(Array.from({ length: count < concurrency ? count : concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  const cpuAfter = busyCpuSeconds();
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  return {
    seconds,
    outcomes,
    perSecond: count / seconds,
    // The seat phase: from the start to the last seat taken (REGISTERED), the part both sides do alike.
    seatsPerSecond: (outcomes.REGISTERED ?? 0) / ((lastSeat - started) / 1000),
    p50: pct(50),
    p95: pct(95),
    max: latencies.at(-1),
    cpuMsPerTask: cpuBefore === null ? null : ((cpuAfter - cpuBefore) * 1000) / count,
  };
}

async function registerAt(eventSlug, email, i, proof) {
  // The challenge may come from one instance and the sign-up go to another (challenges are signed, not stored).
  const response = await fetch(`${baseFor(i)}/api/events/${eventSlug}/registrations`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: `Participant ${i}`, email, answers: {}, altcha: proof ?? (await solvedChallenge(baseFor(i + 1), "public-registration")) }),
  });
  const body = await response.json().catch(() => null);
  return response.status === 201 ? body.status : String(response.status);
}
const register = (i) => registerAt(slug, `p${i}@bench.test`, i);

// Warm-up, not measured: a server answers its first requests slowly (code is
// loaded and optimized, pools fill), so each side first registers `warmups`
// participants for an event of its own, at the same concurrency; then one on
// the measured event, whose stored registration and confirmation give the raw
// baseline its arguments.
await run(warmups, (i) => registerAt(warmSlug, `w${i}@warm.bench.test`, i));
const warmUpAt = Date.now();
const warmUp = await fetch(`${base}/api/events/${slug}/registrations`, {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ name: "Warm Up", email: "warmup@bench.test", answers: {}, altcha: await solvedChallenge(base, "public-registration") }),
}).then((r) => r.json());
const warmUpToken = warmUp.privateUrl?.split("/r/")[1] ?? null;

// The raw baseline, while the server is idle: the same statement with the same
// kind of arguments, straight from a pg pool of the server's size.
const pool = new pg.Pool({ connectionString: url.toString(), max: poolSize });
const eventId = async (s) => (await pool.query(`SELECT id FROM "Event" WHERE slug = $1`, [s])).rows[0].id;
const [rawEventId, rawWarmEventId] = [await eventId(rawSlug), await eventId(rawWarmSlug)];
const [sample] = (
  await pool.query(
    `SELECT r.locale, r.answers, r."holdExpiresAt", r."privacyNoticeId", r."privacyAcceptedAt", r."marketingConsent",
            m.locale AS "emailLocale", m.props, m."timeZone", m.subject, a."fileName", a."contentType", a.content
     FROM "Registration" r JOIN "EmailMessage" m ON m."to" = r.email AND m.template = 'eventRegistration'
     LEFT JOIN "EmailAttachment" a ON a."emailMessageId" = m.id
     WHERE r.email = 'warmup@bench.test'`,
  )
).rows;
if (!sample) throw new Error("the warm-up registration or its confirmation is missing");
/** What registerInOneStatement passes for participant i (name and private link filled in as the app does). */
function rawArguments(eventId, email, i) {
  const token = randomBytes(32).toString("base64url");
  const fill = (s) => s && s.replaceAll("Warm Up", `Participant ${i}`).replaceAll(warmUpToken ?? "\u0000", token);
  return [
    eventId,
    "PUBLIC",
    new Date(),
    randomUUID(),
    null,
    `Participant ${i}`,
    email,
    null,
    sample.locale,
    JSON.stringify(sample.answers),
    createHash("sha256").update(token).digest("hex"),
    randomUUID(),
    sample.emailLocale,
    fill(JSON.stringify(sample.props)),
    sample.timeZone,
    fill(sample.subject),
    sample.content ? randomUUID() : null,
    sample.fileName,
    sample.contentType,
    sample.content,
    // A hold lasts as long from each sign-up as from the warm-up's.
    sample.holdExpiresAt ? new Date(Date.now() + (new Date(sample.holdExpiresAt).getTime() - warmUpAt)) : null,
    sample.privacyNoticeId,
    sample.privacyAcceptedAt ? new Date() : null,
    sample.marketingConsent,
  ];
}
const rawStatement = `SELECT portico_register_seat(
  $1::uuid, $2, $3, $4::uuid, $5::uuid, $6, $7, $8, $9, $10::jsonb, $11, $12::uuid, $13, $14::jsonb, $15, $16, $17::uuid, $18, $19, $20,
  $21, $22::uuid, $23, $24) AS outcome`;
const rawCallAt = async (eventId, email, i) => (await pool.query(rawStatement, rawArguments(eventId, email, i))).rows[0].outcome;
const rawCall = (i) => rawCallAt(rawEventId, `r${i}@raw.bench.test`, i);
// The same warm-up as Portico's.
await run(warmups, (i) => rawCallAt(rawWarmEventId, `w${i}@warm.raw.bench.test`, i));
await rawCall(-1);
const raw = await run(requests, rawCall);
await pool.end();

const portico = await run(requests, register);
// The floor of any request on this server: a static file (public/robots.txt),
// no application code and no database, at the same concurrency. No route of
// the app can answer faster than this, which bounds its share of the raw figure.
const floor = await run(requests, async (i) => {
  const response = await fetch(`${baseFor(i)}/robots.txt`);
  await response.arrayBuffer();
  return String(response.status);
});
// The floor of this very route: the same URL with a method it does not
// export (GET answers 405). Next.js matches and loads the route module as for
// the sign-up, but no application code and no database run.
const routeFloor = await run(requests, async (i) => {
  const response = await fetch(`${baseFor(i)}/api/events/${slug}/registrations`);
  await response.arrayBuffer();
  return String(response.status);
});
// Each sign-up is two requests: where the time goes between them. The
// challenge alone; then the sign-up with its proof solved beforehand (not
// timed), on an event of the same shape.
const challenges = await run(requests, async (i) => {
  const response = await fetch(`${baseFor(i)}/api/pow/public-registration`);
  await response.arrayBuffer();
  return String(response.status);
});
const proofs = [];
for (let i = 0; i < requests; i++) proofs.push(await solvedChallenge(base, "public-registration"));
const solved = await run(requests, (i) => registerAt(solvedSlug, `s${i}@solved.bench.test`, i, proofs[i]));
stop();
await serversExited; // (a CPU profile is written on exit)

const counts = (s, ...flags) =>
  JSON.parse(
    execFileSync("npx", ["--no-install", "tsx", "scripts/bench/count-registrations.ts", s, ...flags], { env, encoding: "utf8" })
      .trim()
      .split("\n")
      .at(-1),
  );
const check = (counted) => ({
  overbooking: Math.max(0, counted.registeredRows - counted.seats) + Math.max(0, counted.reserveRows - counted.reserveSeats),
  countersMatch: counted.registeredRows === counted.registeredCount && counted.reserveRows === counted.reserveCount,
});
const counted = counts(slug);
const rawCounted = counts(rawSlug);
const { overbooking, countersMatch } = check(counted);
const rawCheck = check(rawCounted);
const solvedCheck = check(counts(solvedSlug));
const queued = counts(slug, "--emails");

const f = (n) => n.toFixed(1);
const list = (outcomes) =>
  Object.entries(outcomes)
    .map(([s, n]) => `${s}×${n}`)
    .join(", ");
console.log(
  `requests: ${requests} at concurrency ${concurrency}, pool ${poolSize}, ${instances} web process${instances > 1 ? "es" : ""}, against ${seats} seats + ${reserve} reserve per event (unmeasured before each side: ${warmups} registrations on an event of their own, 1 on the measured event)`,
);
console.log(`\nraw baseline: SELECT portico_register_seat(...) straight through pg, on event "${rawSlug}"`);
console.log(`  answers: ${list(raw.outcomes)} (GENERAL = the app would take its general path: reserve or full)`);
console.log(`  throughput: ${f(raw.perSecond)} calls/s (${raw.seconds.toFixed(2)} s); seat phase ${f(raw.seatsPerSecond)} seats/s`);
console.log(`  latency: p50 ${f(raw.p50)} ms, p95 ${f(raw.p95)} ms, max ${f(raw.max)} ms`);
console.log(`  stored: ${rawCounted.registeredRows} registered / ${rawCounted.seats} seats; counters match rows: ${rawCheck.countersMatch}`);
console.log(`\nPortico: POST /api/events/${slug}/registrations on the production build`);
console.log(`  responses: ${list(portico.outcomes)}`);
console.log(
  `  throughput: ${f(portico.perSecond)} requests/s; ${f(((portico.outcomes.REGISTERED ?? 0) + (portico.outcomes.RESERVE ?? 0)) / portico.seconds)} registrations/s (${portico.seconds.toFixed(2)} s); seat phase ${f(portico.seatsPerSecond)} seats/s`,
);
console.log(`  latency: p50 ${f(portico.p50)} ms, p95 ${f(portico.p95)} ms, max ${f(portico.max)} ms`);
console.log(
  `  stored: ${counted.registeredRows} registered / ${counted.seats} seats, ${counted.reserveRows} reserve / ${counted.reserveSeats}; counters match rows: ${countersMatch}`,
);
console.log(`  confirmation e-mails in the outbox: ${queued.emails} (worker ${env.PORTICO_WORKER === "off" ? "off during the run" : "on"})`);
console.log(
  `\nPortico ${f(portico.perSecond)}/s = ${Math.round((100 * portico.perSecond) / raw.perSecond)}% of raw ${f(raw.perSecond)}/s (all ${requests} requests answered, per second)`,
);
console.log(
  `seat phase: Portico ${f(portico.seatsPerSecond)}/s = ${Math.round((100 * portico.seatsPerSecond) / raw.seatsPerSecond)}% of raw ${f(raw.seatsPerSecond)}/s`,
);
console.log(
  `framework floor: GET /robots.txt (no application code) ${f(floor.perSecond)}/s = ${Math.round((100 * floor.perSecond) / raw.perSecond)}% of raw; Portico is ${Math.round((100 * portico.perSecond) / floor.perSecond)}% of the floor`,
);
console.log(
  `route floor: GET on the same route (405, no application code) ${f(routeFloor.perSecond)}/s = ${Math.round((100 * routeFloor.perSecond) / raw.perSecond)}% of raw; Portico is ${Math.round((100 * portico.perSecond) / routeFloor.perSecond)}% of it (${list(routeFloor.outcomes)})`,
);
console.log(
  `split: the challenge alone (GET /api/pow/public-registration) ${f(challenges.perSecond)}/s (${list(challenges.outcomes)}); the sign-up with its proof solved beforehand ${f(solved.perSecond)}/s (${list(solved.outcomes)}); both in turn at most ${f(1 / (1 / challenges.perSecond + 1 / solved.perSecond))}/s`,
);
if (raw.cpuMsPerTask !== null) {
  const ms = (n) => `${n.toFixed(2)} ms`;
  console.log(
    `CPU per operation, whole machine (server, PostgreSQL, this client): raw call ${ms(raw.cpuMsPerTask)}; Portico sign-up ${ms(portico.cpuMsPerTask)}; challenge ${ms(challenges.cpuMsPerTask)}; sign-up with solved proof ${ms(solved.cpuMsPerTask)}; route floor ${ms(routeFloor.cpuMsPerTask)}; static floor ${ms(floor.cpuMsPerTask)}`,
  );
  // Half the raw rate on the same saturated cores allows twice the raw call's CPU per sign-up;
  // a sign-up is two requests (challenge, then the POST) that each cost at least the route floor, and its seat statement costs at least the raw call.
  console.log(
    `50% of raw allows ${ms(2 * raw.cpuMsPerTask)} per sign-up; two route floors and the seat statement alone take ${ms(2 * routeFloor.cpuMsPerTask + raw.cpuMsPerTask)}, one floor and the statement (a single request) ${ms(routeFloor.cpuMsPerTask + raw.cpuMsPerTask)}`,
  );
}
console.log(`overbooking: ${overbooking} (raw baseline: ${rawCheck.overbooking}; sign-ups with solved proofs: ${solvedCheck.overbooking})`);
const sound = [{ overbooking, countersMatch }, rawCheck, solvedCheck].every((c) => c.overbooking === 0 && c.countersMatch);
process.exit(sound ? 0 : 1);
