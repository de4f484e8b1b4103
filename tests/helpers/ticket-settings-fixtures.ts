// Records for the ticket settings tests: a group with a type, and tickets or
// stage-history rows written straight through Prisma (the runtime's rules are
// not under test here, only how settings treat records that use them).
import { expect } from "vitest";
import type { DbOrTx } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import { StageResponsible } from "@/lib/generated/prisma/enums";
import { uniqueTag } from "./factories";

export async function createGroupAndType(db: DbOrTx) {
  const group = await db.ticketGroup.create({ data: { name: uniqueTag("Group ") } });
  const type = await db.ticketType.create({ data: { groupId: group.id, name: uniqueTag("Type ") } });
  return { group, type };
}

let nextPosition = 100;
export async function createStage(
  db: DbOrTx,
  typeId: string,
  overrides: { name?: string; responsible?: StageResponsible; terminal?: boolean; position?: number } = {},
) {
  return db.ticketStage.create({
    data: {
      typeId,
      name: overrides.name ?? uniqueTag("Stage "),
      responsible: overrides.responsible ?? StageResponsible.STAFF,
      terminal: overrides.terminal ?? false,
      position: overrides.position ?? nextPosition++,
    },
  });
}

/** A ticket sitting in `stageId` (of the type and group given). */
export async function createTicketIn(db: DbOrTx, { groupId, typeId, stageId }: { groupId: string; typeId: string; stageId: string }) {
  return db.ticket.create({ data: { groupId, typeId, stageId, responsible: StageResponsible.CLIENT, subject: uniqueTag("Ticket ") } });
}

/** A stage-history row of `ticketId` moving from one stage to another. */
export async function createMovement(db: DbOrTx, ticketId: string, fromStageId: string | null, toStageId: string) {
  return db.ticketMovement.create({
    data: {
      ticketId,
      fromStageId,
      toStageId,
      fromStageName: fromStageId ? "From" : null,
      toStageName: "To",
      conditionName: "Request",
      reason: "",
      actorName: "Test",
      fromEnteredAt: new Date(),
    },
  });
}

/** The field errors of a ValidationError the promise must reject with. */
export async function fieldErrors(promise: Promise<unknown>): Promise<Record<string, string>> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).fields;
}
