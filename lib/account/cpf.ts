// A portal user's own CPF (seed 000: certificates need it; the participant can
// check and add it in the portal). Valid by its check digits and unique per person.
import type { Actor } from "@/lib/auth/actor";
import type { DbOrTx } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/query-guards";
import { ValidationError } from "@/lib/errors";
import { parseCpf } from "@/lib/events/cpf";
import type { CpfInput } from "./cpf-schema";

export async function setOwnCpf(db: DbOrTx, actor: Actor, input: CpfInput): Promise<string> {
  const cpf = parseCpf(input.cpf);
  if (!cpf) throw new ValidationError({ cpf: "account.cpfInvalid" });
  try {
    await db.user.update({ where: { id: actor.userId }, data: { cpf } });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ValidationError({ cpf: "account.cpfTaken" });
    throw error;
  }
  return cpf;
}

export async function ownCpf(db: DbOrTx, actor: Actor): Promise<string | null> {
  const user = await db.user.findUnique({ where: { id: actor.userId }, select: { cpf: true } });
  return user?.cpf ?? null;
}
