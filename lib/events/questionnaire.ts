// Questionnaires filled in when registering (an event has a portal questionnaire
// and a separate public one). Answers are stored with a snapshot of each question,
// so a later edit of the template never changes what an earlier answer meant.
import { z } from "zod";
import { ValidationError } from "@/lib/errors";
import { questionSchema, type AnswersInput, type Question, type StoredAnswer } from "./schemas";

const questionsSchema = z.array(questionSchema).refine((qs) => new Set(qs.map((q) => q.id)).size === qs.length, "duplicate question id");

/** The questions of a template's JSON column; throws on corrupt data (an unexpected error, not the user's). */
export function parseQuestions(json: unknown): Question[] {
  return questionsSchema.parse(json ?? []);
}

const SHORT_TEXT_MAX = 500;
const LONG_TEXT_MAX = 5000;

type RawValue = AnswersInput extends Record<string, infer V> | undefined ? V | undefined : never;
type Checked = { value: StoredAnswer["value"] } | { error: string };

export type AnswersResult = { ok: true; answers: StoredAnswer[] } | { ok: false; errors: Record<string, string> };

function isEmpty(value: RawValue): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "") || (Array.isArray(value) && value.length === 0);
}

function text(value: RawValue, max: number): Checked {
  if (typeof value !== "string") return { error: "validation.invalid" };
  const trimmed = value.trim();
  return trimmed.length > max ? { error: "events.errors.answerTooLong" } : { value: trimmed };
}

function yesNo(value: RawValue): Checked {
  if (typeof value === "boolean") return { value };
  const word = typeof value === "string" ? value.trim().toLowerCase() : "";
  if (["yes", "true", "on", "1"].includes(word)) return { value: true };
  if (["no", "false", "off", "0"].includes(word)) return { value: false };
  return { error: "validation.invalid" };
}

function numberValue(value: RawValue): Checked {
  // Forms in pt-BR and fi write decimals with a comma.
  const n =
    typeof value === "number" ? value : typeof value === "string" && /^\s*-?\d+([.,]\d+)?\s*$/.test(value) ? Number(value.trim().replace(",", ".")) : NaN;
  return Number.isFinite(n) ? { value: n } : { error: "events.errors.notANumber" };
}

function dateValue(value: RawValue): Checked {
  const match = typeof value === "string" ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim()) : null;
  if (!match) return { error: "events.errors.badDate" };
  const [, y, m, d] = match.map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  const real = date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  return real ? { value: value as string } : { error: "events.errors.badDate" };
}

function check(question: Question, value: RawValue): Checked {
  switch (question.kind) {
    case "SHORT_TEXT":
      return text(value, SHORT_TEXT_MAX);
    case "LONG_TEXT":
      return text(value, LONG_TEXT_MAX);
    case "SINGLE_CHOICE":
      if (typeof value !== "string") return { error: "validation.invalid" };
      return question.options.includes(value) ? { value } : { error: "events.errors.optionNotOffered" };
    case "MULTIPLE_CHOICE": {
      const picked = typeof value === "string" ? [value] : value;
      if (!Array.isArray(picked)) return { error: "validation.invalid" };
      if (picked.some((option) => !question.options.includes(option))) return { error: "events.errors.optionNotOffered" };
      // Stored in the template's order, once each.
      return { value: question.options.filter((option) => picked.includes(option)) };
    }
    case "YES_NO":
      return yesNo(value);
    case "NUMBER":
      return numberValue(value);
    case "DATE":
      return dateValue(value);
  }
}

/**
 * Checks raw form answers against the questions. Every question gets a stored
 * answer (null when left empty); answers to unknown question ids are dropped.
 * Errors are keyed `answers.<questionId>` with message keys, for the form.
 * `enforceRequired: false` is for staff adding a participant by hand.
 */
export function validateAnswers(questions: Question[], input: AnswersInput | undefined, options: { enforceRequired?: boolean } = {}): AnswersResult {
  const enforceRequired = options.enforceRequired ?? true;
  const raw: Record<string, RawValue> = input ?? {};
  const answers: StoredAnswer[] = [];
  const errors: Record<string, string> = {};
  for (const question of questions) {
    const value = Object.hasOwn(raw, question.id) ? raw[question.id] : undefined;
    if (isEmpty(value)) {
      if (question.required && enforceRequired) errors[`answers.${question.id}`] = "validation.required";
      else answers.push({ question, value: null });
      continue;
    }
    const checked = check(question, value);
    if ("error" in checked) errors[`answers.${question.id}`] = checked.error;
    else answers.push({ question, value: checked.value });
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, answers };
}

/** validateAnswers, throwing a ValidationError with the field errors. */
export function assertValidAnswers(questions: Question[], input: AnswersInput | undefined, options?: { enforceRequired?: boolean }): StoredAnswer[] {
  const result = validateAnswers(questions, input, options);
  if (!result.ok) throw new ValidationError(result.errors);
  return result.answers;
}
