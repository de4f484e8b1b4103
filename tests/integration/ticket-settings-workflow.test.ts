// Ticket type workflows: ordered stages with a responsible party,
// terminal stages, transitions within the type with named conditions, the
// start-stage warning, and edits that never break tickets already inside.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { Role, StageResponsible } from "@/lib/generated/prisma/enums";
import {
  deleteTransition,
  getWorkflow,
  moveStage,
  removeStage,
  restoreStage,
  saveStage,
  saveTransition,
  saveTransitionConditions,
  startStage,
} from "@/lib/tickets/settings/workflow-editor";
import { saveRuleMatrix } from "@/lib/tickets/settings/rule-matrix";
import { createActor, createUser } from "../helpers/factories";
import { fieldErrors, createGroupAndType, createMovement, createTicketIn } from "../helpers/ticket-settings-fixtures";
import { withTestDatabase, type TestDatabase } from "../helpers/db-test";

const database = withTestDatabase();
let db: TestDatabase["prisma"];
let staff: Actor;
let client: Actor;

beforeAll(async () => {
  db = database.prisma;
  ({ actor: staff } = await createActor(db, Role.STAFF));
  ({ actor: client } = await createActor(db, Role.CLIENT));
});

const stage = (
  name: string,
  responsible: StageResponsible = StageResponsible.STAFF,
  extra: Partial<{ teamId: string; attendantId: string; terminal: boolean }> = {},
) => ({
  name,
  responsible,
  terminal: false,
  ...extra,
});

async function newType() {
  const { group, type } = await createGroupAndType(db);
  return { groupId: group.id, typeId: type.id };
}

async function stageNames(typeId: string) {
  return (await getWorkflow(db, staff, typeId)).stages.filter((s) => s.active).map((s) => s.name);
}

describe("stages", () => {
  it("places new stages last and reorders active stages up and down", async () => {
    const { typeId } = await newType();
    const a = await saveStage(db, staff, typeId, undefined, stage("A", StageResponsible.CLIENT));
    const b = await saveStage(db, staff, typeId, undefined, stage("B"));
    const c = await saveStage(db, staff, typeId, undefined, stage("C"));
    expect(await stageNames(typeId)).toEqual(["A", "B", "C"]);
    await moveStage(db, staff, c.id, "up");
    expect(await stageNames(typeId)).toEqual(["A", "C", "B"]);
    await moveStage(db, staff, a.id, "down");
    expect(await stageNames(typeId)).toEqual(["C", "A", "B"]);
    await moveStage(db, staff, c.id, "up"); // already first: nothing changes
    await moveStage(db, staff, b.id, "down"); // already last
    expect(await stageNames(typeId)).toEqual(["C", "A", "B"]);
    expect((await startStage(db, typeId))?.id).toBe(c.id);
  });

  it("moves past archived stages as if they were not there", async () => {
    const { groupId, typeId } = await newType();
    const a = await saveStage(db, staff, typeId, undefined, stage("A", StageResponsible.CLIENT));
    const b = await saveStage(db, staff, typeId, undefined, stage("B"));
    const c = await saveStage(db, staff, typeId, undefined, stage("C"));
    await createTicketIn(db, { groupId, typeId, stageId: b.id });
    expect(await removeStage(db, staff, b.id)).toEqual({ archived: true });
    await moveStage(db, staff, c.id, "up");
    expect(await stageNames(typeId)).toEqual(["C", "A"]);
    expect((await startStage(db, typeId))?.id).toBe(c.id);
    expect((await startStage(db, typeId))?.id).not.toBe(a.id);
  });

  it("accepts a team and an attendant only on staff stages, and only active ones", async () => {
    const { typeId } = await newType();
    const team = await db.staffTeam.create({ data: { name: "Team " + typeId } });
    const inactiveTeam = await db.staffTeam.create({ data: { name: "Old team " + typeId, active: false } });
    const attendant = await createUser(db, { role: Role.STAFF });
    const admin = await createUser(db, { role: Role.ADMIN });
    const inactiveStaff = await createUser(db, { role: Role.STAFF, active: false });
    const clientUser = await createUser(db, { role: Role.CLIENT });

    const ok = await saveStage(db, staff, typeId, undefined, stage("Analysis", StageResponsible.STAFF, { teamId: team.id, attendantId: attendant.id }));
    expect(await db.ticketStage.findUniqueOrThrow({ where: { id: ok.id } })).toMatchObject({
      teamId: team.id,
      attendantId: attendant.id,
      responsible: "STAFF",
    });
    await saveStage(db, staff, typeId, ok.id, stage("Analysis", StageResponsible.STAFF, { attendantId: admin.id }));
    expect(await db.ticketStage.findUniqueOrThrow({ where: { id: ok.id } })).toMatchObject({ teamId: null, attendantId: admin.id });

    expect(await fieldErrors(saveStage(db, staff, typeId, undefined, stage("X", StageResponsible.STAFF, { attendantId: inactiveStaff.id })))).toEqual({
      attendantId: "ticketSettings.errors.attendantNotStaff",
    });
    expect(await fieldErrors(saveStage(db, staff, typeId, undefined, stage("X", StageResponsible.STAFF, { attendantId: clientUser.id })))).toEqual({
      attendantId: "ticketSettings.errors.attendantNotStaff",
    });
    expect(await fieldErrors(saveStage(db, staff, typeId, undefined, stage("X", StageResponsible.STAFF, { teamId: inactiveTeam.id })))).toEqual({
      teamId: "ticketSettings.errors.teamInactive",
    });
    expect(
      await fieldErrors(saveStage(db, staff, typeId, undefined, stage("X", StageResponsible.CLIENT, { teamId: team.id, attendantId: attendant.id }))),
    ).toEqual({
      teamId: "ticketSettings.errors.clientStageNoStaff",
      attendantId: "ticketSettings.errors.clientStageNoStaff",
    });
  });

  it("keeps stage names unique among the type's active stages", async () => {
    const { typeId } = await newType();
    await saveStage(db, staff, typeId, undefined, stage("Analysis"));
    expect(await fieldErrors(saveStage(db, staff, typeId, undefined, stage("analysis")))).toEqual({ name: "validation.nameTaken" });
    const other = await newType();
    await expect(saveStage(db, staff, other.typeId, undefined, stage("Analysis"))).resolves.toBeTruthy();
  });

  it("does not edit a stage through another type's URL", async () => {
    const one = await newType();
    const two = await newType();
    const s = await saveStage(db, staff, one.typeId, undefined, stage("A"));
    await expect(saveStage(db, staff, two.typeId, s.id, stage("B"))).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("transitions and conditions", () => {
  it("saves transitions with named conditions, replacing them while keeping the ids of kept names", async () => {
    const { typeId } = await newType();
    const analysis = await saveStage(db, staff, typeId, undefined, stage("Analysis"));
    const review = await saveStage(db, staff, typeId, undefined, stage("Review", StageResponsible.CLIENT));
    const t = await saveTransition(db, staff, analysis.id, { toStageId: review.id, conditions: ["Solution proposed", " Needs information ", ""] });
    const before = await db.ticketTransitionCondition.findMany({ where: { transitionId: t.id }, orderBy: { position: "asc" } });
    expect(before.map((c) => c.name)).toEqual(["Solution proposed", "Needs information"]);

    const again = await saveTransition(db, staff, analysis.id, { toStageId: review.id, conditions: ["Needs information", "Resolved"] });
    expect(again.id).toBe(t.id);
    const after = await db.ticketTransitionCondition.findMany({ where: { transitionId: t.id }, orderBy: { position: "asc" } });
    expect(after.map((c) => c.name)).toEqual(["Needs information", "Resolved"]);
    expect(after[0].id).toBe(before.find((c) => c.name === "Needs information")?.id);

    await saveTransitionConditions(db, staff, t.id, { conditions: ["Resolved"] });
    expect((await db.ticketTransitionCondition.findMany({ where: { transitionId: t.id } })).map((c) => c.name)).toEqual(["Resolved"]);
  });

  it("sets, changes and clears the decision a condition means, refusing unknown decisions", async () => {
    const { typeId } = await newType();
    const review = await saveStage(db, staff, typeId, undefined, stage("Review", StageResponsible.CLIENT));
    const analysis = await saveStage(db, staff, typeId, undefined, stage("Analysis"));
    const t = await saveTransition(db, staff, review.id, {
      toStageId: analysis.id,
      conditions: ["Understanding approved", "Understanding rejected", "Question"],
      decisions: { "Understanding approved": "APPROVE", "Understanding rejected": "REJECT", Question: "", Gone: "APPROVE" },
    });
    const decisions = async () =>
      Object.fromEntries(
        (await db.ticketTransitionCondition.findMany({ where: { transitionId: t.id }, orderBy: { position: "asc" } })).map((c) => [c.name, c.decision]),
      );
    expect(await decisions()).toEqual({ "Understanding approved": "APPROVE", "Understanding rejected": "REJECT", Question: null });
    // The workflow page reads them back for the editor.
    const workflow = await getWorkflow(db, staff, typeId);
    const out = workflow.stages.find((s) => s.id === review.id)?.outgoing[0];
    expect(out?.conditions.map((c) => c.decision)).toEqual(["APPROVE", "REJECT", null]);

    await saveTransitionConditions(db, staff, t.id, {
      conditions: ["Understanding approved", "Understanding rejected", "Question"],
      decisions: { "Understanding approved": "", Question: "REJECT" },
    });
    expect(await decisions()).toEqual({ "Understanding approved": null, "Understanding rejected": null, Question: "REJECT" });

    await expect(saveTransitionConditions(db, staff, t.id, { conditions: ["Question"], decisions: { Question: "MAYBE" as never } })).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect(await decisions()).toEqual({ "Understanding approved": null, "Understanding rejected": null, Question: "REJECT" });
  });

  it("refuses a transition without conditions or with duplicate ones", async () => {
    const { typeId } = await newType();
    const a = await saveStage(db, staff, typeId, undefined, stage("A"));
    const b = await saveStage(db, staff, typeId, undefined, stage("B"));
    expect(await fieldErrors(saveTransition(db, staff, a.id, { toStageId: b.id, conditions: [] }))).toEqual({
      conditions: "ticketSettings.errors.conditionRequired",
    });
    expect(await fieldErrors(saveTransition(db, staff, a.id, { toStageId: b.id, conditions: ["  ", ""] }))).toEqual({
      conditions: "ticketSettings.errors.conditionRequired",
    });
    expect(await fieldErrors(saveTransition(db, staff, a.id, { toStageId: b.id, conditions: ["Done", "done"] }))).toEqual({
      conditions: "ticketSettings.errors.conditionDuplicate",
    });
    expect(await db.ticketTransition.count({ where: { fromStageId: a.id } })).toBe(0);

    const t = await saveTransition(db, staff, a.id, { toStageId: b.id, conditions: ["Go"] });
    expect(await fieldErrors(saveTransitionConditions(db, staff, t.id, { conditions: [] }))).toEqual({ conditions: "ticketSettings.errors.conditionRequired" });
    expect(await db.ticketTransitionCondition.count({ where: { transitionId: t.id } })).toBe(1);
  });

  it("refuses self-transitions, transitions to another type's stage, and transitions out of a terminal stage", async () => {
    const { typeId } = await newType();
    const a = await saveStage(db, staff, typeId, undefined, stage("A"));
    const done = await saveStage(db, staff, typeId, undefined, stage("Done", StageResponsible.STAFF, { terminal: true }));
    const other = await newType();
    const foreign = await saveStage(db, staff, other.typeId, undefined, stage("Foreign"));
    expect(await fieldErrors(saveTransition(db, staff, a.id, { toStageId: a.id, conditions: ["Loop"] }))).toEqual({
      toStageId: "ticketSettings.errors.transitionToSelf",
    });
    expect(await fieldErrors(saveTransition(db, staff, a.id, { toStageId: foreign.id, conditions: ["Jump"] }))).toEqual({
      toStageId: "ticketSettings.errors.transitionOtherType",
    });
    expect(await fieldErrors(saveTransition(db, staff, done.id, { toStageId: a.id, conditions: ["Reopen"] }))).toEqual({
      toStageId: "ticketSettings.errors.terminalNoTransitions",
    });
    await saveTransition(db, staff, a.id, { toStageId: done.id, conditions: ["Resolved"] });
    // A stage with a way out cannot become terminal (entering it completes the ticket).
    expect(await fieldErrors(saveStage(db, staff, typeId, a.id, stage("A", StageResponsible.STAFF, { terminal: true })))).toEqual({
      terminal: "ticketSettings.errors.terminalHasTransitions",
    });
  });

  it("deletes a transition with its conditions", async () => {
    const { typeId } = await newType();
    const a = await saveStage(db, staff, typeId, undefined, stage("A"));
    const b = await saveStage(db, staff, typeId, undefined, stage("B"));
    const t = await saveTransition(db, staff, a.id, { toStageId: b.id, conditions: ["Go"] });
    await deleteTransition(db, staff, t.id);
    expect(await db.ticketTransitionCondition.count({ where: { transitionId: t.id } })).toBe(0);
    await expect(deleteTransition(db, staff, t.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("start stage warnings", () => {
  it("warns until the first active stage is the client's with a way out", async () => {
    const { typeId } = await newType();
    expect((await getWorkflow(db, staff, typeId)).warnings).toEqual(["noStages"]);
    const analysis = await saveStage(db, staff, typeId, undefined, stage("Analysis"));
    expect((await getWorkflow(db, staff, typeId)).warnings).toEqual(["startNotClient", "startHasNoExit"]);
    const opening = await saveStage(db, staff, typeId, undefined, stage("Opening", StageResponsible.CLIENT));
    await moveStage(db, staff, opening.id, "up");
    expect((await getWorkflow(db, staff, typeId)).warnings).toEqual(["startHasNoExit"]);
    await saveTransition(db, staff, opening.id, { toStageId: analysis.id, conditions: ["Request"] });
    expect((await getWorkflow(db, staff, typeId)).warnings).toEqual([]);
    expect(await startStage(db, typeId)).toMatchObject({ id: opening.id, responsible: "CLIENT" });
  });

  it("does not count a way out into an archived stage", async () => {
    const { groupId, typeId } = await newType();
    const opening = await saveStage(db, staff, typeId, undefined, stage("Opening", StageResponsible.CLIENT));
    const analysis = await saveStage(db, staff, typeId, undefined, stage("Analysis"));
    await saveTransition(db, staff, opening.id, { toStageId: analysis.id, conditions: ["Request"] });
    await createTicketIn(db, { groupId, typeId, stageId: analysis.id });
    await removeStage(db, staff, analysis.id);
    expect((await getWorkflow(db, staff, typeId)).warnings).toEqual(["startHasNoExit"]);
  });
});

describe("editing a workflow that tickets are inside", () => {
  async function threeStages() {
    const { groupId, typeId } = await newType();
    const opening = await saveStage(db, staff, typeId, undefined, stage("Opening", StageResponsible.CLIENT));
    const analysis = await saveStage(db, staff, typeId, undefined, stage("Analysis"));
    const done = await saveStage(db, staff, typeId, undefined, stage("Done", StageResponsible.STAFF, { terminal: true }));
    await saveTransition(db, staff, opening.id, { toStageId: analysis.id, conditions: ["Request"] });
    await saveTransition(db, staff, analysis.id, { toStageId: done.id, conditions: ["Resolved"] });
    return { groupId, typeId, opening, analysis, done };
  }

  it("deletes an unused stage with its transitions", async () => {
    const { typeId, analysis } = await threeStages();
    expect(await removeStage(db, staff, analysis.id)).toEqual({ archived: false });
    expect(await db.ticketStage.findUnique({ where: { id: analysis.id } })).toBeNull();
    expect(await db.ticketTransition.count({ where: { OR: [{ fromStageId: analysis.id }, { toStageId: analysis.id }] } })).toBe(0);
    expect(await stageNames(typeId)).toEqual(["Opening", "Done"]);
  });

  it("archives a stage a ticket sits in, keeping its transitions so the ticket can leave", async () => {
    const { groupId, typeId, analysis, done } = await threeStages();
    const ticket = await createTicketIn(db, { groupId, typeId, stageId: analysis.id });
    expect(await removeStage(db, staff, analysis.id)).toEqual({ archived: true });
    const archived = await db.ticketStage.findUniqueOrThrow({ where: { id: analysis.id }, include: { outgoing: { include: { conditions: true } } } });
    expect(archived.active).toBe(false);
    expect(archived.outgoing.map((t) => [t.toStageId, t.conditions.map((c) => c.name)])).toEqual([[done.id, ["Resolved"]]]);
    expect((await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).stageId).toBe(analysis.id);
    expect(await stageNames(typeId)).toEqual(["Opening", "Done"]);
    // Conditions of an archived stage's way out stay editable.
    await saveTransition(db, staff, analysis.id, { toStageId: done.id, conditions: ["Resolved", "Closed"] });
  });

  it("archives a stage the stage history mentions as origin or destination", async () => {
    const { groupId, typeId, opening, done } = await threeStages();
    const ticket = await createTicketIn(db, { groupId, typeId, stageId: done.id });
    await createMovement(db, ticket.id, opening.id, done.id);
    expect(await removeStage(db, staff, opening.id)).toEqual({ archived: true });

    const other = await threeStages();
    const elsewhere = await createTicketIn(db, { groupId: other.groupId, typeId: other.typeId, stageId: other.opening.id });
    await createMovement(db, elsewhere.id, null, other.analysis.id);
    expect(await removeStage(db, staff, other.analysis.id)).toEqual({ archived: true });
    expect(await db.ticketStage.findUniqueOrThrow({ where: { id: other.analysis.id } })).toMatchObject({ active: false });
    // Its own history keeps working; the unused Done is really deleted.
    expect(await removeStage(db, staff, other.done.id)).toEqual({ archived: false });
  });

  it("refuses new transitions into an archived stage and restores it", async () => {
    const { groupId, typeId, opening } = await threeStages();
    const extra = await saveStage(db, staff, typeId, undefined, stage("Extra"));
    await createTicketIn(db, { groupId, typeId, stageId: extra.id });
    await removeStage(db, staff, extra.id);
    expect(await fieldErrors(saveTransition(db, staff, opening.id, { toStageId: extra.id, conditions: ["Go"] }))).toEqual({
      toStageId: "ticketSettings.errors.stageArchived",
    });
    await restoreStage(db, staff, extra.id);
    await expect(saveTransition(db, staff, opening.id, { toStageId: extra.id, conditions: ["Go"] })).resolves.toBeTruthy();
  });

  it("renaming a stage does not rewrite the stage history", async () => {
    const { groupId, typeId, opening, analysis } = await threeStages();
    const ticket = await createTicketIn(db, { groupId, typeId, stageId: analysis.id });
    const movement = await db.ticketMovement.create({
      data: {
        ticketId: ticket.id,
        fromStageId: opening.id,
        toStageId: analysis.id,
        fromStageName: "Opening",
        toStageName: "Analysis",
        conditionName: "Request",
        reason: "",
        actorName: "A",
        fromEnteredAt: new Date(),
      },
    });
    await saveStage(db, staff, typeId, analysis.id, stage("Investigation"));
    expect(await db.ticketMovement.findUniqueOrThrow({ where: { id: movement.id } })).toMatchObject({
      fromStageName: "Opening",
      toStageName: "Analysis",
      conditionName: "Request",
    });
    expect((await db.ticketStage.findUniqueOrThrow({ where: { id: analysis.id } })).name).toBe("Investigation");
  });

  it("moves whose turn it is for the open tickets in a stage when the stage changes sides", async () => {
    const { groupId, typeId, analysis } = await threeStages();
    const open = await createTicketIn(db, { groupId, typeId, stageId: analysis.id });
    const done = await db.ticket.update({
      where: { id: (await createTicketIn(db, { groupId, typeId, stageId: analysis.id })).id },
      data: { status: "COMPLETED", responsible: StageResponsible.STAFF },
    });
    await db.ticket.update({ where: { id: open.id }, data: { responsible: StageResponsible.STAFF } });
    await saveStage(db, staff, typeId, analysis.id, stage("Analysis", StageResponsible.CLIENT));
    expect((await db.ticket.findUniqueOrThrow({ where: { id: open.id } })).responsible).toBe(StageResponsible.CLIENT);
    expect((await db.ticket.findUniqueOrThrow({ where: { id: done.id } })).responsible).toBe(StageResponsible.STAFF);
  });

  it("refuses making a stage the client's when a field would be required there but hidden from the portal", async () => {
    const { typeId, analysis } = await threeStages();
    const field = await db.ticketField.create({ data: { typeId, labels: { en: "Cost" }, kind: "SHORT_TEXT" } });
    await saveRuleMatrix(db, staff, typeId, {
      cells: [
        { fieldId: field.id, stageId: analysis.id, invisible: false, invisibleInPortal: true, required: true, readOnly: false, requiredFromPrevious: false },
      ],
    });
    expect(await fieldErrors(saveStage(db, staff, typeId, analysis.id, stage("Analysis", StageResponsible.CLIENT)))).toEqual({
      responsible: "ticketSettings.errors.responsibleBreaksRules",
    });
  });
});

describe("authorization", () => {
  it("refuses clients", async () => {
    const { typeId } = await newType();
    const s = await saveStage(db, staff, typeId, undefined, stage("A"));
    const t = await saveStage(db, staff, typeId, undefined, stage("B"));
    const tr = await saveTransition(db, staff, s.id, { toStageId: t.id, conditions: ["Go"] });
    const calls: (() => Promise<unknown>)[] = [
      () => getWorkflow(db, client, typeId),
      () => saveStage(db, client, typeId, undefined, stage("X")),
      () => saveStage(db, client, typeId, s.id, stage("X")),
      () => moveStage(db, client, t.id, "up"),
      () => removeStage(db, client, s.id),
      () => restoreStage(db, client, s.id),
      () => saveTransition(db, client, s.id, { toStageId: t.id, conditions: ["X"] }),
      () => saveTransitionConditions(db, client, tr.id, { conditions: ["X"] }),
      () => deleteTransition(db, client, tr.id),
    ];
    for (const call of calls) await expect(call()).rejects.toBeInstanceOf(ForbiddenError);
    expect(await stageNames(typeId)).toEqual(["A", "B"]);
    expect(await db.ticketTransitionCondition.findMany({ where: { transitionId: tr.id }, select: { name: true } })).toEqual([{ name: "Go" }]);
  });
});
