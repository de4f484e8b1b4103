// Ticket type parameters (custom fields) and the field-rule matrix:
// labels per language with English required, kinds and their choices, order,
// activation; per field and stage the five independent flags, stored only when
// any is set, and the combinations nobody could fill in refused.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { Role, StageResponsible, TicketFieldKind } from "@/lib/generated/prisma/enums";
import { fieldLabel } from "@/lib/tickets/settings/field-label";
import { cellKey, getRuleMatrix, saveRuleMatrix } from "@/lib/tickets/settings/rule-matrix";
import { deleteField, getField, listFields, moveField, saveField, setFieldActive } from "@/lib/tickets/settings/fields";
import type { FieldInput, RuleCell } from "@/lib/tickets/settings/schemas";
import { createActor } from "../helpers/factories";
import { fieldErrors, createGroupAndType, createStage, createTicketIn } from "../helpers/ticket-settings-fixtures";
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

const field = (en: string, kind: TicketFieldKind = TicketFieldKind.SHORT_TEXT, options: string[] = [], extra: Partial<FieldInput> = {}): FieldInput => ({
  labels: { en, "pt-BR": "", fi: "" },
  kind,
  options,
  active: true,
  ...extra,
});

describe("fields", () => {
  it("stores labels per language; English is required and the others fall back to it", async () => {
    const { type } = await createGroupAndType(db);
    const { id } = await saveField(
      db,
      staff,
      type.id,
      undefined,
      field("Severity", TicketFieldKind.SINGLE_CHOICE, ["Low", "High"], { labels: { en: "Severity", "pt-BR": "Gravidade", fi: "" } }),
    );
    const saved = await getField(db, staff, type.id, id);
    expect(fieldLabel(saved.labels, "pt-BR")).toBe("Gravidade");
    expect(fieldLabel(saved.labels, "fi")).toBe("Severity");
    expect(fieldLabel(saved.labels, "en")).toBe("Severity");
    expect(await fieldErrors(saveField(db, staff, type.id, undefined, field("  ")))).toEqual({ "labels.en": "validation.required" });
  });

  it("requires non-empty, unique options for choice kinds and clears them for the others", async () => {
    const { type } = await createGroupAndType(db);
    for (const kind of [TicketFieldKind.SINGLE_CHOICE, TicketFieldKind.MULTIPLE_CHOICE]) {
      expect(await fieldErrors(saveField(db, staff, type.id, undefined, field("Pick", kind, [])))).toEqual({
        options: "ticketSettings.errors.optionsRequired",
      });
      expect(await fieldErrors(saveField(db, staff, type.id, undefined, field("Pick", kind, [" ", ""])))).toEqual({
        options: "ticketSettings.errors.optionsRequired",
      });
      expect(await fieldErrors(saveField(db, staff, type.id, undefined, field("Pick", kind, ["Low", "low"])))).toEqual({
        options: "ticketSettings.errors.optionsDuplicate",
      });
    }
    const multi = await saveField(db, staff, type.id, undefined, field("Tags", TicketFieldKind.MULTIPLE_CHOICE, [" A ", "", "B"]));
    expect((await getField(db, staff, type.id, multi.id)).options).toEqual(["A", "B"]);
    for (const kind of [TicketFieldKind.SHORT_TEXT, TicketFieldKind.LONG_TEXT, TicketFieldKind.NUMBER, TicketFieldKind.DATE, TicketFieldKind.YES_NO]) {
      const { id } = await saveField(db, staff, type.id, undefined, field("Plain", kind, ["left over"]));
      expect((await getField(db, staff, type.id, id)).options).toEqual([]);
    }
  });

  it("places new fields last, reorders them, and (de)activates them", async () => {
    const { type } = await createGroupAndType(db);
    const a = await saveField(db, staff, type.id, undefined, field("A"));
    const b = await saveField(db, staff, type.id, undefined, field("B"));
    const c = await saveField(db, staff, type.id, undefined, field("C"));
    const order = async () => (await listFields(db, staff, type.id)).map((f) => f.labels.en);
    expect(await order()).toEqual(["A", "B", "C"]);
    await moveField(db, staff, c.id, "up");
    await moveField(db, staff, a.id, "down");
    expect(await order()).toEqual(["C", "A", "B"]);
    await setFieldActive(db, staff, b.id, false);
    expect((await getField(db, staff, type.id, b.id)).active).toBe(false);
  });

  it("deletes an unused field and deactivates one that tickets have values for, whose kind is then locked", async () => {
    const { group, type } = await createGroupAndType(db);
    const stage = await createStage(db, type.id);
    const unused = await saveField(db, staff, type.id, undefined, field("Unused"));
    const used = await saveField(db, staff, type.id, undefined, field("Used"));
    const ticket = await createTicketIn(db, { groupId: group.id, typeId: type.id, stageId: stage.id });
    await db.ticketFieldValue.create({ data: { ticketId: ticket.id, fieldId: used.id, value: "x" } });

    expect(await fieldErrors(saveField(db, staff, type.id, used.id, field("Used", TicketFieldKind.NUMBER)))).toEqual({
      kind: "ticketSettings.errors.kindLocked",
    });
    await saveField(db, staff, type.id, used.id, field("Used, renamed"));
    expect(await deleteField(db, staff, unused.id)).toEqual({ archived: false });
    expect(await deleteField(db, staff, used.id)).toEqual({ archived: true });
    expect(await db.ticketField.findUnique({ where: { id: unused.id } })).toBeNull();
    expect(await db.ticketField.findUniqueOrThrow({ where: { id: used.id } })).toMatchObject({ active: false });
    expect(await db.ticketFieldValue.count({ where: { fieldId: used.id } })).toBe(1);
  });

  it("does not edit a field through another type's URL", async () => {
    const one = await createGroupAndType(db);
    const two = await createGroupAndType(db);
    const { id } = await saveField(db, staff, one.type.id, undefined, field("A"));
    await expect(saveField(db, staff, two.type.id, id, field("B"))).rejects.toBeInstanceOf(NotFoundError);
    await expect(getField(db, staff, two.type.id, id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("field rule matrix", () => {
  const none = { invisible: false, invisibleInPortal: false, required: false, readOnly: false, requiredFromPrevious: false };
  const cell = (fieldId: string, stageId: string, flags: Partial<typeof none> = {}): RuleCell => ({ fieldId, stageId, ...none, ...flags });

  async function setup() {
    const { type } = await createGroupAndType(db);
    const clientStage = await createStage(db, type.id, { responsible: StageResponsible.CLIENT, position: 0 });
    const staffStage = await createStage(db, type.id, { responsible: StageResponsible.STAFF, position: 1 });
    const f = await saveField(db, staff, type.id, undefined, field("Field"));
    const g = await saveField(db, staff, type.id, undefined, field("Other"));
    return { typeId: type.id, clientStage, staffStage, f, g };
  }

  it("stores each flag independently, invisible in the portal apart from invisible", async () => {
    const { typeId, clientStage, staffStage, f, g } = await setup();
    await saveRuleMatrix(db, staff, typeId, {
      cells: [
        cell(f.id, clientStage.id, { invisibleInPortal: true }),
        cell(f.id, staffStage.id, { invisible: true, readOnly: true }),
        cell(g.id, staffStage.id, { required: true, requiredFromPrevious: true }),
        cell(g.id, clientStage.id),
      ],
    });
    const { rules } = await getRuleMatrix(db, staff, typeId);
    expect(rules[cellKey(f.id, clientStage.id)]).toMatchObject({ ...none, invisibleInPortal: true });
    expect(rules[cellKey(f.id, staffStage.id)]).toMatchObject({ ...none, invisible: true, readOnly: true });
    expect(rules[cellKey(g.id, staffStage.id)]).toMatchObject({ ...none, required: true, requiredFromPrevious: true });
    // An all-false cell has no row.
    expect(rules[cellKey(g.id, clientStage.id)]).toBeUndefined();
    expect(await db.ticketFieldRule.count({ where: { field: { typeId } } })).toBe(3);
  });

  it("deletes the row of a cell that becomes all false and leaves cells not given alone", async () => {
    const { typeId, clientStage, staffStage, f } = await setup();
    await saveRuleMatrix(db, staff, typeId, { cells: [cell(f.id, clientStage.id, { readOnly: true }), cell(f.id, staffStage.id, { readOnly: true })] });
    await saveRuleMatrix(db, staff, typeId, { cells: [cell(f.id, clientStage.id)] });
    expect(await db.ticketFieldRule.findMany({ where: { fieldId: f.id }, select: { stageId: true } })).toEqual([{ stageId: staffStage.id }]);
  });

  it("refuses required and invisible together, and required but invisible in the portal on a client stage", async () => {
    const { typeId, clientStage, staffStage, f, g } = await setup();
    const error = await saveRuleMatrix(db, staff, typeId, {
      cells: [
        cell(f.id, staffStage.id, { required: true, invisible: true }),
        cell(g.id, clientStage.id, { required: true, invisibleInPortal: true }),
        cell(f.id, clientStage.id, { readOnly: true }),
      ],
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).key).toBe("ticketSettings.errors.rulesInvalid");
    expect((error as ValidationError).fields).toEqual({
      [cellKey(f.id, staffStage.id)]: "ticketSettings.errors.requiredInvisible",
      [cellKey(g.id, clientStage.id)]: "ticketSettings.errors.requiredInvisibleInPortal",
    });
    // Nothing of the refused save was written.
    expect(await db.ticketFieldRule.count({ where: { field: { typeId } } })).toBe(0);
    // Hidden from the portal but required on the staff's turn is fine: staff fill it in.
    await saveRuleMatrix(db, staff, typeId, { cells: [cell(g.id, staffStage.id, { required: true, invisibleInPortal: true })] });
    // Required and read-only together is allowed (filled in an earlier stage, kept here).
    await saveRuleMatrix(db, staff, typeId, { cells: [cell(f.id, clientStage.id, { required: true, readOnly: true })] });
  });

  it("refuses cells of another type's fields or stages", async () => {
    const one = await setup();
    const two = await setup();
    await expect(saveRuleMatrix(db, staff, one.typeId, { cells: [cell(two.f.id, one.staffStage.id, { readOnly: true })] })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(saveRuleMatrix(db, staff, one.typeId, { cells: [cell(one.f.id, two.staffStage.id, { readOnly: true })] })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});

describe("authorization", () => {
  it("refuses clients", async () => {
    const { type } = await createGroupAndType(db);
    const stage = await createStage(db, type.id);
    const { id } = await saveField(db, staff, type.id, undefined, field("A"));
    const calls: (() => Promise<unknown>)[] = [
      () => listFields(db, client, type.id),
      () => getField(db, client, type.id, id),
      () => saveField(db, client, type.id, undefined, field("X")),
      () => saveField(db, client, type.id, id, field("X")),
      () => moveField(db, client, id, "down"),
      () => setFieldActive(db, client, id, false),
      () => deleteField(db, client, id),
      () => getRuleMatrix(db, client, type.id),
      () =>
        saveRuleMatrix(db, client, type.id, {
          cells: [{ fieldId: id, stageId: stage.id, invisible: true, invisibleInPortal: false, required: false, readOnly: false, requiredFromPrevious: false }],
        }),
    ];
    for (const call of calls) await expect(call()).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.ticketField.findUniqueOrThrow({ where: { id } })).toMatchObject({ labels: { en: "A" }, active: true });
    expect(await db.ticketFieldRule.count({ where: { fieldId: id } })).toBe(0);
  });
});
