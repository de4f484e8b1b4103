// The pure pieces of the ticket settings: moving rows one step, the start-stage
// warnings, label fallback, and the impossible field-rule combinations.
import { describe, expect, it } from "vitest";
import { fieldLabel } from "@/lib/tickets/settings/field-label";
import { moveOneStep } from "@/lib/tickets/settings/ordering";
import { ruleCellError } from "@/lib/tickets/settings/rule-checks";
import { fieldSchema } from "@/lib/tickets/settings/schemas";
import { workflowWarnings } from "@/lib/tickets/settings/workflow-warnings";

describe("moveOneStep", () => {
  const rows = [
    { id: "a", position: 0 },
    { id: "b", position: 1 },
    { id: "c", position: 2 },
  ];
  it("swaps with the neighbour and writes only changed positions", () => {
    expect(Object.fromEntries(moveOneStep(rows, "c", "up"))).toEqual({ b: 2, c: 1 });
    expect(Object.fromEntries(moveOneStep(rows, "a", "down"))).toEqual({ a: 1, b: 0 });
  });
  it("does nothing at the ends or for unknown ids", () => {
    expect(moveOneStep(rows, "a", "up").size).toBe(0);
    expect(moveOneStep(rows, "c", "down").size).toBe(0);
    expect(moveOneStep(rows, "x", "up").size).toBe(0);
  });
  it("renumbers duplicate positions and skips items that do not move", () => {
    const dup = [
      { id: "a", position: 5 },
      { id: "b", position: 5 },
      { id: "z", position: 6, movable: false },
      { id: "c", position: 9 },
    ];
    // c moves above b, jumping the archived z, which keeps its slot.
    expect(Object.fromEntries(moveOneStep(dup, "c", "up"))).toEqual({ a: 0, c: 1, z: 2, b: 3 });
  });
});

describe("workflowWarnings", () => {
  const s = (id: string, position: number, responsible: "CLIENT" | "STAFF", exits: number, active = true) => ({ id, position, responsible, exits, active });
  it("requires an active first stage that is the client's with a way out", () => {
    expect(workflowWarnings([])).toEqual(["noStages"]);
    expect(workflowWarnings([s("a", 0, "CLIENT", 0, false)])).toEqual(["noStages"]);
    expect(workflowWarnings([s("a", 0, "STAFF", 1), s("b", 1, "CLIENT", 1)])).toEqual(["startNotClient"]);
    expect(workflowWarnings([s("a", 0, "CLIENT", 0)])).toEqual(["startHasNoExit"]);
    expect(workflowWarnings([s("x", 0, "STAFF", 0, false), s("a", 1, "CLIENT", 1)])).toEqual([]);
  });
});

describe("fieldLabel", () => {
  it("falls back to English for missing or blank translations", () => {
    const labels = { en: "Severity", "pt-BR": "Gravidade", fi: " " };
    expect(fieldLabel(labels, "pt-BR")).toBe("Gravidade");
    expect(fieldLabel(labels, "fi")).toBe("Severity");
    expect(fieldLabel(labels, "de")).toBe("Severity");
    expect(fieldLabel(null, "fi")).toBe("");
  });
});

describe("field rules and field schema", () => {
  const none = { invisible: false, invisibleInPortal: false, required: false, readOnly: false, requiredFromPrevious: false };
  it("flags only what nobody could fill in", () => {
    expect(ruleCellError({ ...none, required: true, invisible: true }, "STAFF")).toBe("ticketSettings.errors.requiredInvisible");
    expect(ruleCellError({ ...none, required: true, invisibleInPortal: true }, "CLIENT")).toBe("ticketSettings.errors.requiredInvisibleInPortal");
    expect(ruleCellError({ ...none, required: true, invisibleInPortal: true }, "STAFF")).toBeNull();
    expect(ruleCellError({ ...none, invisible: true, invisibleInPortal: true, readOnly: true }, "CLIENT")).toBeNull();
  });
  it("keeps options only for choice kinds", () => {
    const base = { labels: { en: "X", "pt-BR": "", fi: "" }, active: true };
    expect(fieldSchema.parse({ ...base, kind: "YES_NO", options: ["a"] }).options).toEqual([]);
    expect(fieldSchema.safeParse({ ...base, kind: "SINGLE_CHOICE", options: [] }).success).toBe(false);
    expect(fieldSchema.parse({ ...base, kind: "MULTIPLE_CHOICE", options: [" a", "", "b "] }).options).toEqual(["a", "b"]);
  });
});
