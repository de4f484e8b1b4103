// A portal user's own CPF (certificates need it; the participant can check and
// add it in the portal). It is the person's only one: their own
// customer record and their registrations read it from here (see
// personNationalId). Valid for the installation's national id setting (a CPF by
// its check digits; another number as typed; none at all) and unique per
// person. "Already registered to another person" tells whether someone holds a
// CPF, so changes are limited per user (5 an hour) and every attempt, with its
// outcome, goes to the audit log, which admins read on the user's page.
import { assertAdmin, type Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import type { DbOrTx } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/query-guards";
import { DomainError, ValidationError } from "@/lib/errors";
import { getNationalIdSetting } from "@/lib/settings/national-id";
import { formatNationalId, invalidNationalIdKey, parseNationalId, type NationalIdSetting } from "@/lib/settings/national-id-schema";
import type { CustomerKind } from "@/lib/generated/prisma/enums";
import { hitRateLimit, type RateLimit } from "@/lib/security/rate-limit";
import type { CpfInput } from "./cpf-schema";

const CPF_CHANGE_ACTION = "user.cpfChange";

type CpfChangeOutcome = "saved" | "unchanged" | "taken" | "invalid" | "rateLimited";

function cpfChangeLimit(env = process.env): RateLimit {
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
  const setting = await getNationalIdSetting(db);
  // An installation that asks for no national id stores none, whatever is sent.
  if (setting.mode === "none") throw new ValidationError({ cpf: "account.nationalIdNotAsked" });
  const cpf = parseNationalId(setting, input.cpf);
  if (!cpf) {
    await audit(db, actor, "invalid", input.cpf);
    throw new ValidationError({ cpf: invalidNationalIdKey(setting) });
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

export interface OwnNationalId {
  setting: NationalIdSetting;
  /** The stored number; null when missing or when the installation asks for none. */
  value: string | null;
  /** Whether the portal should ask for it (the installation asks for a national id and none is on file). */
  missing: boolean;
}

/** The actor's national id as the portal shows it, with the installation's setting. */
export async function ownNationalId(db: DbOrTx, actor: Actor): Promise<OwnNationalId> {
  const [setting, value] = await Promise.all([getNationalIdSetting(db), ownCpf(db, actor)]);
  if (setting.mode === "none") return { setting, value: null, missing: false };
  return { setting, value, missing: !value };
}

/**
 * The national id of the person behind a customer record or a registration:
 * the linked user's when there is one (the only copy), else the record's own
 * (a public registrant or a customer without a portal account).
 */
export function personNationalId(record: { user?: { cpf: string | null } | null; cpf?: string | null }): string | null {
  return record.user ? (record.user.cpf ?? record.cpf ?? null) : (record.cpf ?? null);
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

/** Customer kinds that are one person: their record's national id is the linked user's. */
const INDIVIDUAL_KINDS: readonly CustomerKind[] = ["PERSON", "STUDENT", "PROFESSOR"];

/** Whether this customer record's national id lives on its linked user (the person's only one). */
export function usesUserNationalId(setting: NationalIdSetting, customer: { kind: CustomerKind; userId?: string | null; user?: unknown }): boolean {
  return setting.mode !== "none" && INDIVIDUAL_KINDS.includes(customer.kind) && Boolean(customer.userId ?? customer.user);
}

/** Whether the document a customer record shows is a person's national id (a CPF), not a company's number. */
export function showsPersonalNationalId(setting: NationalIdSetting, customer: { kind: CustomerKind }): boolean {
  return setting.mode !== "none" && INDIVIDUAL_KINDS.includes(customer.kind);
}

/** What a customer record shows as its document: the linked person's national id (formatted) or the record's own. */
export function customerDocument(
  setting: NationalIdSetting,
  customer: { kind: CustomerKind; document: string | null; user?: { cpf: string | null } | null },
): string | null {
  if (!usesUserNationalId(setting, customer)) return customer.document;
  return customer.user?.cpf ? formatNationalId(setting, customer.user.cpf) : null;
}

/**
 * Staff give a client the national id typed on the client's own customer
 * record (or when adding them to an event): stored on the user, the one place,
 * when they have none; the same number is no change; a different one is
 * refused, since the person changes theirs on their profile. Audited like the
 * user's own changes.
 */
export async function assignUserNationalId(db: DbOrTx, actor: Actor, userId: string, typed: string, field: string): Promise<void> {
  const setting = await getNationalIdSetting(db);
  if (setting.mode === "none") return;
  const value = parseNationalId(setting, typed);
  if (!value) throw new ValidationError({ [field]: invalidNationalIdKey(setting) });
  const user = await db.user.findUnique({ where: { id: userId }, select: { cpf: true } });
  if (!user || user.cpf === value) return;
  if (user.cpf) throw new ValidationError({ [field]: "account.nationalIdOnProfile" });
  const holder = await db.user.findFirst({ where: { cpf: value, id: { not: userId } }, select: { id: true } });
  if (holder) throw new ValidationError({ [field]: "account.cpfTaken" });
  const { count } = await db.user.updateMany({ where: { id: userId, cpf: null }, data: { cpf: value } });
  await db.auditLog.create({
    data: {
      actorId: actor.userId,
      actorName: actor.name,
      action: CPF_CHANGE_ACTION,
      entityType: "User",
      entityId: userId,
      data: { outcome: count ? "saved" : "unchanged", cpf: maskCpf(value), by: "staff" },
      createdAt: now(),
    },
  });
}
