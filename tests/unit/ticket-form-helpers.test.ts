// The ticket forms' pure helpers: time spent in a stage for the history, the
// preselected next stage and condition (plain forward and the understanding
// decision), and parameter values between storage and form inputs (only
// editable fields are ever sent, so a read-only value cannot be "changed").
import { describe, expect, it } from "vitest";
import { durationParts } from "@/components/tickets/duration";
import { editableValues, fieldFormDefaults, toFormValue } from "@/components/tickets/field-form-values";
import { forwardTransitions, initialDecisionChoice, initialForwardChoice, transitionsForDecision } from "@/components/tickets/transition-choice";
import { StageResponsible, TicketFieldKind } from "@/lib/generated/prisma/enums";
import type { TicketFieldView, TransitionView } from "@/lib/tickets/views";

const MIN = 60_000;

describe("durationParts", () => {
  it("keeps the two largest units", () => {
    expect(durationParts((2 * 60 + 5) * MIN)).toEqual([
      { unit: "hours", value: 2 },
      { unit: "minutes", value: 5 },
    ]);
    expect(durationParts(((3 * 24 + 4) * 60 + 59) * MIN)).toEqual([
      { unit: "days", value: 3 },
      { unit: "hours", value: 4 },
    ]);
    expect(durationParts(2 * 24 * 60 * MIN)).toEqual([{ unit: "days", value: 2 }]);
    expect(durationParts(45 * MIN + 59_000)).toEqual([{ unit: "minutes", value: 45 }]);
  });
  it("has no parts under a minute, nor for a negative span", () => {
    expect(durationParts(59_000)).toEqual([]);
    expect(durationParts(-5 * MIN)).toEqual([]);
  });
});

const decisionOf: Record<string, "APPROVE" | "REJECT"> = { "Understanding approved": "APPROVE", "Understanding rejected": "REJECT" };
const transition = (id: string, responsible: StageResponsible, conditions: string[], terminal = false): TransitionView => ({
  toStageId: id,
  toStageName: id,
  toResponsible: responsible,
  terminal,
  conditions: conditions.map((name) => ({ id: `${id}:${name}`, name, decision: decisionOf[name] ?? null })),
});

describe("initialForwardChoice", () => {
  it("preselects only what leaves no choice", () => {
    expect(initialForwardChoice([transition("analysis", StageResponsible.STAFF, ["Request"])])).toEqual({
      toStageId: "analysis",
      conditionId: "analysis:Request",
    });
    expect(initialForwardChoice([transition("analysis", StageResponsible.STAFF, ["Request", "Urgent"])])).toEqual({ toStageId: "analysis", conditionId: "" });
    expect(initialForwardChoice([transition("a", StageResponsible.STAFF, ["x"]), transition("b", StageResponsible.CLIENT, ["y"])])).toEqual({
      toStageId: "",
      conditionId: "",
    });
  });
});

describe("initialDecisionChoice", () => {
  const review = [
    transition("done", StageResponsible.STAFF, ["Closed"], true),
    transition("analysis", StageResponsible.STAFF, ["Information provided", "Understanding approved", "Understanding rejected"]),
  ];
  it("goes back to a staff stage with the condition named after the decision", () => {
    expect(initialDecisionChoice(review, "APPROVE")).toEqual({ toStageId: "analysis", conditionId: "analysis:Understanding approved" });
    expect(initialDecisionChoice(review, "REJECT")).toEqual({ toStageId: "analysis", conditionId: "analysis:Understanding rejected" });
  });
  it("falls back to the first condition, and to the first transition without a staff stage", () => {
    expect(initialDecisionChoice([transition("analysis", StageResponsible.STAFF, ["Back"])], "REJECT")).toEqual({
      toStageId: "analysis",
      conditionId: "analysis:Back",
    });
    expect(initialDecisionChoice([transition("other", StageResponsible.CLIENT, ["Next"])], "APPROVE")).toEqual({
      toStageId: "other",
      conditionId: "other:Next",
    });
    expect(initialDecisionChoice([], "APPROVE")).toEqual({ toStageId: "", conditionId: "" });
  });
});

describe("forwardTransitions", () => {
  it("leaves out the conditions that mean a decision on the understanding, and transitions left without any", () => {
    const review = [
      transition("done", StageResponsible.STAFF, ["Understanding approved"], true),
      transition("analysis", StageResponsible.STAFF, ["Understanding rejected", "Information provided"]),
    ];
    expect(forwardTransitions(review).map((t) => [t.toStageId, t.conditions.map((c) => c.name)])).toEqual([["analysis", ["Information provided"]]]);
  });
});

describe("transitionsForDecision", () => {
  const review = [
    transition("done", StageResponsible.STAFF, ["Understanding approved"], true),
    transition("analysis", StageResponsible.STAFF, ["Information provided", "Understanding approved", "Understanding rejected"]),
  ];
  const offered = (decision: "APPROVE" | "REJECT") => transitionsForDecision(review, decision).map((t) => [t.toStageId, t.conditions.map((c) => c.name)]);
  it("offers a decision only the conditions that match it, or neutral ones", () => {
    expect(offered("APPROVE")).toEqual([
      ["done", ["Understanding approved"]],
      ["analysis", ["Information provided", "Understanding approved"]],
    ]);
    expect(offered("REJECT")).toEqual([["analysis", ["Information provided", "Understanding rejected"]]]);
  });
});

const field = (id: string, kind: TicketFieldKind, value: unknown, editable = true): TicketFieldView => ({
  id,
  label: id,
  kind,
  options: [],
  value,
  editable,
  required: false,
});

describe("parameter values in forms", () => {
  it("turns stored values into input values", () => {
    expect(toFormValue(field("n", TicketFieldKind.NUMBER, 42))).toBe("42");
    expect(toFormValue(field("y", TicketFieldKind.YES_NO, false))).toBe("false");
    expect(toFormValue(field("m", TicketFieldKind.MULTIPLE_CHOICE, ["A", "B"]))).toEqual(["A", "B"]);
    expect(toFormValue(field("m", TicketFieldKind.MULTIPLE_CHOICE, null))).toEqual([]);
    expect(toFormValue(field("d", TicketFieldKind.DATE, null))).toBe("");
  });
  it("starts and sends only the editable fields", () => {
    const fields = [
      field("text", TicketFieldKind.SHORT_TEXT, "kept"),
      field("locked", TicketFieldKind.SHORT_TEXT, "fixed", false),
      field("multi", TicketFieldKind.MULTIPLE_CHOICE, null),
    ];
    expect(fieldFormDefaults(fields)).toEqual({ text: "kept", multi: [] });
    expect(editableValues(fields, { text: "changed", locked: "hacked" })).toEqual({ text: "changed", multi: [] });
  });
});
