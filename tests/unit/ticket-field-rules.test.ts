// The pure rules behind every ticket form and the server's checks.
import { describe, expect, it } from "vitest";
import { fieldAccess, fieldLabel, missingValues, NO_RULE } from "@/lib/tickets/field-rules";
import { parseFieldValue } from "@/lib/tickets/field-values";
import type { TicketFieldKind } from "@/lib/generated/prisma/enums";

const rule = (r: Partial<typeof NO_RULE>) => ({ ...NO_RULE, ...r });
const field = (kind: TicketFieldKind, options: string[] = []) => ({ id: "f", labels: { en: "F" }, kind, options });

describe("fieldAccess", () => {
  it("reads only invisibleInPortal in the portal and only invisible on staff screens", () => {
    expect(fieldAccess(rule({ invisible: true }), "portal").visible).toBe(true);
    expect(fieldAccess(rule({ invisible: true }), "staff").visible).toBe(false);
    expect(fieldAccess(rule({ invisibleInPortal: true }), "portal").visible).toBe(false);
    expect(fieldAccess(rule({ invisibleInPortal: true }), "staff").visible).toBe(true);
  });
  it("shares read-only and required between both audiences", () => {
    for (const audience of ["portal", "staff"] as const) {
      expect(fieldAccess(rule({ readOnly: true }), audience)).toEqual({ visible: true, editable: false, required: false });
      expect(fieldAccess(rule({ required: true }), audience)).toEqual({ visible: true, editable: true, required: true });
    }
  });
  it("makes a field without a rule visible, optional and editable", () => {
    expect(fieldAccess(undefined, "portal")).toEqual({ visible: true, editable: true, required: false });
  });
});

describe("missingValues", () => {
  it("names required fields without a value; empty strings and lists count as missing", () => {
    const rules = new Map([
      ["a", rule({ required: true })],
      ["b", rule({ required: true })],
      ["c", rule({ requiredFromPrevious: true })],
      ["d", rule({ required: true })],
    ]);
    const values = new Map<string, unknown>([
      ["a", "x"],
      ["b", ""],
      ["d", []],
    ]);
    expect(missingValues(["a", "b", "c", "d"], rules, values, "required")).toEqual(["b", "d"]);
    expect(missingValues(["a", "b", "c", "d"], rules, values, "requiredFromPrevious")).toEqual(["c"]);
  });
});

describe("parseFieldValue", () => {
  it("checks each kind", () => {
    expect(parseFieldValue(field("NUMBER"), "12.5")).toEqual({ ok: true, value: 12.5 });
    expect(parseFieldValue(field("NUMBER"), "abc").ok).toBe(false);
    expect(parseFieldValue(field("DATE"), "2026-11-22")).toEqual({ ok: true, value: "2026-11-22" });
    expect(parseFieldValue(field("DATE"), "22/11/2026").ok).toBe(false);
    expect(parseFieldValue(field("SINGLE_CHOICE", ["Low", "High"]), "High")).toEqual({ ok: true, value: "High" });
    expect(parseFieldValue(field("SINGLE_CHOICE", ["Low", "High"]), "Mid").ok).toBe(false);
    expect(parseFieldValue(field("MULTIPLE_CHOICE", ["A", "B"]), ["A", "A", "B"])).toEqual({ ok: true, value: ["A", "B"] });
    expect(parseFieldValue(field("MULTIPLE_CHOICE", ["A", "B"]), ["C"]).ok).toBe(false);
    expect(parseFieldValue(field("YES_NO"), "true")).toEqual({ ok: true, value: true });
    expect(parseFieldValue(field("YES_NO"), "maybe").ok).toBe(false);
    expect(parseFieldValue(field("SHORT_TEXT"), "  ")).toEqual({ ok: true, value: null });
    expect(parseFieldValue(field("SHORT_TEXT"), "x".repeat(501)).ok).toBe(false);
  });
});

describe("fieldLabel", () => {
  it("uses the viewer's language, else English", () => {
    expect(fieldLabel({ en: "Severity", fi: "Vakavuus" }, "fi")).toBe("Vakavuus");
    expect(fieldLabel({ en: "Severity", fi: "Vakavuus" }, "pt-BR")).toBe("Severity");
  });
});
