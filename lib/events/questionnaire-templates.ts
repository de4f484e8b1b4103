// Questionnaire templates (staff): ordered questions filled in when registering
// (one for portal registrations, one for public ones). Question ids are kept across edits; answers
// store a snapshot of their question, so editing a template never changes them.
import "server-only";
import { assertStaff, type Actor } from "@/lib/auth/actor";
import type { DbOrTx } from "@/lib/db";
import { isUniqueViolation, isUuid } from "@/lib/db/query-guards";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { parseQuestions } from "./questionnaire";
import { questionnaireSchema, type QuestionnaireInput } from "./schemas";

export async function listQuestionnaires(db: DbOrTx, actor: Actor) {
  assertStaff(actor);
  const rows = await db.questionnaireTemplate.findMany({
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, questions: true, active: true, updatedAt: true },
  });
  return rows.map(({ questions, ...row }) => ({ ...row, questionCount: parseQuestions(questions).length }));
}

export async function getQuestionnaire(db: DbOrTx, actor: Actor, id: string) {
  assertStaff(actor);
  const row = isUuid(id) ? await db.questionnaireTemplate.findUnique({ where: { id }, select: { id: true, name: true, questions: true } }) : null;
  if (!row) throw new NotFoundError("common.notFound");
  return { id: row.id, name: row.name, questions: parseQuestions(row.questions) };
}

/** Creates (no id) or replaces a template's name and ordered questions. */
export async function saveQuestionnaire(db: DbOrTx, actor: Actor, id: string | undefined, input: QuestionnaireInput): Promise<{ id: string }> {
  assertStaff(actor);
  if (id !== undefined && !isUuid(id)) throw new NotFoundError("common.notFound");
  const data = questionnaireSchema.parse(input);
  const seen = new Set<string>();
  data.questions.forEach((q, i) => {
    if (seen.has(q.id)) throw new ValidationError({ [`questions.${i}.label`]: "settings.questionnaires.duplicateQuestion" });
    seen.add(q.id);
  });
  // Options only mean something for choice questions.
  const questions = data.questions.map((q) => ({ ...q, options: q.kind === "SINGLE_CHOICE" || q.kind === "MULTIPLE_CHOICE" ? q.options : [] }));
  try {
    if (id === undefined) return await db.questionnaireTemplate.create({ data: { name: data.name, questions }, select: { id: true } });
    const { count } = await db.questionnaireTemplate.updateMany({ where: { id }, data: { name: data.name, questions } });
    if (count === 0) throw new NotFoundError("common.notFound");
    return { id };
  } catch (error) {
    throw isUniqueViolation(error) ? new ValidationError({ name: "validation.nameTaken" }) : error;
  }
}
