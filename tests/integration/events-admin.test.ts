import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { Role } from "@/lib/generated/prisma/enums";
import { getEvent, listEvents, parseEventListQuery } from "@/lib/events/event-list";
import { createEvent, updateEvent } from "@/lib/events/event-save";
import { eventSlug } from "@/lib/events/event-rules";
import { allParticipants, listParticipants } from "@/lib/events/participants";
import { participantsCsv, type CsvLabels } from "@/lib/events/participants-csv";
import { eventSchema, type EventInput, type StoredAnswer } from "@/lib/events/schemas";
import { createActor, createCustomer, eventFormInput, uniqueTag } from "../helpers/factories";
import { withTestDatabase, type TestDatabase } from "../helpers/db-test";

const database = withTestDatabase();
let db: TestDatabase["prisma"];
let admin: Actor;
let staff: Actor;
let otherStaff: Actor;
let internalType: string;
let publicType: string;

beforeAll(async () => {
  db = database.prisma;
  ({ actor: admin } = await createActor(db, Role.ADMIN));
  ({ actor: staff } = await createActor(db, Role.STAFF));
  ({ actor: otherStaff } = await createActor(db, Role.STAFF));
  internalType = (await db.eventType.create({ data: { name: uniqueTag("Internal ") } })).id;
  publicType = (await db.eventType.create({ data: { name: uniqueTag("Public "), isPublic: true } })).id;
});

function input(overrides: Partial<EventInput> = {}) {
  return eventSchema.parse(eventFormInput(internalType, { timeZone: "America/Sao_Paulo", ...overrides }));
}

async function fieldErrors(promise: Promise<unknown>): Promise<Record<string, string>> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).fields;
}

const stored = (id: string) => db.event.findUniqueOrThrow({ where: { id } });

describe("event numbers and slugs", () => {
  it("numbers events sequentially and derives a unique, url-safe slug from name and number", async () => {
    const a = await createEvent(db, staff, input({ name: "Formação Básica: Módulo 1" }));
    const b = await createEvent(db, staff, input({ name: "Formação Básica: Módulo 1" }));
    expect(b.number).toBe(a.number + 1);
    expect(a.slug).toBe(`formacao-basica-modulo-1-${a.number}`);
    expect(b.slug).not.toBe(a.slug);
    expect(b.slug).toMatch(/^[a-z0-9-]+$/);
    expect(eventSlug("!!!", 7)).toBe("event-7");
  });

  it("keeps the slug when the event is renamed (published links keep working)", async () => {
    const e = await createEvent(db, staff, input({ name: "Old name" }));
    await updateEvent(db, staff, e.id, input({ name: "New name" }));
    expect((await stored(e.id)).slug).toBe(e.slug);
  });

  it("refuses an unknown time zone and an end before the start", async () => {
    expect(await fieldErrors(createEvent(db, staff, { ...input(), timeZone: "Mars/Olympus" }))).toEqual({ timeZone: "validation.timeZone" });
    const bad = { ...input(), endsAt: new Date("2030-03-01T11:00:00Z") };
    expect(await fieldErrors(createEvent(db, staff, bad))).toEqual({ endsAt: "events.errors.endBeforeStart" });
    expect(eventSchema.safeParse({ ...input(), seats: -1 }).success).toBe(false);
  });
});

describe("responsible person", () => {
  it("lets only the responsible person and admins change the event; other staff can view", async () => {
    const staffUser = await db.user.findUniqueOrThrow({ where: { id: staff.userId } });
    const e = await createEvent(db, otherStaff, input({ responsibleId: staffUser.id }));
    await expect(updateEvent(db, otherStaff, e.id, input({ name: "Hijack", responsibleId: staffUser.id }))).rejects.toBeInstanceOf(ForbiddenError);
    expect((await stored(e.id)).name).not.toBe("Hijack");
    expect((await getEvent(db, otherStaff, e.id)).canEdit).toBe(false);
    await updateEvent(db, staff, e.id, input({ name: "By the responsible", responsibleId: staffUser.id }));
    await updateEvent(db, admin, e.id, input({ name: "By an admin", responsibleId: staffUser.id }));
    expect((await stored(e.id)).name).toBe("By an admin");
  });

  it("refuses a client as the responsible person", async () => {
    const { user: client } = await createActor(db, Role.CLIENT);
    expect(await fieldErrors(createEvent(db, staff, input({ responsibleId: client.id })))).toEqual({ responsibleId: "events.errors.responsibleNotStaff" });
  });
});

describe("main and secondary events", () => {
  it("forces the followed fields from the main event against hand-crafted input", async () => {
    const place = await db.eventPlace.create({ data: { name: uniqueTag("Room ") } });
    const main = await createEvent(
      db,
      staff,
      input({
        typeId: publicType,
        placeId: place.id,
        seats: 30,
        reserveSeats: 5,
        visibleInPortal: true,
        publicRegistration: true,
        registrationDeadline: "2030-02-20T00:00:00Z",
      }),
    );
    const customer = await createCustomer(db);
    const crafted = input({
      mainEventNumber: main.number,
      typeId: internalType,
      customerId: customer.id,
      seats: 999,
      reserveSeats: 99,
      visibleInPortal: false,
      publicRegistration: false,
      name: "Session 2",
    });
    const secondary = await createEvent(db, staff, crafted);
    const s = await stored(secondary.id);
    expect(s).toMatchObject({
      mainEventId: main.id,
      name: "Session 2",
      typeId: publicType,
      placeId: place.id,
      customerId: null,
      seats: 30,
      reserveSeats: 5,
      visibleInPortal: true,
      publicRegistration: true,
    });
    expect(s.registrationDeadline?.toISOString()).toBe("2030-02-20T00:00:00.000Z");

    // Editing the secondary cannot change them either.
    await updateEvent(db, staff, secondary.id, { ...crafted, seats: 1 });
    expect(await stored(secondary.id)).toMatchObject({ seats: 30, typeId: publicType, publicRegistration: true });
  });

  it("propagates the main event's followed fields to its secondaries on save", async () => {
    const mainInput = input({ seats: 10 });
    const main = await createEvent(db, staff, mainInput);
    const s1 = await createEvent(db, staff, input({ mainEventNumber: main.number }));
    const s2 = await createEvent(db, staff, input({ mainEventNumber: main.number, name: "Own name" }));
    await updateEvent(
      db,
      staff,
      main.id,
      input({
        ...mainInput,
        name: "Main renamed",
        seats: 42,
        reserveSeats: 3,
        typeId: publicType,
        visibleInPortal: true,
        cancellationDeadline: "2030-02-25T00:00:00Z",
      }),
    );
    for (const id of [s1.id, s2.id]) {
      expect(await stored(id)).toMatchObject({ seats: 42, reserveSeats: 3, typeId: publicType, visibleInPortal: true });
      expect((await stored(id)).cancellationDeadline?.toISOString()).toBe("2030-02-25T00:00:00.000Z");
    }
    expect((await stored(s2.id)).name).toBe("Own name");
    expect((await getEvent(db, staff, main.id)).secondaryEvents.map((e) => e.id).sort()).toEqual([s1.id, s2.id].sort());
  });

  it("refuses a secondary of a secondary, and turning a main event into a secondary", async () => {
    const main = await createEvent(db, staff, input());
    const secondary = await createEvent(db, staff, input({ mainEventNumber: main.number }));
    expect(await fieldErrors(createEvent(db, staff, input({ mainEventNumber: secondary.number })))).toEqual({
      mainEventNumber: "events.errors.mainIsSecondary",
    });
    const other = await createEvent(db, staff, input());
    expect(await fieldErrors(updateEvent(db, staff, main.id, input({ mainEventNumber: other.number })))).toEqual({
      mainEventNumber: "events.errors.hasSecondaries",
    });
    expect(await fieldErrors(updateEvent(db, staff, other.id, input({ mainEventNumber: other.number })))).toEqual({
      mainEventNumber: "events.errors.mainIsSelf",
    });
    expect(await fieldErrors(createEvent(db, staff, input({ mainEventNumber: 999_999 })))).toEqual({ mainEventNumber: "events.errors.mainNotFound" });
    expect(await fieldErrors(updateEvent(db, staff, secondary.id, input({ mainEventNumber: other.number })))).toEqual({
      mainEventNumber: "events.errors.mainFixed",
    });
  });

  it("lets only those who may edit the main event add a session to it", async () => {
    const staffUser = await db.user.findUniqueOrThrow({ where: { id: staff.userId } });
    const main = await createEvent(db, staff, input({ responsibleId: staffUser.id }));
    const before = await db.event.count({ where: { mainEventId: main.id } });
    await expect(createEvent(db, otherStaff, input({ mainEventNumber: main.number }))).rejects.toBeInstanceOf(ForbiddenError);
    const standalone = await createEvent(db, otherStaff, input());
    await expect(
      updateEvent(db, otherStaff, standalone.id, input({ name: (await stored(standalone.id)).name, mainEventNumber: main.number })),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.event.count({ where: { mainEventId: main.id } })).toBe(before);
    await createEvent(db, staff, input({ mainEventNumber: main.number }));
    await createEvent(db, admin, input({ mainEventNumber: main.number }));
    expect(await db.event.count({ where: { mainEventId: main.id } })).toBe(before + 2);
  });

  it("copies the main event's registrants into a secondary created later", async () => {
    const main = await createEvent(db, staff, input());
    await db.registration.create({ data: { eventId: main.id, name: "Ana", email: `${uniqueTag()}@example.test`, status: "REGISTERED", source: "STAFF" } });
    await db.event.update({ where: { id: main.id }, data: { registeredCount: 1 } });
    const secondary = await createEvent(db, staff, input({ mainEventNumber: main.number }));
    expect(await db.registration.count({ where: { eventId: secondary.id, status: { not: "CANCELLED" } } })).toBe(1);
  });
});

describe("seats", () => {
  async function fullEventWithReserves() {
    const e = await createEvent(db, staff, input({ seats: 3, reserveSeats: 5 }));
    // Arrival order is the insertion order.
    const add = (name: string, status: "REGISTERED" | "RESERVE") =>
      db.registration.create({ data: { eventId: e.id, name, email: `${uniqueTag()}@example.test`, status, source: "STAFF" } });
    for (let i = 0; i < 3; i++) await add(`Seated ${i}`, "REGISTERED");
    const first = await add("First reserve", "RESERVE");
    const second = await add("Second reserve", "RESERVE");
    await db.event.update({ where: { id: e.id }, data: { registeredCount: 3, reserveCount: 2 } });
    return { e, first, second };
  }

  it("promotes the earliest reserve at once when the seats are raised, e-mailing them once", async () => {
    const { e, first, second } = await fullEventWithReserves();
    const result = await updateEvent(db, staff, e.id, input({ name: (await stored(e.id)).name, seats: 4, reserveSeats: 5 }));
    expect(await db.registration.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ status: "REGISTERED" });
    expect(await db.registration.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({ status: "RESERVE" });
    expect(await stored(e.id)).toMatchObject({ seats: 4, registeredCount: 4, reserveCount: 1 });
    const mails = await db.emailMessage.findMany({ where: { to: first.email, template: "eventPromoted" }, select: { id: true } });
    expect(mails).toHaveLength(1);
    expect(result.emailIds).toEqual([mails[0].id]);
    // Saving again changes nothing and e-mails nobody.
    expect((await updateEvent(db, staff, e.id, input({ name: (await stored(e.id)).name, seats: 4, reserveSeats: 5 }))).emailIds).toEqual([]);
    expect(await db.emailMessage.count({ where: { to: { in: [first.email, second.email] } } })).toBe(1);
  });

  it("refuses fewer seats than registered participants, on the seats field", async () => {
    const { e } = await fullEventWithReserves();
    const name = (await stored(e.id)).name;
    expect(await fieldErrors(updateEvent(db, staff, e.id, input({ name, seats: 2, reserveSeats: 5 })))).toEqual({
      seats: "events.errors.seatsBelowRegistered",
    });
    expect(await stored(e.id)).toMatchObject({ seats: 3, registeredCount: 3 });
    // Exactly the registered count is fine.
    await updateEvent(db, staff, e.id, input({ name, seats: 3, reserveSeats: 5 }));
  });
});

describe("location", () => {
  it("gives a public event without a location the default public place; internal events stay without", async () => {
    const place = await db.eventPlace.create({ data: { name: uniqueTag("Public hall "), isDefaultPublic: true } });
    const pub = await createEvent(db, staff, input({ typeId: publicType }));
    expect((await stored(pub.id)).placeId).toBe(place.id);
    const internal = await createEvent(db, staff, input({ typeId: internalType }));
    expect((await stored(internal.id)).placeId).toBeNull();
    const customer = await createCustomer(db);
    const atCustomer = await createEvent(db, staff, input({ typeId: publicType, customerId: customer.id }));
    expect(await stored(atCustomer.id)).toMatchObject({ customerId: customer.id, placeId: null });
    expect(await fieldErrors(createEvent(db, staff, { ...input(), customerId: customer.id, placeId: place.id }))).toEqual({
      placeId: "events.errors.oneLocation",
    });
  });
});

describe("event list", () => {
  it("searches by name or number and filters by status", async () => {
    const tag = uniqueTag("Findme");
    const a = await createEvent(db, staff, input({ name: `${tag} A` }));
    await createEvent(db, staff, input({ name: `${tag} B`, status: "CANCELLED" }));
    expect((await listEvents(db, staff, parseEventListQuery({ q: tag }))).total).toBe(2);
    const cancelled = await listEvents(db, staff, parseEventListQuery({ q: tag, status: "CANCELLED" }));
    expect(cancelled.rows.map((r) => r.name)).toEqual([`${tag} B`]);
    const byNumber = await listEvents(db, staff, parseEventListQuery({ q: String(a.number) }));
    expect(byNumber.rows.some((r) => r.id === a.id)).toBe(true);
    expect(byNumber.rows[0].type.name).toBeTruthy();
  });
});

describe("participants and CSV export", () => {
  const labels: CsvLabels = {
    name: "Nome",
    email: "E-mail",
    status: "Situação",
    reservePosition: "Posição",
    source: "Origem",
    registeredAt: "Inscrição",
    attendedAt: "Presença",
    cancelledAt: "Cancelamento",
    sessionsAttended: (total) => `Sessões (de ${total})`,
    statusNames: { REGISTERED: "Inscrito", RESERVE: "Reserva", CANCELLED: "Cancelado" },
    sourceNames: { PORTAL: "Portal", PUBLIC: "Público", STAFF: "Equipe" },
    yes: "Sim",
    no: "Não",
  };

  it("lists reserve positions computed in SQL and exports a BOM-prefixed, escaped CSV with answer columns", async () => {
    const e = await createEvent(db, staff, input({ seats: 1, reserveSeats: 5 }));
    const q1: StoredAnswer["question"] = { id: "q1", label: "Dieta, restrições", kind: "SHORT_TEXT", required: false, options: [] };
    const q2: StoredAnswer["question"] = { id: "q2", label: 'Precisa de "acesso"?', kind: "YES_NO", required: true, options: [] };
    const answers = (a: StoredAnswer["value"], b: StoredAnswer["value"]): StoredAnswer[] => [
      { question: q1, value: a },
      { question: q2, value: b },
    ];
    const add = (name: string, status: "REGISTERED" | "RESERVE" | "CANCELLED", ans: StoredAnswer[] = []) =>
      db.registration.create({ data: { eventId: e.id, name, email: `${uniqueTag()}@example.test`, status, source: "PUBLIC", answers: ans as never } });
    await add("João Ñúñez", "REGISTERED", answers('Sem glúten, "vegana"\nobrigado', true));
    await add("Reserve One", "RESERVE", answers("=cmd()", false));
    await add("Gone", "CANCELLED");
    await add("Reserve Two", "RESERVE");

    const page = await listParticipants(db, staff, e.id, { page: 1, pageSize: 3, q: "" });
    expect(page.total).toBe(4);
    expect(page.rows.map((r) => [r.name, r.reservePosition])).toEqual([
      ["João Ñúñez", null],
      ["Reserve One", 1],
      ["Gone", null],
    ]);
    const second = await listParticipants(db, staff, e.id, { page: 2, pageSize: 3, q: "" });
    expect(second.rows.map((r) => [r.name, r.reservePosition])).toEqual([["Reserve Two", 2]]);

    const { rows } = await allParticipants(db, staff, e.id);
    const csv = participantsCsv(rows, "America/Sao_Paulo", labels);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const lines = csv.slice(1).split("\r\n");
    expect(lines[0]).toBe('Nome,E-mail,Situação,Posição,Origem,Inscrição,Presença,Cancelamento,"Dieta, restrições","Precisa de ""acesso""?"');
    expect(csv).toContain('"Sem glúten, ""vegana""\nobrigado",Sim');
    expect(csv).toContain("Reserve One");
    expect(csv).toContain(",Reserva,1,Público,");
    expect(csv).toContain("'=cmd(),Não");
    expect(Buffer.from(csv, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });
});
