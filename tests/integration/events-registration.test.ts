// Registration rules: seats then reserve then
// "full", deadlines, visibility, main/secondary replication, one registration per
// e-mail, cancellation with promotion of the first reserve (once), answers with
// their question snapshot. The concurrency block needs PostgreSQL.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { setClock } from "@/lib/clock";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { Role } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  cancelRegistration,
  findRegistrationByToken,
  registerForEvent,
  registerForPublicEvent,
  reservePosition,
  type Registrant,
} from "@/lib/events/registration";
import { promoteReserves } from "@/lib/events/promotion";
import { replicateRegistrationsToSecondary } from "@/lib/events/replication";
import { eventRowForEmail, hashAccessToken, lockEvent, publicEventRowForEmail } from "@/lib/events/seat-lock";
import type { StoredAnswer } from "@/lib/events/schemas";
import { createActor, createCustomer, createProfile, uniqueTag } from "../helpers/factories";
import { withTestDatabase } from "../helpers/db-test";
import { received } from "@/tests/helpers/mail";

const NOW = "2026-05-01T12:00:00Z";
const poolSizeBefore = process.env.DATABASE_POOL_SIZE;
// The concurrency test keeps many transactions open at once (PostgreSQL only).
process.env.DATABASE_POOL_SIZE = "30";
const t = withTestDatabase();
let typeId: string;

beforeAll(async () => {
  typeId = (await t.prisma.eventType.create({ data: { name: "Training", isPublic: true } })).id;
});
afterAll(async () => {
  process.env.DATABASE_POOL_SIZE = poolSizeBefore;
});
afterEach(() => setClock(NOW));
setClock(NOW);

async function createEvent(overrides: Partial<Prisma.EventUncheckedCreateInput> = {}) {
  const tag = uniqueTag("ev");
  return t.prisma.event.create({
    data: {
      name: `Event ${tag}`,
      slug: tag,
      startsAt: new Date("2026-06-01T12:00:00Z"),
      endsAt: new Date("2026-06-01T15:00:00Z"),
      timeZone: "America/Sao_Paulo",
      typeId,
      seats: 2,
      reserveSeats: 1,
      visibleInPortal: true,
      publicRegistration: true,
      ...overrides,
    },
  });
}

const publicly = (email: string, extra: Partial<Extract<Registrant, { source: "PUBLIC" }>> = {}): Extract<Registrant, { source: "PUBLIC" }> => ({
  source: "PUBLIC",
  name: `Person ${email}`,
  email,
  locale: "en",
  ...extra,
});

async function rowsOf(eventId: string) {
  const event = await t.prisma.event.findUniqueOrThrow({ where: { id: eventId } });
  const rows = await t.prisma.registration.groupBy({ by: ["status"], where: { eventId }, _count: true });
  const count = (status: string) => rows.find((r) => r.status === status)?._count ?? 0;
  return { event, registered: count("REGISTERED"), reserve: count("RESERVE"), cancelled: count("CANCELLED") };
}

async function expectCountersMatchRows(eventId: string) {
  const { event, registered, reserve } = await rowsOf(eventId);
  expect([event.registeredCount, event.reserveCount]).toEqual([registered, reserve]);
}

describe("seats and reserve seats", () => {
  it("fills the seats, then the reserve in arrival order, then refuses with 'full'", async () => {
    const event = await createEvent({ seats: 2, reserveSeats: 2 });
    const results = [];
    for (const email of ["a@x.test", "b@x.test", "c@x.test", "d@x.test"]) results.push(await registerForEvent(t.prisma, event.id, publicly(email)));
    expect(results.map((r) => [r.status, r.reservePosition])).toEqual([
      ["REGISTERED", undefined],
      ["REGISTERED", undefined],
      ["RESERVE", 1],
      ["RESERVE", 2],
    ]);
    const refused = registerForEvent(t.prisma, event.id, publicly("e@x.test"));
    await expect(refused).rejects.toBeInstanceOf(ConflictError);
    await expect(registerForEvent(t.prisma, event.id, publicly("e@x.test"))).rejects.toMatchObject({ key: "events.errors.full" });
    expect(await t.prisma.registration.count({ where: { email: "e@x.test" } })).toBe(0);
    const state = await rowsOf(event.id);
    expect([state.event.registeredCount, state.event.reserveCount, state.registered, state.reserve]).toEqual([2, 2, 2, 2]);
    expect(await reservePosition(t.prisma, results[3].registrationId)).toBe(2);
    expect(await reservePosition(t.prisma, results[0].registrationId)).toBeNull();
  });

  it("queues a confirmation e-mail with the status, place, times in the event's zone and the private link", async () => {
    const place = await t.prisma.eventPlace.create({ data: { name: uniqueTag("Hall "), address: "Rua A 1" } });
    const event = await createEvent({ seats: 1, reserveSeats: 1, placeId: place.id });
    const first = await registerForEvent(t.prisma, event.id, publicly("mail1@x.test", { locale: "pt-BR" }));
    const second = await registerForEvent(t.prisma, event.id, publicly("mail2@x.test"));
    const stored = await Promise.all([first, second].map((r) => t.prisma.emailMessage.findUniqueOrThrow({ where: { id: r.emailIds[0] } })));
    // Both stored as template and props (the first in one statement, the second on the general path): the sender renders them.
    for (const row of stored) expect(row).toMatchObject({ html: null, text: null, timeZone: "America/Sao_Paulo", status: "QUEUED", priority: "URGENT" });
    const [m1, m2] = await Promise.all(stored.map(received));
    expect(m1).toMatchObject({ to: "mail1@x.test", locale: "pt-BR", template: "eventRegistration", subject: `Inscrição confirmada: ${event.name}` });
    expect(m1.text).toContain("Person mail1@x.test");
    expect(m1.text).toContain(`/e/${event.slug}/r/${first.accessToken}`);
    expect(m1.html).toContain(`href="http://`);
    expect(m1.html).toContain(`/e/${event.slug}/r/${first.accessToken}"`);
    expect(m1.text).toContain("09:00"); // 12:00 UTC in America/Sao_Paulo
    expect(m1.text).toContain(`${place.name}, Rua A 1`);
    expect(m2.subject).toBe(`Reserve list: ${event.name}`);
    expect(m2.text).toContain("number 1 on the reserve list");
  });

  it("closes at the registration deadline for portal and public, but staff may still add", async () => {
    const event = await createEvent({ registrationDeadline: new Date("2026-05-10T00:00:00Z") });
    const { actor: client } = await createActor(t.prisma, Role.CLIENT);
    const { actor: staff } = await createActor(t.prisma, Role.STAFF);
    setClock("2026-05-09T23:59:59Z");
    await registerForEvent(t.prisma, event.id, publicly("early@x.test"));
    setClock("2026-05-10T00:00:01Z");
    await expect(registerForEvent(t.prisma, event.id, publicly("late@x.test"))).rejects.toMatchObject({ key: "events.errors.registrationClosed" });
    await expect(registerForEvent(t.prisma, event.id, { source: "PORTAL", actor: client })).rejects.toMatchObject({ key: "events.errors.registrationClosed" });
    const added = await registerForEvent(t.prisma, event.id, { source: "STAFF", actor: staff, name: "Walk In", email: "Walk.In@X.test" });
    expect(added.status).toBe("REGISTERED");
    expect(await t.prisma.registration.findUniqueOrThrow({ where: { id: added.registrationId } })).toMatchObject({ email: "walk.in@x.test", source: "STAFF" });
  });

  it("refuses every registration for a cancelled event, staff included", async () => {
    const event = await createEvent({ status: "CANCELLED" });
    const { actor: staff } = await createActor(t.prisma, Role.STAFF);
    await expect(registerForEvent(t.prisma, event.id, publicly("c1@x.test"))).rejects.toMatchObject({ key: "events.errors.cancelled" });
    await expect(registerForEvent(t.prisma, event.id, { source: "STAFF", actor: staff, name: "S", email: "c2@x.test" })).rejects.toMatchObject({
      key: "events.errors.cancelled",
    });
    expect(await t.prisma.registration.count({ where: { eventId: event.id } })).toBe(0);
  });

  it("needs 'visible in portal' and portal access for portal registrations, 'public registration' for public ones", async () => {
    const hidden = await createEvent({ visibleInPortal: false, publicRegistration: false });
    const { user, actor: client } = await createActor(t.prisma, Role.CLIENT, { locale: "fi", cpf: "52998224725" });
    await expect(registerForEvent(t.prisma, hidden.id, { source: "PORTAL", actor: client })).rejects.toBeInstanceOf(NotFoundError);
    await expect(registerForEvent(t.prisma, hidden.id, publicly("p@x.test"))).rejects.toMatchObject({ key: "events.errors.notFound" });
    const noPortal = await createProfile(t.prisma, { permissions: [] });
    const { actor: outsider } = await createActor(t.prisma, Role.CLIENT, { profileId: noPortal.id });
    const open = await createEvent();
    await expect(registerForEvent(t.prisma, open.id, { source: "PORTAL", actor: outsider })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(registerForEvent(t.prisma, open.id, { source: "STAFF", actor: client, name: "X", email: "x@x.test" })).rejects.toBeInstanceOf(ForbiddenError);

    const mine = await registerForEvent(t.prisma, open.id, { source: "PORTAL", actor: client });
    const row = await t.prisma.registration.findUniqueOrThrow({ where: { id: mine.registrationId } });
    // The CPF stays the user's alone (one per person): the registration keeps no copy.
    expect(row).toMatchObject({ userId: user.id, name: user.name, email: user.email, cpf: null, locale: "fi", source: "PORTAL", accessTokenHash: null });
    expect(mine.accessToken).toBeUndefined();
  });

  it("refuses direct registration in a secondary event", async () => {
    const main = await createEvent();
    const secondary = await createEvent({ mainEventId: main.id });
    await expect(registerForEvent(t.prisma, secondary.id, publicly("s@x.test"))).rejects.toMatchObject({ key: "events.errors.registerInMainEvent" });
  });

  it("rejects an invalid CPF and an unknown event", async () => {
    const event = await createEvent();
    await expect(registerForEvent(t.prisma, event.id, publicly("cpf@x.test", { cpf: "529.982.247-24" }))).rejects.toBeInstanceOf(ValidationError);
    const ok = await registerForEvent(t.prisma, event.id, publicly("cpf@x.test", { cpf: "529.982.247-25" }));
    expect((await t.prisma.registration.findUniqueOrThrow({ where: { id: ok.registrationId } })).cpf).toBe("52998224725");
    await expect(registerForEvent(t.prisma, "not-a-uuid", publicly("u@x.test"))).rejects.toBeInstanceOf(NotFoundError);
    await expect(registerForEvent(t.prisma, "00000000-0000-4000-8000-000000000000", publicly("u@x.test"))).rejects.toBeInstanceOf(NotFoundError);
  });

  it("finds public sign-ups by slug among main events with public registration only", async () => {
    const event = await createEvent({ seats: 1, reserveSeats: 0 });
    const result = await registerForPublicEvent(t.prisma, event.slug, publicly("slug@x.test"));
    expect(result).toMatchObject({ status: "REGISTERED", emailIds: [expect.any(String)] });
    expect(await t.prisma.registration.count({ where: { eventId: event.id, email: "slug@x.test" } })).toBe(1);
    // Full when read: refused without taking the lock, an earlier registrant told so.
    await expect(registerForPublicEvent(t.prisma, event.slug, publicly("late@x.test"))).rejects.toMatchObject({ key: "events.errors.full" });
    await expect(registerForPublicEvent(t.prisma, event.slug, publicly("slug@x.test"))).rejects.toMatchObject({ key: "events.errors.alreadyRegistered" });
    const portalOnly = await createEvent({ publicRegistration: false });
    const secondary = await createEvent({ mainEventId: event.id });
    for (const slug of [portalOnly.slug, secondary.slug, "no-such-event", "x".repeat(201)]) {
      await expect(registerForPublicEvent(t.prisma, slug, publicly("nf@x.test"))).rejects.toMatchObject({ key: "errors.notFoundBody" });
    }
  });
});

describe("one registration per e-mail", () => {
  it("answers 'already registered' to the same e-mail and writes no second row", async () => {
    const event = await createEvent({ seats: 5 });
    await registerForEvent(t.prisma, event.id, publicly("twice@x.test"));
    await expect(registerForEvent(t.prisma, event.id, publicly("  TWICE@x.test "))).rejects.toMatchObject({ key: "events.errors.alreadyRegistered" });
    expect(await t.prisma.registration.count({ where: { eventId: event.id } })).toBe(1);
    await expectCountersMatchRows(event.id);
  });

  it("still answers 'already registered', not 'full', once the event has filled up", async () => {
    const event = await createEvent({ seats: 1, reserveSeats: 0 });
    await registerForEvent(t.prisma, event.id, publicly("first@x.test"));
    await expect(registerForEvent(t.prisma, event.id, publicly("first@x.test"))).rejects.toMatchObject({ key: "events.errors.alreadyRegistered" });
    await expect(registerForEvent(t.prisma, event.id, publicly("late@x.test"))).rejects.toMatchObject({ key: "events.errors.full" });
  });

  it("reuses a cancelled registration, at the end of the line", async () => {
    const event = await createEvent({ seats: 1, reserveSeats: 5 });
    const { actor: staff } = await createActor(t.prisma, Role.STAFF);
    const first = await registerForEvent(t.prisma, event.id, publicly("again@x.test"));
    await registerForEvent(t.prisma, event.id, publicly("other@x.test"));
    const before = await t.prisma.registration.findUniqueOrThrow({ where: { id: first.registrationId } });
    await cancelRegistration(t.prisma, { actor: staff }, first.registrationId);
    const again = await registerForEvent(t.prisma, event.id, publicly("again@x.test"));
    expect(again.registrationId).toBe(first.registrationId);
    expect(again).toMatchObject({ status: "RESERVE", reservePosition: 1 });
    const after = await t.prisma.registration.findUniqueOrThrow({ where: { id: first.registrationId } });
    expect(after.arrival > before.arrival).toBe(true);
    expect(after.cancelledAt).toBeNull();
    expect(after.accessTokenHash).toBe(hashAccessToken(again.accessToken!));
    expect(await findRegistrationByToken(t.prisma, first.accessToken!)).toBeNull();
    await expectCountersMatchRows(event.id);
  });
});

describe("cancellation", () => {
  it("promotes the earliest reserve once, with one e-mail, and a reserve's cancellation promotes nobody", async () => {
    const event = await createEvent({ seats: 1, reserveSeats: 3 });
    const { actor: staff } = await createActor(t.prisma, Role.STAFF);
    const seat = await registerForEvent(t.prisma, event.id, publicly("seat@x.test"));
    const r1 = await registerForEvent(t.prisma, event.id, publicly("r1@x.test", { locale: "fi" }));
    const r2 = await registerForEvent(t.prisma, event.id, publicly("r2@x.test"));
    const r3 = await registerForEvent(t.prisma, event.id, publicly("r3@x.test"));

    const reserveCancel = await cancelRegistration(t.prisma, { accessToken: r2.accessToken! }, r2.registrationId);
    expect(reserveCancel.promotedIds).toEqual([]);
    expect(await reservePosition(t.prisma, r3.registrationId)).toBe(2);

    const result = await cancelRegistration(t.prisma, { actor: staff }, seat.registrationId);
    expect(result).toMatchObject({ alreadyCancelled: false, promotedIds: [r1.registrationId] });
    // The cancelled registrant's notice, and the promoted reserve's.
    expect(result.emailIds).toHaveLength(2);
    const promoted = await t.prisma.emailMessage.findFirstOrThrow({ where: { id: { in: result.emailIds }, template: "eventPromoted" } }).then(received);
    expect(promoted).toMatchObject({ to: "r1@x.test", template: "eventPromoted", locale: "fi" });
    expect(await t.prisma.registration.findUniqueOrThrow({ where: { id: r1.registrationId } })).toMatchObject({ status: "REGISTERED" });
    expect(await reservePosition(t.prisma, r3.registrationId)).toBe(1);

    const again = await cancelRegistration(t.prisma, { actor: staff }, seat.registrationId);
    expect(again).toMatchObject({ alreadyCancelled: true, promotedIds: [], emailIds: [] });
    expect(await t.prisma.emailMessage.count({ where: { template: "eventPromoted", to: { in: ["r1@x.test", "r3@x.test"] } } })).toBe(1);
    const state = await rowsOf(event.id);
    expect([state.registered, state.reserve, state.cancelled]).toEqual([1, 1, 2]);
    await expectCountersMatchRows(event.id);
  });

  it("refuses self-cancellation after the last cancellation date; staff can still cancel", async () => {
    const event = await createEvent({ seats: 5, cancellationDeadline: new Date("2026-05-20T00:00:00Z") });
    const { actor: client } = await createActor(t.prisma, Role.CLIENT);
    const { actor: staff } = await createActor(t.prisma, Role.STAFF);
    const mine = await registerForEvent(t.prisma, event.id, { source: "PORTAL", actor: client });
    const pub = await registerForEvent(t.prisma, event.id, publicly("late-cancel@x.test"));
    setClock("2026-05-20T00:00:01Z");
    await expect(cancelRegistration(t.prisma, { actor: client }, mine.registrationId)).rejects.toMatchObject({ key: "events.errors.cancellationClosed" });
    await expect(cancelRegistration(t.prisma, { accessToken: pub.accessToken! }, pub.registrationId)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await rowsOf(event.id)).registered).toBe(2);
    await cancelRegistration(t.prisma, { actor: staff }, mine.registrationId);
    await cancelRegistration(t.prisma, { actor: staff }, pub.registrationId);
    expect((await rowsOf(event.id)).cancelled).toBe(2);
    await expectCountersMatchRows(event.id);
  });

  it("lets a client cancel only their own registration, and a token only its own", async () => {
    const event = await createEvent({ seats: 5 });
    const { actor: alice } = await createActor(t.prisma, Role.CLIENT);
    const { actor: bob } = await createActor(t.prisma, Role.CLIENT);
    const alices = await registerForEvent(t.prisma, event.id, { source: "PORTAL", actor: alice });
    const pub = await registerForEvent(t.prisma, event.id, publicly("token@x.test"));
    await expect(cancelRegistration(t.prisma, { actor: bob }, alices.registrationId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(cancelRegistration(t.prisma, { actor: bob }, pub.registrationId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(cancelRegistration(t.prisma, { accessToken: pub.accessToken! }, alices.registrationId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(cancelRegistration(t.prisma, { accessToken: "wrong" }, pub.registrationId)).rejects.toBeInstanceOf(NotFoundError);
    expect((await rowsOf(event.id)).registered).toBe(2);
    expect((await cancelRegistration(t.prisma, { actor: alice }, alices.registrationId)).alreadyCancelled).toBe(false);
    expect((await cancelRegistration(t.prisma, { accessToken: pub.accessToken! }, pub.registrationId)).alreadyCancelled).toBe(false);
    const view = await findRegistrationByToken(t.prisma, pub.accessToken!);
    expect(view).toMatchObject({ id: pub.registrationId, status: "CANCELLED", event: { slug: event.slug } });
  });
});

describe("raised seats", () => {
  it("promoteReserves moves reserves into new seats in arrival order, and newcomers never jump ahead of them", async () => {
    const event = await createEvent({ seats: 1, reserveSeats: 3 });
    await registerForEvent(t.prisma, event.id, publicly("s0@x.test"));
    const r1 = await registerForEvent(t.prisma, event.id, publicly("s1@x.test"));
    const r2 = await registerForEvent(t.prisma, event.id, publicly("s2@x.test"));
    const r3 = await registerForEvent(t.prisma, event.id, publicly("s3@x.test"));
    await t.prisma.event.update({ where: { id: event.id }, data: { seats: 2 } });
    const result = await t.prisma.$transaction((tx) => promoteReserves(tx, event.id));
    expect(result.promotedIds).toEqual([r1.registrationId]);
    expect(result.emailIds).toHaveLength(1);
    // Seats raised again without promoteReserves: the next registration promotes the waiting reserves first.
    await t.prisma.event.update({ where: { id: event.id }, data: { seats: 4 } });
    const late = await registerForEvent(t.prisma, event.id, publicly("s4@x.test"));
    expect(late).toMatchObject({ status: "RESERVE", reservePosition: 1 });
    const statuses = await t.prisma.registration.findMany({ where: { id: { in: [r2.registrationId, r3.registrationId] } }, select: { status: true } });
    expect(statuses.map((s) => s.status)).toEqual(["REGISTERED", "REGISTERED"]);
    expect(late.emailIds).toHaveLength(3);
    await expectCountersMatchRows(event.id);
  });
});

describe("main and secondary events", () => {
  it("replicates registrations and cancellations (with promotions) to every secondary", async () => {
    const main = await createEvent({ seats: 1, reserveSeats: 1 });
    const s1 = await createEvent({ mainEventId: main.id });
    const s2 = await createEvent({ mainEventId: main.id });
    const { actor: staff } = await createActor(t.prisma, Role.STAFF);
    const a = await registerForEvent(t.prisma, main.id, publicly("ra@x.test"));
    const b = await registerForEvent(t.prisma, main.id, publicly("rb@x.test"));
    for (const secondary of [s1, s2]) {
      const copies = await t.prisma.registration.findMany({ where: { eventId: secondary.id }, orderBy: { arrival: "asc" } });
      expect(copies.map((c) => [c.email, c.status, c.replicatedFromId, c.accessTokenHash])).toEqual([
        ["ra@x.test", "REGISTERED", a.registrationId, null],
        ["rb@x.test", "RESERVE", b.registrationId, null],
      ]);
      await expectCountersMatchRows(secondary.id);
    }
    // Cancelling through a replica's id cancels the main registration.
    const replicaOfA = await t.prisma.registration.findFirstOrThrow({ where: { eventId: s1.id, replicatedFromId: a.registrationId } });
    const result = await cancelRegistration(t.prisma, { actor: staff }, replicaOfA.id);
    expect(result).toMatchObject({ registrationId: a.registrationId, promotedIds: [b.registrationId] });
    for (const secondary of [s1, s2]) {
      const copies = await t.prisma.registration.findMany({ where: { eventId: secondary.id }, orderBy: { email: "asc" } });
      expect(copies.map((c) => [c.email, c.status])).toEqual([
        ["ra@x.test", "CANCELLED"],
        ["rb@x.test", "REGISTERED"],
      ]);
      expect((await rowsOf(secondary.id)).event).toMatchObject({ registeredCount: 1, reserveCount: 0 });
    }
    // Registering again revives the replicas too.
    await registerForEvent(t.prisma, main.id, publicly("ra@x.test"));
    expect(await t.prisma.registration.findFirstOrThrow({ where: { eventId: s2.id, email: "ra@x.test" } })).toMatchObject({ status: "RESERVE" });
    expect(await t.prisma.emailMessage.count({ where: { to: "rb@x.test", template: "eventPromoted" } })).toBe(1);
  });

  it("copies the existing active registrants into a secondary created later", async () => {
    const main = await createEvent({ seats: 1, reserveSeats: 1 });
    const { actor: staff } = await createActor(t.prisma, Role.STAFF);
    const a = await registerForEvent(t.prisma, main.id, publicly("la@x.test"));
    await registerForEvent(t.prisma, main.id, publicly("lb@x.test"));
    const gone = await registerForEvent(t.prisma, main.id, { source: "STAFF", actor: staff, name: "Gone", email: "gone@x.test" }).catch((e: unknown) => e);
    expect(gone).toMatchObject({ key: "events.errors.full" });
    await cancelRegistration(t.prisma, { actor: staff }, a.registrationId);
    const later = await createEvent({ mainEventId: main.id });
    const copied = await t.prisma.$transaction((tx) => replicateRegistrationsToSecondary(tx, later.id));
    expect(copied).toBe(1);
    const copies = await t.prisma.registration.findMany({ where: { eventId: later.id } });
    expect(copies.map((c) => [c.email, c.status])).toEqual([["lb@x.test", "REGISTERED"]]);
    await expectCountersMatchRows(later.id);
    expect(await t.prisma.$transaction((tx) => replicateRegistrationsToSecondary(tx, main.id))).toBe(0);
  });
});

describe("the event read before the lock", () => {
  it("is the row and relations lockEvent returns (Prisma's include), with and without relations", async () => {
    const place = await t.prisma.eventPlace.create({ data: { name: uniqueTag("Room "), address: "Rua B 2" } });
    const customer = await createCustomer(t.prisma);
    const form = await t.prisma.questionnaireTemplate.create({
      data: { name: uniqueTag("Form "), questions: [{ id: "org", label: "Org", kind: "SHORT_TEXT", required: false }] },
    });
    const full = await createEvent({
      description: "Line 1\nLine 2",
      placeId: place.id,
      customerId: customer.id,
      portalQuestionnaireId: form.id,
      publicQuestionnaireId: form.id,
      workloadHours: "2.50",
      registrationDeadline: new Date("2026-05-30T12:00:00Z"),
      onlineUrl: "https://meet.example/x",
      status: "CONFIRMED",
    });
    const bare = await createEvent();
    for (const event of [full, bare]) {
      const viaPrisma = await t.prisma.$transaction((tx) => lockEvent(tx, event.id));
      expect(await eventRowForEmail(t.prisma, event.id)).toEqual(viaPrisma);
      expect(await publicEventRowForEmail(t.prisma, event.slug)).toEqual(viaPrisma);
    }
    expect(await eventRowForEmail(t.prisma, "00000000-0000-4000-8000-000000000000")).toBeNull();
  });
});

describe("questionnaire answers", () => {
  it("validates against the portal or public questionnaire and stores the question snapshot", async () => {
    const portalForm = await t.prisma.questionnaireTemplate.create({
      data: { name: uniqueTag("Portal form "), questions: [{ id: "size", label: "T-shirt", kind: "SINGLE_CHOICE", options: ["S", "M"], required: true }] },
    });
    const publicForm = await t.prisma.questionnaireTemplate.create({
      data: { name: uniqueTag("Public form "), questions: [{ id: "org", label: "Organization", kind: "SHORT_TEXT", required: true }] },
    });
    const event = await createEvent({ seats: 5, portalQuestionnaireId: portalForm.id, publicQuestionnaireId: publicForm.id });
    const { actor: client } = await createActor(t.prisma, Role.CLIENT);

    const bad = await registerForEvent(t.prisma, event.id, publicly("q@x.test"), { size: "M" }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ValidationError);
    expect((bad as ValidationError).fields).toEqual({ "answers.org": "validation.required" });
    await expect(registerForEvent(t.prisma, event.id, { source: "PORTAL", actor: client }, { size: "XL" })).rejects.toMatchObject({
      fields: { "answers.size": "events.errors.optionNotOffered" },
    });
    expect(await t.prisma.registration.count({ where: { eventId: event.id } })).toBe(0);

    const pub = await registerForEvent(t.prisma, event.id, publicly("q@x.test"), { org: " ACME " });
    const portal = await registerForEvent(t.prisma, event.id, { source: "PORTAL", actor: client }, { size: "S" });
    // Editing the template afterwards changes nothing already answered.
    await t.prisma.questionnaireTemplate.update({
      where: { id: portalForm.id },
      data: { questions: [{ id: "size", label: "Shirt size (new)", kind: "SHORT_TEXT", required: false }] },
    });
    const stored = async (id: string) => (await t.prisma.registration.findUniqueOrThrow({ where: { id } })).answers as unknown as StoredAnswer[];
    expect(await stored(pub.registrationId)).toEqual([
      { question: { id: "org", label: "Organization", kind: "SHORT_TEXT", required: true, options: [] }, value: "ACME" },
    ]);
    expect(await stored(portal.registrationId)).toEqual([
      { question: { id: "size", label: "T-shirt", kind: "SINGLE_CHOICE", required: true, options: ["S", "M"] }, value: "S" },
    ]);
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)("concurrency on PostgreSQL", () => {
  it("100 simultaneous registrations for 10 seats + 5 reserve: 10 registered, 5 reserve, 85 full", { timeout: 120_000 }, async () => {
    const event = await createEvent({ seats: 10, reserveSeats: 5 });
    const { actor: staff } = await createActor(t.prisma, Role.STAFF);
    const emails = Array.from({ length: 100 }, (_, i) => `crowd${i}@x.test`);
    const settled = await Promise.allSettled(emails.map((email) => registerForEvent(t.prisma, event.id, publicly(email))));
    const ok = settled.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
    const refused = settled.flatMap((s) => (s.status === "rejected" ? [s.reason as unknown] : []));
    expect(ok.filter((r) => r.status === "REGISTERED")).toHaveLength(10);
    expect(
      ok
        .filter((r) => r.status === "RESERVE")
        .map((r) => r.reservePosition)
        .sort((x, y) => x! - y!),
    ).toEqual([1, 2, 3, 4, 5]);
    expect(refused).toHaveLength(85);
    expect(refused.every((e) => e instanceof ConflictError && e.key === "events.errors.full")).toBe(true);
    let state = await rowsOf(event.id);
    expect([state.event.registeredCount, state.event.reserveCount, state.registered, state.reserve]).toEqual([10, 5, 10, 5]);
    expect(await t.prisma.emailMessage.count({ where: { to: { in: emails }, template: "eventRegistration" } })).toBe(15);

    // 20 simultaneous cancellations: the 10 registered (7 of them twice, as a
    // double click would) and 3 of the reserves, mixing staff and private links.
    const registered = ok.filter((r) => r.status === "REGISTERED");
    const reserves = ok.filter((r) => r.status === "RESERVE");
    const targets = [...registered, ...registered.slice(0, 7), ...reserves.slice(0, 3)];
    const cancellations = await Promise.all(
      targets.map((r, i) => cancelRegistration(t.prisma, i % 2 ? { actor: staff } : { accessToken: r.accessToken! }, r.registrationId)),
    );
    expect(cancellations.filter((c) => c.alreadyCancelled)).toHaveLength(7);
    const promotedIds = cancellations.flatMap((c) => c.promotedIds);
    expect(new Set(promotedIds).size).toBe(promotedIds.length); // nobody promoted twice
    const reserveIds = new Set(reserves.map((r) => r.registrationId));
    expect(promotedIds.every((id) => reserveIds.has(id))).toBe(true);
    // The 2 reserves nobody cancelled certainly moved up; the 3 cancelled ones may have been promoted first.
    for (const r of reserves.slice(3)) expect(promotedIds).toContain(r.registrationId);
    expect(promotedIds.length).toBeGreaterThanOrEqual(2);
    const promotedEmails = await t.prisma.emailMessage.count({ where: { to: { in: emails }, template: "eventPromoted" } });
    expect(promotedEmails).toBe(promotedIds.length);
    // Each of the 13 cancelled registrants is told once (a repeated click tells nobody), plus one e-mail per promotion.
    expect(await t.prisma.emailMessage.count({ where: { to: { in: emails }, template: "eventCancellation" } })).toBe(13);
    expect(cancellations.flatMap((c) => c.emailIds)).toHaveLength(promotedIds.length + 13);
    state = await rowsOf(event.id);
    expect([state.event.registeredCount, state.event.reserveCount, state.registered, state.reserve, state.cancelled]).toEqual([2, 0, 2, 0, 13]);

    // The freed seats fill again under the same race, never beyond seats + reserve.
    const wave = Array.from({ length: 30 }, (_, i) => `wave${i}@x.test`);
    const second = await Promise.allSettled(wave.map((email) => registerForEvent(t.prisma, event.id, publicly(email))));
    expect(second.filter((s) => s.status === "fulfilled")).toHaveLength(13);
    state = await rowsOf(event.id);
    expect([state.event.registeredCount, state.event.reserveCount, state.registered, state.reserve]).toEqual([10, 5, 10, 5]);
  });
});
