// Small pieces shared by the ticket settings modules.
import "server-only";
import type { z } from "zod";
import type { DbOrTx } from "@/lib/db";
import { isUniqueViolation, isUuid } from "@/lib/db/query-guards";
import { NotFoundError, ValidationError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { Role } from "@/lib/generated/prisma/enums";
import { zodFieldErrors } from "@/lib/forms/action-result";

/** Who may be an attendant or a team member: active STAFF or ADMIN users. */
export const activeStaffWhere = { active: true, role: { in: [Role.STAFF, Role.ADMIN] } } satisfies Prisma.UserWhereInput;

export function nameTakenOr(error: unknown): unknown {
  return isUniqueViolation(error) ? new ValidationError({ name: "validation.nameTaken" }) : error;
}

export function assertUuid(id: unknown): asserts id is string {
  if (!isUuid(id)) throw new NotFoundError("common.notFound");
}

/**
 * Serializes workflow edits of one type (reorders, stage removals, the rule
 * matrix) so two staff members saving at once never interleave positions.
 */
export async function lockType(tx: DbOrTx, typeId: string): Promise<void> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "TicketType" WHERE id = ${typeId}::uuid FOR UPDATE`;
  if (rows.length === 0) throw new NotFoundError("common.notFound");
}

/** Active staff users for the attendant and member pickers. */
export async function activeStaffOptions(db: DbOrTx) {
  return db.user.findMany({ where: activeStaffWhere, orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, name: true, email: true } });
}

/**
 * The domain validates its input with the form's schema too: the rules (a
 * transition needs a condition, choices need options) hold for every caller,
 * not only for the forms.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationError(zodFieldErrors(result.error));
  return result.data;
}
