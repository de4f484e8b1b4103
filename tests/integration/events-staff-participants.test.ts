// Staff managing participants: adding someone by hand
// (required questions may stay blank, optional link to a client user), cancelling
// with promotion of the first reserve (e-mailed), check-in, and the certificate
// state selected in the participants query.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { setClock } from "@/lib/clock";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { markAttendance } from "@/lib/events/attendance";
import { certificateState, listParticipants } from "@/lib/events/participants";
import { cancelRegistration } from "@/lib/events/registration";
import { addParticipantSchema, type AddParticipantInput } from "@/lib/events/schemas";
import { addParticipant } from "@/lib/events/staff-participants";
import type { Prisma } from "@/lib/generated/prisma/client";
import { Role } from "@/lib/generated/prisma/enums";
import { createActor, createUser, uniqueTag } from "../helpers/factories";
import { withTestDatabase } from "../helpers/db-test";

const NOW = "2026-05-01T12:00:00Z";
const t = withTestDatabase();
let staff: Actor;
let client: Actor;
let typeId: string;

beforeAll(async () => {
  staff = (await createActor(t.prisma, Role.STAFF)).actor;
  client = (await createActor(t.prisma, Role.CLIENT)).actor;
  typeId = (await t.prisma.eventType.create({ data: { name: uniqueTag("Type ") } })).id;
});
afterEach(() => setClock(NOW));
setClock(NOW);

async function createEvent(overrides: Partial<Prisma.EventUncheckedCreateInput> = {}) {
  const tag = uniqueTag("ev");
  return t.prisma.event.create({
    data: {
      name: tag,
      slug: tag,
      startsAt: new Date("2026-06-01T12:00:00Z"),
      endsAt: new Date("2026-06-01T15:00:00Z"),
      timeZone: "UTC",
      typeId,
      seats: 1,
      reserveSeats: 1,
      ...overrides,
    },
  });
}

const person = (overrides: Partial<AddParticipantInput> = {}) =>
  addParticipantSchema.parse({ name: "Ana Souza", email: `${uniqueTag()}@example.test`, cpf: "", clientEmail: "", ...overrides });

async function fieldErrors(promise: Promise<unknown>): Promise<Record<string, string>> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).fields;
}

describe("adding a participant", () => {
  it("registers as STAFF even when required questions are unanswered, and queues the confirmation", async () => {
    const questionnaire = await t.prisma.questionnaireTemplate.create({
      data: { name: uniqueTag("Q "), questions: [{ id: "q1", label: "Company", kind: "SHORT_TEXT", required: true, options: [] }] },
    });
    const event = await createEvent({ portalQuestionnaireId: questionnaire.id, publicQuestionnaireId: questionnaire.id });
    const input = person();
    const result = await addParticipant(t.prisma, staff, event.id, input);
    expect(result.status).toBe("REGISTERED");
    const row = await t.prisma.registration.findUniqueOrThrow({ where: { id: result.registrationId } });
    expect(row).toMatchObject({ source: "STAFF", email: input.email, userId: null, status: "REGISTERED" });
    expect(await t.prisma.emailMessage.count({ where: { to: input.email, template: "eventRegistration" } })).toBe(1);
  });

  it("links the registration to an existing client user by e-mail", async () => {
    const event = await createEvent();
    const result = await addParticipant(t.prisma, staff, event.id, person({ clientEmail: client.email.toUpperCase() }));
    expect((await t.prisma.registration.findUniqueOrThrow({ where: { id: result.registrationId } })).userId).toBe(client.userId);
  });

  it("refuses an unknown, inactive or non-client e-mail as the linked user", async () => {
    const event = await createEvent({ seats: 10 });
    const inactive = await createUser(t.prisma, { active: false });
    expect(await fieldErrors(addParticipant(t.prisma, staff, event.id, person({ clientEmail: "nobody@example.test" })))).toEqual({
      clientEmail: "events.errors.clientNotFound",
    });
    expect(await fieldErrors(addParticipant(t.prisma, staff, event.id, person({ clientEmail: inactive.email })))).toEqual({
      clientEmail: "events.errors.clientNotFound",
    });
    expect(await fieldErrors(addParticipant(t.prisma, staff, event.id, person({ clientEmail: staff.email })))).toEqual({
      clientEmail: "events.errors.clientNotFound",
    });
    expect(await t.prisma.registration.count({ where: { eventId: event.id } })).toBe(0);
  });

  it("validates the optional CPF and stores it", async () => {
    const event = await createEvent({ seats: 10 });
    expect(await fieldErrors(addParticipant(t.prisma, staff, event.id, person({ cpf: "111.111.111-11" })))).toEqual({ cpf: "events.errors.invalidCpf" });
    const ok = await addParticipant(t.prisma, staff, event.id, person({ cpf: "529.982.247-25" }));
    expect((await t.prisma.registration.findUniqueOrThrow({ where: { id: ok.registrationId } })).cpf).toBe("52998224725");
  });

  it("follows the seat rules (reserve when full) and is refused to clients", async () => {
    const event = await createEvent();
    await addParticipant(t.prisma, staff, event.id, person());
    expect((await addParticipant(t.prisma, staff, event.id, person())).status).toBe("RESERVE");
    await expect(addParticipant(t.prisma, client, event.id, person())).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("cancelling and checking in", () => {
  it("staff cancel after the last cancellation date; the first reserve is promoted and e-mailed", async () => {
    const event = await createEvent({ cancellationDeadline: new Date("2026-04-01T00:00:00Z") });
    const first = await addParticipant(t.prisma, staff, event.id, person());
    const reserveInput = person();
    const reserve = await addParticipant(t.prisma, staff, event.id, reserveInput);
    const result = await cancelRegistration(t.prisma, { actor: staff }, first.registrationId);
    expect(result.promotedIds).toEqual([reserve.registrationId]);
    // The cancelled participant's notice, and the promoted reserve's.
    expect(result.emailIds).toHaveLength(2);
    expect(await t.prisma.emailMessage.count({ where: { to: reserveInput.email, template: "eventPromoted" } })).toBe(1);
  });

  it("checks a registered participant in and out, shown with the time in the list", async () => {
    const event = await createEvent({ seats: 5 });
    const { registrationId } = await addParticipant(t.prisma, staff, event.id, person());
    setClock("2026-06-01T11:55:00Z");
    await markAttendance(t.prisma, staff, registrationId, true);
    const listed = await listParticipants(t.prisma, staff, event.id, { page: 1, pageSize: 20, q: "" });
    expect(listed.rows[0].attendedAt).toEqual(new Date("2026-06-01T11:55:00Z"));
    await markAttendance(t.prisma, staff, registrationId, false);
    expect((await t.prisma.registration.findUniqueOrThrow({ where: { id: registrationId } })).attendedAt).toBeNull();
    await expect(markAttendance(t.prisma, client, registrationId, true)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("certificate state in the participants list", () => {
  /** A certificate row for "Issued", as the issuing job writes it (without the PDF). */
  function issueCertificate(registrationId: string, event: { name: string; startsAt: Date; endsAt: Date; timeZone: string }) {
    return t.prisma.certificate.create({
      data: {
        registrationId,
        code: uniqueTag("CODE"),
        participantName: "Issued",
        eventName: event.name,
        eventStartsAt: event.startsAt,
        eventEndsAt: event.endsAt,
        eventTimeZone: event.timeZone,
        storageKey: uniqueTag("key"),
        issuedAt: new Date("2026-06-02T10:00:00Z"),
      },
    });
  }

  it("is issued when a certificate exists, CPF requested when asked, else none — from the same query", async () => {
    const event = await createEvent({ seats: 5 });
    const issued = await addParticipant(t.prisma, staff, event.id, person({ name: "Issued" }));
    const asked = await addParticipant(t.prisma, staff, event.id, person({ name: "Asked" }));
    await addParticipant(t.prisma, staff, event.id, person({ name: "Nothing" }));
    await issueCertificate(issued.registrationId, event);
    await t.prisma.registration.update({ where: { id: asked.registrationId }, data: { cpfRequestedAt: new Date("2026-06-02T10:00:00Z") } });
    const { rows } = await listParticipants(t.prisma, staff, event.id, { page: 1, pageSize: 20, q: "" });
    const states = Object.fromEntries(rows.map((r) => [r.name, certificateState(r)]));
    expect(states).toEqual({ Issued: "issued", Asked: "cpfRequested", Nothing: "none" });
    expect(rows.find((r) => r.name === "Issued")?.certificateIssuedAt).toEqual(new Date("2026-06-02T10:00:00Z"));
  });

  it("tells an attended participant not yet issued from one not eligible, and gives the issued certificate's id", async () => {
    const event = await createEvent({ seats: 5 });
    const attended = await addParticipant(t.prisma, staff, event.id, person({ name: "Attended" }));
    const issued = await addParticipant(t.prisma, staff, event.id, person({ name: "Issued" }));
    await addParticipant(t.prisma, staff, event.id, person({ name: "Absent" }));
    await t.prisma.registration.updateMany({
      where: { id: { in: [attended.registrationId, issued.registrationId] } },
      data: { attendedAt: new Date("2026-06-01T10:00:00Z") },
    });
    const certificate = await issueCertificate(issued.registrationId, event);
    const { rows } = await listParticipants(t.prisma, staff, event.id, { page: 1, pageSize: 20, q: "" });
    expect(Object.fromEntries(rows.map((r) => [r.name, certificateState(r)]))).toEqual({ Attended: "pending", Issued: "issued", Absent: "none" });
    expect(rows.find((r) => r.name === "Issued")?.certificateId).toBe(certificate.id);
    expect(rows.find((r) => r.name === "Absent")?.certificateId).toBeNull();
  });
});
