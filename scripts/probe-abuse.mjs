// npm run probe:abuse
// Starts the production build on a fresh PostgreSQL database and sends junk at
// each public form: 1,000 submissions to the event sign-up (JSON route and the
// page's server action), the guest portal, sign-in and password reset, from
// 50 forged addresses (X-Forwarded-For, TRUST_PROXY=1). Prints per form the
// server errors (must be 0), how many were accepted and limited, and whether a
// legitimate submission from another address succeeds afterwards; then 200
// wrong passwords for one account and whether its owner still signs in.
// Loopback only; bounded in count (PROBE_COUNT, default 1000) and time (PROBE_TIMEOUT_S, 900).
//   PROBE_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/portico_probe; recreated), PROBE_PORT (3190)
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { solvedChallenge } from "./lib/proof-of-work.mjs";
import { recreateDatabase } from "./lib/fresh-database.mjs";

const url = new URL(process.env.PROBE_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/portico_probe");
const port = Number(process.env.PROBE_PORT ?? 3190);
const COUNT = Number(process.env.PROBE_COUNT ?? 1000);
const base = `http://127.0.0.1:${port}`;
const slug = "probe";
const owner = { email: "owner@probe.test", password: "owner-password-123" };

setTimeout(
  () => {
    console.error(`the probe did not finish in ${process.env.PROBE_TIMEOUT_S ?? 900} s`);
    process.exit(2);
  },
  Number(process.env.PROBE_TIMEOUT_S ?? 900) * 1000,
).unref();

await recreateDatabase(url);

if (!existsSync(".next/BUILD_ID")) execFileSync("npx", ["--no-install", "next", "build"], { stdio: "inherit" });
const env = {
  ...process.env,
  DATABASE_URL: url.toString(),
  AUTH_SECRET: "probe-only-secret-0123456789abcdef",
  APP_URL: base,
  TRUST_PROXY: "1",
  PORTICO_WORKER: "off",
  NODE_ENV: "production",
};
const setup = spawnSync("npx", ["--no-install", "tsx", "scripts/probe/setup.ts", slug, owner.email, owner.password], { env, encoding: "utf8" });
if (setup.status !== 0) {
  console.error(setup.stdout, setup.stderr);
  process.exit(1);
}
const { guestToken } = JSON.parse(setup.stdout.trim().split("\n").at(-1));

const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "--port", String(port), "--hostname", "127.0.0.1"], {
  env,
  stdio: "ignore",
  detached: true,
});
process.on("exit", () => {
  try {
    process.kill(-server.pid, "SIGTERM");
  } catch {}
});
for (let i = 0; ; i++) {
  if (
    await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    )
  )
    break;
  if (i > 240) throw new Error("the server did not become healthy in 120 s");
  await new Promise((r) => setTimeout(r, 500));
}

// Server actions by name, from the build's manifest (the ids the pages' forms use).
const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8"));
function actionId(name) {
  for (const [id, entry] of Object.entries(manifest.node ?? {})) if (entry.exportedName === name) return id;
  return null;
}
async function callAction(path, name, args, ip) {
  const id = actionId(name);
  if (!id) return { status: -1, text: "" };
  const response = await fetch(`${base}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component", Origin: base, "X-Forwarded-For": ip },
    body: JSON.stringify(args),
  });
  return { status: response.status, text: await response.text(), redirect: response.headers.get("x-action-redirect") };
}
const outcomeOfAction = (r) =>
  r.status >= 500 || r.status < 0
    ? "error"
    : r.redirect
      ? "accepted"
      : /rateLimited|tooMany|busy/i.test(r.text)
        ? "limited"
        : /"ok":false/.test(r.text)
          ? "refused"
          : "accepted";
const outcomeOfStatus = (s) => (s >= 500 ? "error" : s === 429 ? "limited" : s < 300 ? "accepted" : "refused");

const attackers = Array.from({ length: 50 }, (_, i) => `198.18.${Math.floor(i / 250)}.${(i % 250) + 1}`);
const junkName = (i) => `Bot ${i} ${"x".repeat(i % 7)}`;

async function flood(label, send, legit) {
  const counts = { error: 0, accepted: 0, limited: 0, refused: 0 };
  const started = performance.now();
  let next = 0;
  async function worker() {
    while (next < COUNT) {
      const i = next++;
      try {
        counts[await send(i, attackers[i % attackers.length])]++;
      } catch {
        counts.error++;
      }
    }
  }
  await Promise.all(Array.from({ length: 8 }, worker));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const legitimate = await legit("203.0.113.77").catch((e) => `error: ${e.message}`);
  console.log(
    `${label.padEnd(34)} server errors ${String(counts.error).padStart(4)} · accepted ${String(counts.accepted).padStart(4)} · limited ${String(counts.limited).padStart(4)} · refused ${String(counts.refused).padStart(4)} · ${seconds} s · legitimate from a new address: ${legitimate}`,
  );
  return { ...counts, legitimate };
}

const signUpJson = async (body, ip) => {
  const response = await fetch(`${base}/api/events/${slug}/registrations`, {
    method: "POST",
    headers: { "content-type": "application/json", "X-Forwarded-For": ip },
    body: JSON.stringify(body),
  });
  return outcomeOfStatus(response.status);
};
const guest = async (entries, ip) => {
  const form = new FormData();
  for (const [k, v] of Object.entries(entries)) form.append(k, v);
  const response = await fetch(`${base}/api/guest/${guestToken}`, { method: "POST", body: form, headers: { "X-Forwarded-For": ip } });
  return outcomeOfStatus(response.status);
};
async function guestFormToken() {
  const html = await fetch(`${base}/g/${guestToken}`).then((r) => r.text());
  return /formToken[^A-Za-z0-9_-]+([A-Za-z0-9_-]{24}\.\d+\.[A-Za-z0-9_-]{43})/.exec(html)?.[1] ?? "";
}
const junkSignUp = (i) =>
  [
    { name: junkName(i), email: `bot${i}@junk.test`, answers: {} },
    { name: junkName(i), email: `bot${i}@junk.test`, answers: {}, altcha: "garbage" },
    { name: "", email: "nope", answers: {} },
    { name: junkName(i), email: `bot${i}@junk.test`, answers: {}, website: "http://spam" },
  ][i % 4];

console.log(`\nAbuse probe: ${COUNT} junk submissions per form from ${attackers.length} addresses, production build on PostgreSQL\n`);
const results = {};
results.signUpRoute = await flood(
  "event sign-up (JSON route)",
  (i, ip) => signUpJson(junkSignUp(i), ip),
  async (ip) => signUpJson({ name: "Real Person", email: "real@person.test", answers: {}, altcha: await solvedChallenge(base, "public-registration") }, ip),
);
results.signUpAction = await flood(
  "event sign-up (server action)",
  async (i, ip) => outcomeOfAction(await callAction(`/e/${slug}`, "registerPubliclyAction", [slug, junkSignUp(i), junkSignUp(i).altcha ?? "$undefined"], ip)),
  async (ip) =>
    outcomeOfAction(
      await callAction(
        `/e/${slug}`,
        "registerPubliclyAction",
        [
          slug,
          { name: "Real Action", email: "real.action@person.test", answers: {}, cpf: "", website: "" },
          await solvedChallenge(base, "public-registration"),
        ],
        ip,
      ),
    ),
);
const formToken = await guestFormToken();
await new Promise((r) => setTimeout(r, 3500)); // the form token's minimum fill time
results.guest = await flood(
  "guest portal",
  (i, ip) =>
    guest(
      [
        { title: "spam", description: "spam" },
        { title: "spam", description: "spam", formToken, altcha: "garbage" },
        { title: "spam", formToken, website: "x" },
        { formToken: "forged", title: "x" },
      ][i % 4],
      ip,
    ),
  async (ip) => guest({ title: "Broken window", description: "Room 12", formToken, altcha: await solvedChallenge(base, "guest-request") }, ip),
);
const signIn = (email, password, ip) => callAction("/login", "loginAction", [{ email, password, callbackUrl: "/portal" }], ip).then(outcomeOfAction);
results.signIn = await flood(
  "sign-in",
  (i, ip) => signIn(`bot${i}@junk.test`, "wrong-password-1", ip),
  (ip) => signIn(owner.email, owner.password, ip),
);
const reset = (email, ip) => callAction("/forgot-password", "forgotPasswordAction", [{ email }], ip).then(outcomeOfAction);
results.reset = await flood(
  "password reset",
  (i, ip) => reset(`bot${i % 100}@junk.test`, ip),
  (ip) => reset(owner.email, ip),
);

// 200 wrong passwords for one account, from the attackers; then its owner from
// the address they signed in from before (the sign-in flood's legitimate
// attempt, 203.0.113.77), and from an address never seen: an attacked account
// slows down sign-in from new addresses (backoff) but not from the owner's own.
const wrong = { error: 0, accepted: 0, limited: 0, refused: 0 };
for (let i = 0; i < 200; i++) wrong[await signIn(owner.email, `wrong-${i}-password`, attackers[i % attackers.length])]++;
const ownerSignIn = await signIn(owner.email, owner.password, "203.0.113.77");
const ownerFromNewAddress = await signIn(owner.email, owner.password, "203.0.113.99");
console.log(
  `\n200 wrong passwords for ${owner.email}: accepted ${wrong.accepted}, refused ${wrong.refused}, limited ${wrong.limited}, server errors ${wrong.error}`,
);
console.log(
  `the owner afterwards, from the address they used before: ${ownerSignIn}; from a new address: ${ownerFromNewAddress} (an attacked account waits out a backoff there)`,
);
const errors = Object.values(results).reduce((n, c) => n + c.error, 0) + wrong.error;
const legitimateRefused = Object.entries(results)
  .filter(([, c]) => c.legitimate !== "accepted")
  .map(([form]) => form);
const ok = errors === 0 && wrong.accepted === 0 && ownerSignIn === "accepted" && legitimateRefused.length === 0;
console.log(
  ok
    ? "\nOK: no server errors, no wrong password accepted, every legitimate submission and the owner's sign-in got through"
    : `\nFAILED${legitimateRefused.length ? ` (legitimate refused: ${legitimateRefused.join(", ")})` : ""}`,
);
process.exit(ok ? 0 : 1);
