// The field-rule matrix of a type: per parameter and stage, whether
// it is invisible (staff screens), invisible in the portal (independent of
// invisible, so a field can be hidden from clients only), required, read-only, or required from the
// previous stage. One TicketFieldRule row per cell that has any flag; no row
// means visible, optional and editable. Combinations nobody could satisfy are
// refused. Staff only.
import "server-only";
import { assertStaff, type Actor } from "@/lib/auth/actor";
import type { Db, DbOrTx } from "@/lib/db";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { parseFieldLabels } from "./field-label";
import { cellKey, ruleCellError } from "./rule-checks";
import { ruleFlags, ruleMatrixSchema, type RuleMatrixInput } from "./schemas";
import { assertUuid, lockType, parseInput } from "./shared";

/** Fields (rows) and stages (columns) of the type, active or not, with the stored rules by cellKey. */
export async function getRuleMatrix(db: DbOrTx, actor: Actor, typeId: string) {
  assertStaff(actor);
  assertUuid(typeId);
  const type = await db.ticketType.findUnique({
    where: { id: typeId },
    select: {
      fields: { orderBy: [{ position: "asc" }, { id: "asc" }], select: { id: true, labels: true, kind: true, active: true } },
      stages: { orderBy: [{ position: "asc" }, { id: "asc" }], select: { id: true, name: true, responsible: true, active: true } },
    },
  });
  if (!type) throw new NotFoundError("common.notFound");
  const rules = await db.ticketFieldRule.findMany({ where: { field: { typeId } } });
  const byCell = Object.fromEntries(rules.map((r) => [cellKey(r.fieldId, r.stageId), r]));
  return { fields: type.fields.map((f) => ({ ...f, labels: parseFieldLabels(f.labels) })), stages: type.stages, rules: byCell };
}

/**
 * Saves the given cells of the type's matrix: a cell with any flag is upserted,
 * an all-false cell's row is deleted. Cells not given are left alone. Every
 * cell is checked first; one bad cell saves nothing.
 */
export async function saveRuleMatrix(db: Db, actor: Actor, typeId: string, input: RuleMatrixInput): Promise<void> {
  assertStaff(actor);
  assertUuid(typeId);
  const { cells } = parseInput(ruleMatrixSchema, input);
  await db.$transaction(async (tx) => {
    await lockType(tx, typeId);
    const [fields, stages] = await Promise.all([
      tx.ticketField.findMany({ where: { typeId }, select: { id: true } }),
      tx.ticketStage.findMany({ where: { typeId }, select: { id: true, responsible: true } }),
    ]);
    const fieldIds = new Set(fields.map((f) => f.id));
    const responsibleOf = new Map(stages.map((s) => [s.id, s.responsible]));
    const errors: Record<string, string> = {};
    for (const cell of cells) {
      const responsible = responsibleOf.get(cell.stageId);
      if (!fieldIds.has(cell.fieldId) || !responsible) throw new NotFoundError("common.notFound");
      const error = ruleCellError(cell, responsible);
      if (error) errors[cellKey(cell.fieldId, cell.stageId)] = error;
    }
    if (Object.keys(errors).length > 0) throw new ValidationError(errors, "ticketSettings.errors.rulesInvalid");
    const cleared = cells.filter((cell) => !ruleFlags.some((f) => cell[f]));
    if (cleared.length > 0) await tx.ticketFieldRule.deleteMany({ where: { OR: cleared.map(({ fieldId, stageId }) => ({ fieldId, stageId })) } });
    for (const cell of cells) {
      if (!ruleFlags.some((f) => cell[f])) continue;
      const { fieldId, stageId, ...flags } = cell;
      await tx.ticketFieldRule.upsert({ where: { fieldId_stageId: { fieldId, stageId } }, create: cell, update: flags });
    }
  });
}

export { cellKey };
