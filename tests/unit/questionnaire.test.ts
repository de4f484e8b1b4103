// Questionnaire answers: validated
// per question kind, stored with the question snapshot.
import { describe, expect, it } from "vitest";
import { assertValidAnswers, parseQuestions, validateAnswers } from "@/lib/events/questionnaire";
import { ValidationError } from "@/lib/errors";

const questions = parseQuestions([
  { id: "diet", label: "Dietary needs", kind: "SHORT_TEXT" },
  { id: "bio", label: "About you", kind: "LONG_TEXT", required: true },
  { id: "size", label: "T-shirt", kind: "SINGLE_CHOICE", options: ["S", "M", "L"], required: true },
  { id: "topics", label: "Topics", kind: "MULTIPLE_CHOICE", options: ["A", "B", "C"] },
  { id: "parking", label: "Parking?", kind: "YES_NO", required: true },
  { id: "guests", label: "Guests", kind: "NUMBER" },
  { id: "born", label: "Birth date", kind: "DATE" },
]);

const valid = { diet: "  none ", bio: "Engineer", size: "M", topics: ["C", "A"], parking: false, guests: "1,5", born: "1990-02-28", unknown: "dropped" };

describe("parseQuestions", () => {
  it("applies defaults and rejects corrupt templates", () => {
    expect(questions[0]).toMatchObject({ required: false, options: [] });
    expect(() => parseQuestions([{ id: "x", label: "X", kind: "SINGLE_CHOICE", options: ["only one"] }])).toThrow();
    expect(() => parseQuestions([{ id: "x", label: "X", kind: "NOPE" }])).toThrow();
    expect(() =>
      parseQuestions([
        { id: "x", label: "X", kind: "DATE" },
        { id: "x", label: "Y", kind: "DATE" },
      ]),
    ).toThrow();
    expect(parseQuestions(null)).toEqual([]);
  });
});

describe("validateAnswers", () => {
  it("stores every question with its snapshot and the normalized value", () => {
    const result = validateAnswers(questions, valid);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.answers.map((a) => [a.question.id, a.value])).toEqual([
      ["diet", "none"],
      ["bio", "Engineer"],
      ["size", "M"],
      ["topics", ["A", "C"]],
      ["parking", false],
      ["guests", 1.5],
      ["born", "1990-02-28"],
    ]);
    expect(result.answers[2].question).toEqual({ id: "size", label: "T-shirt", kind: "SINGLE_CHOICE", options: ["S", "M", "L"], required: true });
  });

  it("keeps optional questions left empty as null", () => {
    const result = validateAnswers(questions, { bio: "x", size: "S", parking: "yes", topics: [], guests: "" });
    expect(result.ok && result.answers.filter((a) => a.value === null).map((a) => a.question.id)).toEqual(["diet", "topics", "guests", "born"]);
  });

  it("keys errors by answers.<questionId> with message keys", () => {
    const result = validateAnswers(questions, {
      bio: "   ",
      size: "XL",
      topics: ["A", "Z"],
      parking: "maybe",
      guests: "two",
      born: "2025-02-30",
      diet: "x".repeat(501),
    });
    expect(result).toEqual({
      ok: false,
      errors: {
        "answers.diet": "events.errors.answerTooLong",
        "answers.bio": "validation.required",
        "answers.size": "events.errors.optionNotOffered",
        "answers.topics": "events.errors.optionNotOffered",
        "answers.parking": "validation.invalid",
        "answers.guests": "events.errors.notANumber",
        "answers.born": "events.errors.badDate",
      },
    });
  });

  it("requires required questions, but a 'no' is an answer", () => {
    expect(validateAnswers(questions, { ...valid, parking: null })).toMatchObject({ ok: false, errors: { "answers.parking": "validation.required" } });
    expect(validateAnswers(questions, { ...valid, parking: "no" }).ok).toBe(true);
    expect(validateAnswers(questions, {})).toMatchObject({
      ok: false,
      errors: { "answers.bio": "validation.required", "answers.size": "validation.required" },
    });
  });

  it("rejects wrong value types and malformed dates", () => {
    expect(validateAnswers(questions, { ...valid, size: ["M"] })).toMatchObject({ errors: { "answers.size": "validation.invalid" } });
    expect(validateAnswers(questions, { ...valid, bio: 42 })).toMatchObject({ errors: { "answers.bio": "validation.invalid" } });
    expect(validateAnswers(questions, { ...valid, born: "28/02/1990" })).toMatchObject({ errors: { "answers.born": "events.errors.badDate" } });
    expect(validateAnswers(questions, { ...valid, guests: Number.NaN })).toMatchObject({ errors: { "answers.guests": "events.errors.notANumber" } });
  });

  it("lets staff leave required questions blank, still checking what they fill in", () => {
    expect(validateAnswers(questions, {}, { enforceRequired: false }).ok).toBe(true);
    expect(validateAnswers(questions, { size: "XL" }, { enforceRequired: false })).toMatchObject({
      errors: { "answers.size": "events.errors.optionNotOffered" },
    });
  });

  it("assertValidAnswers throws a ValidationError carrying the field errors", () => {
    expect(() => assertValidAnswers(questions, { ...valid, size: "XL" })).toThrow(ValidationError);
    try {
      assertValidAnswers(questions, { ...valid, size: "XL" });
    } catch (error) {
      expect((error as ValidationError).fields).toEqual({ "answers.size": "events.errors.optionNotOffered" });
    }
  });
});
