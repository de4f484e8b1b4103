// A portal user's own CPF (certificates need it; the participant can check and
// add it in the portal). Valid by its check digits and unique per
// person. "Already registered to another person" tells whether someone holds a
// CPF, so changes are limited per user (5 an hour) and every attempt, with its
// outcome, goes to the audit log, which admins read on the user's page.
import { assertAdmin, type Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import type { DbOrTx } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/query-guards";
import { DomainError, ValidationError } from "@/lib/errors";
import { parseCpf } from "@/lib/events/cpf";
import { hitRateLimit, type RateLimit } from "@/lib/security/rate-limit";
import type { CpfInput } from "./cpf-schema";

export const CPF_CHANGE_ACTION = "user.cpfChange";

export type CpfChangeOutcome = "saved" | "unchanged" | "taken" | "invalid" | "rateLimited";

export function cpfChangeLimit(env = process.env): RateLimit {
  return { limit: Number(env.CPF_CHANGE_RATE_LIMIT ?? 5), windowMs: 60 * 60 * 1000 };
}

/** "•••.•••.•47-25": enough for staff to tell attempts apart, not the whole number. */
export function maskCpf(digits: string): string {
  const tail = digits.replace(/\D/g, "").slice(-4).padStart(4, "•");
  return `•••.•••.•${tail.slice(0, 2)}-${tail.slice(2)}`;
}

async function audit(db: DbOrTx, actor: Actor, outcome: CpfChangeOutcome, cpf: string | null): Promise<void> {
  await db.auditLog.create({
    data: {
      actorId: actor.userId,
      actorName: actor.name,
      action: CPF_CHANGE_ACTION,
      entityType: "User",
      entityId: actor.userId,
      data: { outcome, cpf: cpf ? maskCpf(cpf) : null },
      createdAt: now(),
    },
  });
}

/**
 * Sets the actor's CPF. Every attempt is audited; one with wrong check digits
 * reveals nothing and is not counted, the others are, before the uniqueness check.
 */
export async function setOwnCpf(db: DbOrTx, actor: Actor, input: CpfInput): Promise<string> {
  const cpf = parseCpf(input.cpf);
  if (!cpf) {
    await audit(db, actor, "invalid", input.cpf);
    throw new ValidationError({ cpf: "account.cpfInvalid" });
  }
  const hit = await hitRateLimit(db, `cpf:user:${actor.userId}`, cpfChangeLimit());
  if (!hit.allowed) {
    await audit(db, actor, "rateLimited", cpf);
    throw new DomainError("account.cpfRateLimited", { minutes: Math.max(1, Math.ceil(hit.retryAfterMs / 60_000)) });
  }
  let changed: boolean;
  try {
    // Only a different value is written: re-saving one's own CPF is no change.
    const { count } = await db.user.updateMany({ where: { id: actor.userId, OR: [{ cpf: null }, { cpf: { not: cpf } }] }, data: { cpf } });
    changed = count > 0;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    await audit(db, actor, "taken", cpf);
    throw new ValidationError({ cpf: "account.cpfTaken" });
  }
  await audit(db, actor, changed ? "saved" : "unchanged", cpf);
  return cpf;
}

export async function ownCpf(db: DbOrTx, actor: Actor): Promise<string | null> {
  const user = await db.user.findUnique({ where: { id: actor.userId }, select: { cpf: true } });
  return user?.cpf ?? null;
}

export interface CpfChange {
  id: string;
  at: Date;
  outcome: CpfChangeOutcome;
  /** Masked. */
  cpf: string | null;
}

/** The user's latest CPF change attempts, newest first (admins). */
export async function listCpfChanges(db: DbOrTx, actor: Actor, userId: string, take = 20): Promise<CpfChange[]> {
  assertAdmin(actor);
  const rows = await db.auditLog.findMany({
    where: { entityType: "User", entityId: userId, action: CPF_CHANGE_ACTION },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, createdAt: true, data: true },
  });
  return rows.map((row) => {
    const data = (row.data ?? {}) as { outcome?: CpfChangeOutcome; cpf?: string | null };
    return { id: row.id, at: row.createdAt, outcome: data.outcome ?? "invalid", cpf: data.cpf ?? null };
  });
}
