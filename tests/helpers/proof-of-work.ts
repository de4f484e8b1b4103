// Solves a public form's proof-of-work challenge the way a browser does, so
// tests submit the forms exactly as people do (there is no bypass switch).
import { solveChallenge as solve } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/sha";
import type { DbOrTx } from "@/lib/db";
import { issueChallenge, type PowForm } from "@/lib/security/proof-of-work";

/** A fresh challenge from the server, solved: the value of the forms' "altcha" field. */
export async function solveChallenge(db: DbOrTx, form: PowForm): Promise<string> {
  const challenge = await issueChallenge(db, form);
  const solution = await solve({ challenge, deriveKey, timeout: 120_000 });
  if (!solution) throw new Error("proof of work: no solution found");
  return Buffer.from(JSON.stringify({ challenge, solution: { counter: solution.counter, derivedKey: solution.derivedKey } })).toString("base64");
}
