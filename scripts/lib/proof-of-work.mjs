// For the scripts that post to the public forms over HTTP (benchmarks, the
// multi-instance test, the abuse probe): fetch a challenge from the server and
// solve it as the browser does (lib/security/proof-of-work.ts), giving the
// value of the forms' "altcha" field.
import { solveChallenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/sha";

/** @param {string} base the app's address; @param {"public-registration" | "guest-request"} form */
export async function solvedChallenge(base, form, headers = {}) {
  const response = await fetch(`${base}/api/pow/${form}`, { headers });
  if (!response.ok) throw new Error(`GET /api/pow/${form}: ${response.status}`);
  const challenge = await response.json();
  const solution = await solveChallenge({ challenge, deriveKey, timeout: 300_000 });
  if (!solution) throw new Error("proof of work: no solution found");
  return Buffer.from(JSON.stringify({ challenge, solution: { counter: solution.counter, derivedKey: solution.derivedKey } })).toString("base64");
}
