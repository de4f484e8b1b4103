// A new ticket's parameters are checked in the browser with the very schema
// the server parses with: the portal's form gets the opening stage's rules
// (required, read-only, kinds, and what the chosen next stage needs on entry)
// from newTicketOptions, and whatever that schema refuses, openTicket refuses
// with the same message on the same field. What the client cannot see is
// left out of the form's copy and still refused by the server.
import { beforeAll, describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/errors";
import { zodFieldErrors } from "@/lib/forms/action-result";
import { newTicketOptions, type NewTicketType } from "@/lib/tickets/new-ticket-options";
import { openTicket } from "@/lib/tickets/open-ticket";
import { newTicketSchemaFor, requiredWhenOpening } from "@/lib/tickets/opening-rules";
import type { NewTicketInput } from "@/lib/tickets/schemas";
import { withTestDatabase } from "../helpers/db-test";
import { createTicketClient, createTicketWorkflow, type TicketWorkflow } from "../helpers/ticket-fixtures";

const t = withTestDatabase();
let wf: TicketWorkflow;
let client: Awaited<ReturnType<typeof createTicketClient>>;
let formType: NewTicketType;
let units: { id: string };
let note: { id: string };

beforeAll(async () => {
  wf = await createTicketWorkflow(t.prisma);
  client = await createTicketClient(t.prisma);
  const field = (label: string, kind: "NUMBER" | "SHORT_TEXT", position: number) =>
    t.prisma.ticketField.create({ data: { typeId: wf.type.id, labels: { en: label }, kind, position } });
  units = await field("Units affected", "NUMBER", 5);
  note = await field("Staff note", "SHORT_TEXT", 6);
  // Analysis needs the contract reference on entry; the staff note is shown to the client but not theirs to fill.
  await t.prisma.ticketFieldRule.update({
    where: { fieldId_stageId: { fieldId: wf.fields.reference.id, stageId: wf.stages.analysis.id } },
    data: { requiredFromPrevious: true },
  });
  await t.prisma.ticketFieldRule.create({ data: { fieldId: note.id, stageId: wf.stages.opening.id, readOnly: true } });
  const options = await newTicketOptions(t.prisma, client.actor, "en");
  formType = options.groups.flatMap((g) => g.types).find((x) => x.id === wf.type.id)!;
});

function input(values: Record<string, unknown>): NewTicketInput {
  return {
    customerId: client.customer.id,
    typeId: wf.type.id,
    subject: "Printer offline",
    description: "It stopped this morning.",
    values,
    fileIds: [],
    toStageId: wf.stages.analysis.id,
    conditionId: wf.conditions.request,
    reason: "Please look",
  };
}

/** The field errors the portal's form shows before sending. */
function browserErrors(values: Record<string, unknown>) {
  const parsed = newTicketSchemaFor(formType.rules).safeParse(input(values));
  return parsed.success ? {} : zodFieldErrors(parsed.error);
}

/** The field errors openTicket answers with. */
async function serverErrors(values: Record<string, unknown>) {
  const error = await openTicket(t.prisma, client.actor, input(values)).then(
    () => null,
    (e: unknown) => e,
  );
  if (error === null) return {};
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).fields;
}

const key = (field: { id: string }) => `values.${field.id}`;

describe("the new-ticket form's schema and the server's", () => {
  it("gives the form every parameter the client sees, required ones marked for the chosen next stage", () => {
    const shown = formType.fields.map((f) => f.id);
    expect(shown).toEqual([wf.fields.system.id, wf.fields.severity.id, wf.fields.reference.id, units.id, note.id]);
    // Hidden parameters are not in the form's rules either: only their absence is known.
    expect(formType.rules.fields.map((f) => f.id)).toEqual(shown);
    expect(JSON.stringify(formType)).not.toContain(wf.fields.costCenter.id);
    expect(formType.fields.find((f) => f.id === wf.fields.system.id)?.required).toBe(true);
    expect(requiredWhenOpening(formType.rules, wf.fields.reference.id, wf.stages.analysis.id)).toBe(true);
    expect(requiredWhenOpening(formType.rules, wf.fields.severity.id, wf.stages.analysis.id)).toBe(false);
  });

  const cases: [string, () => Record<string, unknown>][] = [
    ["nothing filled in", () => ({})],
    [
      "a number that is not one, a choice not offered",
      () => ({ [wf.fields.system.id]: "ERP", [wf.fields.reference.id]: "C-1", [wf.fields.severity.id]: "Extreme", [units.id]: "many" }),
    ],
    ["text past its limit", () => ({ [wf.fields.system.id]: "x".repeat(501), [wf.fields.reference.id]: "C-1" })],
    ["a value for a read-only parameter", () => ({ [wf.fields.system.id]: "ERP", [wf.fields.reference.id]: "C-1", [note.id]: "mine" })],
  ];
  it.each(cases)("refuses %s on the same fields with the same messages", async (_case, values) => {
    const inBrowser = browserErrors(values());
    expect(Object.keys(inBrowser).length).toBeGreaterThan(0);
    expect(await serverErrors(values())).toEqual(inBrowser);
  });

  it("names each broken rule with its own message", () => {
    expect(browserErrors({})).toEqual({ [key(wf.fields.system)]: "validation.required", [key(wf.fields.reference)]: "tickets.errors.requiredFromPrevious" });
    expect(
      browserErrors({
        [wf.fields.system.id]: "ERP",
        [wf.fields.reference.id]: "C-1",
        [units.id]: "many",
        [wf.fields.severity.id]: "Extreme",
        [note.id]: "mine",
      }),
    ).toEqual({
      [key(units)]: "validation.invalid",
      [key(wf.fields.severity)]: "validation.invalid",
      [key(note)]: "tickets.errors.readOnly",
    });
    expect(browserErrors({ [wf.fields.system.id]: "x".repeat(501), [wf.fields.reference.id]: "C-1" })).toEqual({
      [key(wf.fields.system)]: "validation.tooLong",
    });
  });

  it("refuses on the server what the form never offers: a parameter hidden from the client", async () => {
    const values = { [wf.fields.system.id]: "ERP", [wf.fields.reference.id]: "C-1", [wf.fields.costCenter.id]: "CC-9" };
    expect(await serverErrors(values)).toEqual({ [key(wf.fields.costCenter)]: "validation.invalid" });
    expect(browserErrors(values)).toEqual({ [key(wf.fields.costCenter)]: "validation.invalid" });
  });

  it("opens the ticket when the form's schema passes", async () => {
    const values = { [wf.fields.system.id]: "ERP", [wf.fields.reference.id]: "C-1", [units.id]: "3", [wf.fields.severity.id]: "High", [note.id]: "" };
    expect(browserErrors(values)).toEqual({});
    const opened = await openTicket(t.prisma, client.actor, input(values));
    const stored = await t.prisma.ticketFieldValue.findMany({ where: { ticketId: opened.id }, select: { fieldId: true, value: true } });
    expect(Object.fromEntries(stored.map((v) => [v.fieldId, v.value]))).toEqual({
      [wf.fields.system.id]: "ERP",
      [wf.fields.reference.id]: "C-1",
      [units.id]: 3,
      [wf.fields.severity.id]: "High",
    });
  });
});
