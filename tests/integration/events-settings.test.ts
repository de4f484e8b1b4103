import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { Role } from "@/lib/generated/prisma/enums";
import { defaultPublicPlaceId, listEventTypes, saveEventPlace, saveEventType } from "@/lib/events/event-settings";
import { getQuestionnaire, saveQuestionnaire } from "@/lib/events/questionnaire-templates";
import { questionnaireSchema, type QuestionKind } from "@/lib/events/schemas";
import { createActor, uniqueTag } from "../helpers/factories";
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

async function fieldErrors(promise: Promise<unknown>): Promise<Record<string, string>> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).fields;
}

describe("event types", () => {
  it("creates and edits types for staff only, with unique names", async () => {
    const name = uniqueTag("Type ");
    const { id } = await saveEventType(db, staff, undefined, { name, isPublic: true, active: true });
    await saveEventType(db, staff, id, { name, isPublic: false, active: false });
    expect((await listEventTypes(db, staff)).find((t) => t.id === id)).toMatchObject({ isPublic: false, active: false });
    expect(await fieldErrors(saveEventType(db, staff, undefined, { name, isPublic: false, active: true }))).toEqual({ name: "validation.nameTaken" });
    await expect(saveEventType(db, client, undefined, { name: uniqueTag(), isPublic: false, active: true })).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("event places", () => {
  it("keeps at most one default place for public events", async () => {
    const a = await saveEventPlace(db, staff, undefined, { name: uniqueTag("A "), address: "Rua 1", isDefaultPublic: true, active: true });
    const b = await saveEventPlace(db, staff, undefined, { name: uniqueTag("B "), address: "", isDefaultPublic: true, active: true });
    expect(await db.eventPlace.count({ where: { isDefaultPublic: true } })).toBe(1);
    expect(await defaultPublicPlaceId(db)).toBe(b.id);
    await saveEventPlace(db, staff, a.id, { name: uniqueTag("A "), address: "", isDefaultPublic: true, active: true });
    expect(await defaultPublicPlaceId(db)).toBe(a.id);
    expect(await db.eventPlace.count({ where: { isDefaultPublic: true } })).toBe(1);
    expect(await fieldErrors(saveEventPlace(db, staff, b.id, { name: uniqueTag(), address: "", isDefaultPublic: true, active: false }))).toEqual({
      isDefaultPublic: "settings.places.defaultMustBeActive",
    });
  });
});

describe("questionnaire templates", () => {
  const q = (id: string, label: string, kind: QuestionKind = "SHORT_TEXT", options: string[] = []) => ({ id, label, kind, required: false, options });

  it("stores ordered questions with stable ids, and reorders without touching stored answers", async () => {
    const { id } = await saveQuestionnaire(db, staff, undefined, {
      name: uniqueTag("Q "),
      questions: [q("a", "Diet"), q("b", "Size", "SINGLE_CHOICE", ["S", "M"])],
    });
    const type = await db.eventType.create({ data: { name: uniqueTag() } });
    const event = await db.event.create({
      data: { slug: uniqueTag(), name: "E", startsAt: new Date(), endsAt: new Date(Date.now() + 1000), timeZone: "UTC", typeId: type.id, seats: 1 },
    });
    const answer = [{ question: q("a", "Diet"), value: "none" }];
    const reg = await db.registration.create({
      data: { eventId: event.id, name: "N", email: `${uniqueTag()}@x.test`, status: "REGISTERED", source: "PORTAL", answers: answer },
    });

    await saveQuestionnaire(db, staff, id, {
      name: "Renamed " + id,
      questions: [q("b", "Size", "SINGLE_CHOICE", ["S", "M", "L"]), q("a", "Dietary needs"), q("c", "New", "YES_NO", ["ignored"])],
    });
    const saved = await getQuestionnaire(db, staff, id);
    expect(saved.questions.map((x) => [x.id, x.label])).toEqual([
      ["b", "Size"],
      ["a", "Dietary needs"],
      ["c", "New"],
    ]);
    expect(saved.questions[2].options).toEqual([]);
    expect((await db.registration.findUniqueOrThrow({ where: { id: reg.id } })).answers).toEqual(answer);
  });

  it("refuses choices without options and duplicate question ids", async () => {
    expect(questionnaireSchema.safeParse({ name: "x", questions: [q("a", "Pick", "MULTIPLE_CHOICE", ["one"])] }).success).toBe(false);
    expect(await fieldErrors(saveQuestionnaire(db, staff, undefined, { name: uniqueTag(), questions: [q("a", "One"), q("a", "Two")] }))).toEqual({
      "questions.1.label": "settings.questionnaires.duplicateQuestion",
    });
  });
});
