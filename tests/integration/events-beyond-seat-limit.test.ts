// A walk-in at a full event: staff who may edit the event can seat them beyond
// the seat limit, but only when they say so. Without that choice the seat rules
// decide as before (reserve list, then "full"); with it the participant is
// REGISTERED past `seats`, the e-mail says so, and the audit log names who did it.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import { createEvent as saveNewEvent, updateEvent } from "@/lib/events/event-save";
import { BEYOND_SEAT_LIMIT_ACTION, cancelRegistration } from "@/lib/events/registration";
import { addParticipantSchema, eventSchema, type AddParticipantInput, type EventInput } from "@/lib/events/schemas";
import { addParticipant } from "@/lib/events/staff-participants";
import { Role } from "@/lib/generated/prisma/enums";
import { createActor, eventFormInput, uniqueTag } from "../helpers/factories";
import { received } from "../helpers/mail";
import { withTestDatabase } from "../helpers/db-test";

const t = withTestDatabase();
let responsible: Actor;
let otherStaff: Actor;
let admin: Actor;
let typeId: string;

beforeAll(async () => {
  responsible = (await createActor(t.prisma, Role.STAFF)).actor;
  otherStaff = (await createActor(t.prisma, Role.STAFF)).actor;
  admin = (await createActor(t.prisma, Role.ADMIN)).actor;
  typeId = (await t.prisma.eventType.create({ data: { name: uniqueTag("Type ") } })).id;
});

/** An event of `seats` seats and `reserveSeats` reserve seats, with `responsible` in charge. */
async function newEvent(seats: number, reserveSeats: number) {
  const input = eventSchema.parse(eventFormInput(typeId, { seats, reserveSeats, responsibleId: responsible.userId }));
  return saveNewEvent(t.prisma, responsible, input);
}

const person = (overrides: Partial<AddParticipantInput> = {}) =>
  addParticipantSchema.parse({ name: `Walk-in ${uniqueTag()}`, email: `${uniqueTag()}@example.test`, cpf: "", clientEmail: "", ...overrides });

const counters = (id: string) => t.prisma.event.findUniqueOrThrow({ where: { id }, select: { seats: true, registeredCount: true, reserveCount: true } });
const audits = (registrationId: string) => t.prisma.auditLog.findMany({ where: { action: BEYOND_SEAT_LIMIT_ACTION, entityId: registrationId } });

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (e: unknown) => e,
  );
}

describe("adding a participant beyond the seat limit", () => {
  it("is off unless chosen: the form's value defaults to false", () => {
    expect(person().beyondSeatLimit).toBe(false);
  });

  it("without the choice a full event still answers reserve, then full", async () => {
    const event = await newEvent(1, 1);
    expect((await addParticipant(t.prisma, responsible, event.id, person())).status).toBe("REGISTERED");
    expect((await addParticipant(t.prisma, responsible, event.id, person())).status).toBe("RESERVE");
    const error = await rejection(addParticipant(t.prisma, responsible, event.id, person()));
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).key).toBe("events.errors.full");
    expect(await counters(event.id)).toEqual({ seats: 1, registeredCount: 1, reserveCount: 1 });
  });

  it("with the choice seats the walk-in past the limit, e-mails a registration and records who did it", async () => {
    const event = await newEvent(1, 1);
    await addParticipant(t.prisma, responsible, event.id, person());
    await addParticipant(t.prisma, responsible, event.id, person());
    const walkIn = person({ beyondSeatLimit: true });
    const result = await addParticipant(t.prisma, responsible, event.id, walkIn);
    expect(result).toMatchObject({ status: "REGISTERED", beyondSeatLimit: true });
    expect(await t.prisma.registration.findUniqueOrThrow({ where: { id: result.registrationId }, select: { status: true, source: true } })).toEqual({
      status: "REGISTERED",
      source: "STAFF",
    });
    expect(await counters(event.id)).toEqual({ seats: 1, registeredCount: 2, reserveCount: 1 });

    const [entry] = await audits(result.registrationId);
    expect(entry).toMatchObject({ actorId: responsible.userId, actorName: responsible.name, entityType: "Registration" });
    expect(entry.data).toMatchObject({ eventId: event.id, seats: 1, registered: 2, email: walkIn.email });

    const mail = await t.prisma.emailMessage.findFirstOrThrow({ where: { to: walkIn.email, template: "eventRegistration" } });
    const { text } = await received(mail);
    expect(text).not.toMatch(/reserve/i);
  });

  it("with the choice and a free reserve seat, seats the walk-in instead of putting them on the reserve list", async () => {
    const event = await newEvent(1, 2);
    await addParticipant(t.prisma, responsible, event.id, person());
    const result = await addParticipant(t.prisma, responsible, event.id, person({ beyondSeatLimit: true }));
    expect(result.status).toBe("REGISTERED");
    // The reserve seat the claim took first is given back.
    expect(await counters(event.id)).toEqual({ seats: 1, registeredCount: 2, reserveCount: 0 });
    expect(await audits(result.registrationId)).toHaveLength(1);
  });

  it("while seats are free the choice changes nothing and nothing is recorded", async () => {
    const event = await newEvent(2, 0);
    const result = await addParticipant(t.prisma, responsible, event.id, person({ beyondSeatLimit: true }));
    expect(result.status).toBe("REGISTERED");
    expect(result.beyondSeatLimit).toBeUndefined();
    expect(await counters(event.id)).toEqual({ seats: 2, registeredCount: 1, reserveCount: 0 });
    expect(await audits(result.registrationId)).toHaveLength(0);
  });

  it("is refused to staff without rights on the event, who still get the ordinary outcome", async () => {
    const event = await newEvent(1, 0);
    await addParticipant(t.prisma, responsible, event.id, person());
    const walkIn = person({ beyondSeatLimit: true });
    expect(await rejection(addParticipant(t.prisma, otherStaff, event.id, walkIn))).toBeInstanceOf(ForbiddenError);
    expect(await t.prisma.registration.count({ where: { eventId: event.id, email: walkIn.email } })).toBe(0);
    const ordinary = await rejection(addParticipant(t.prisma, otherStaff, event.id, person()));
    expect((ordinary as ConflictError).key).toBe("events.errors.full");
    // An administrator may, as they may edit any event.
    const byAdmin = await addParticipant(t.prisma, admin, event.id, walkIn);
    expect(byAdmin.status).toBe("REGISTERED");
    expect((await audits(byAdmin.registrationId))[0]).toMatchObject({ actorId: admin.userId });
    expect(await counters(event.id)).toEqual({ seats: 1, registeredCount: 2, reserveCount: 0 });
  });

  it("leaves the event editable with its seats unchanged; cutting them stays refused", async () => {
    const event = await newEvent(1, 0);
    await addParticipant(t.prisma, responsible, event.id, person());
    await addParticipant(t.prisma, responsible, event.id, person({ beyondSeatLimit: true }));
    const form = (overrides: Partial<EventInput>) =>
      eventSchema.parse(eventFormInput(typeId, { seats: 1, reserveSeats: 0, responsibleId: responsible.userId, ...overrides }));
    await updateEvent(t.prisma, responsible, event.id, form({ name: "Renamed after the walk-in" }));
    expect((await t.prisma.event.findUniqueOrThrow({ where: { id: event.id } })).name).toBe("Renamed after the walk-in");
    const cut = await rejection(updateEvent(t.prisma, responsible, event.id, form({ seats: 0 })));
    expect(cut).toBeInstanceOf(ValidationError);
    expect((cut as ValidationError).fields).toEqual({ seats: "events.errors.seatsBelowRegistered" });
  });

  it("a cancellation while over the limit frees no seat for the reserve list", async () => {
    const event = await newEvent(1, 1);
    const first = await addParticipant(t.prisma, responsible, event.id, person());
    await addParticipant(t.prisma, responsible, event.id, person({ beyondSeatLimit: true }));
    const reserve = await addParticipant(t.prisma, responsible, event.id, person());
    expect(reserve.status).toBe("RESERVE");
    await cancelRegistration(t.prisma, { actor: responsible }, first.registrationId);
    expect((await t.prisma.registration.findUniqueOrThrow({ where: { id: reserve.registrationId } })).status).toBe("RESERVE");
    expect(await counters(event.id)).toEqual({ seats: 1, registeredCount: 1, reserveCount: 1 });
  });
});
