// Check-in at the door: a registration's code records attendance as the join
// link does (so certificates follow); a duplicate says when the person was
// checked in; a resend of the same scan is answered as the first and counted
// once; a code of another event, of a reserve or of an unconfirmed sign-up is
// refused; only staff who may change the event check people in. Also the code
// itself (unguessable, lenient to typing) and where registrants see it.
import { randomUUID } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { setClock } from "@/lib/clock";
import { drainOutbox, type EmailTransport, type OutgoingEmail } from "@/lib/email";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { issueCertificates } from "@/lib/events/certificates/issue";
import { checkInCode, checkInSecret, parseCheckInCode, prismaSecretStore } from "@/lib/events/check-in-code";
import { checkInQrPng } from "@/lib/events/check-in-qr";
import { checkIn, checkInCodeByToken, checkInList, myCheckInCode } from "@/lib/events/check-in";
import { certificateState } from "@/lib/events/participants";
import { registerForEvent } from "@/lib/events/registration";
import { hashAccessToken } from "@/lib/events/seat-lock";
import type { Prisma } from "@/lib/generated/prisma/client";
import { createActor, uniqueTag } from "../helpers/factories";
import { MemoryStorage } from "../helpers/memory-storage";
import { withTestDatabase } from "../helpers/db-test";
import { backend } from "../helpers/test-db";

const t = withTestDatabase();
let admin: Actor;
let staff: Actor;
let otherStaff: Actor;
let client: Actor;
let typeId: string;
let templateId: string;
const start = new Date("2026-06-10T12:00:00Z");
const end = new Date("2026-06-10T15:00:00Z");
const during = new Date("2026-06-10T12:12:00Z");

async function eventWith(overrides: Partial<Prisma.EventUncheckedCreateInput> = {}) {
  const tag = uniqueTag("ev");
  return t.prisma.event.create({
    data: {
      name: `Course ${tag}`,
      slug: tag,
      startsAt: start,
      endsAt: end,
      timeZone: "UTC",
      typeId,
      seats: 10,
      certificateTemplateId: templateId,
      ...overrides,
    },
  });
}
async function registration(eventId: string, data: Partial<Prisma.RegistrationUncheckedCreateInput> = {}) {
  return t.prisma.registration.create({
    data: { eventId, name: `Ana ${uniqueTag()}`, email: `${uniqueTag()}@x.test`, status: "REGISTERED", source: "STAFF", cpf: "52998224725", ...data },
  });
}
async function codeOf(event: { number: number }, registrationId: string) {
  return checkInCode(await checkInSecret(prismaSecretStore(t.prisma)), event.number, registrationId);
}
const scan = (code: string, scanId = randomUUID(), scannedAt?: Date) => ({ scanId, code, ...(scannedAt ? { scannedAt: scannedAt.toISOString() } : {}) });
const attendedAt = async (id: string) => (await t.prisma.registration.findUniqueOrThrow({ where: { id } })).attendedAt;

beforeAll(async () => {
  admin = (await createActor(t.prisma, "ADMIN")).actor;
  staff = (await createActor(t.prisma, "STAFF")).actor;
  otherStaff = (await createActor(t.prisma, "STAFF")).actor;
  client = (await createActor(t.prisma, "CLIENT")).actor;
  typeId = (await t.prisma.eventType.create({ data: { name: "Course" } })).id;
  templateId = (
    await t.prisma.certificateTemplate.create({
      data: { name: uniqueTag("tpl"), title: "Certificate", body: "{participant} attended {event}.", signerName: "Maria", signerRole: "Director" },
    })
  ).id;
});
afterEach(() => setClock(null));

describe("check-in codes", () => {
  it("differ per registration, carry the event number and are read leniently", async () => {
    const event = await eventWith();
    const [a, b] = [await registration(event.id), await registration(event.id)];
    const [codeA, codeB] = [await codeOf(event, a.id), await codeOf(event, b.id)];
    expect(codeA).toMatch(new RegExp(`^${event.number}-[A-Z2-9]{10}$`));
    expect(codeA).not.toBe(codeB);
    // Not derivable from the id without the secret: another secret gives another code.
    expect(checkInCode("another secret", event.number, a.id)).not.toBe(codeA);
    expect(parseCheckInCode(` ${codeA.toLowerCase().replace("-", " - ")} `)).toEqual(parseCheckInCode(codeA));
    expect(parseCheckInCode("hello")).toBeNull();
    expect(parseCheckInCode("ABCDEFGHJK")).toBeNull();
  });

  it("is shown to the registrant only for a seat: portal user by id, public registrant by private link", async () => {
    const event = await eventWith();
    const mine = await registration(event.id, { userId: client.userId, source: "PORTAL" });
    const reserve = await registration(event.id, { userId: client.userId, source: "PORTAL", status: "RESERVE" });
    const token = uniqueTag("token");
    const pub = await registration(event.id, { source: "PUBLIC", accessTokenHash: hashAccessToken(token) });
    expect(await myCheckInCode(t.prisma, client, mine.id)).toBe(await codeOf(event, mine.id));
    expect(await myCheckInCode(t.prisma, client, reserve.id)).toBeNull();
    expect(await myCheckInCode(t.prisma, client, pub.id)).toBeNull();
    expect(await checkInCodeByToken(t.prisma, token)).toBe(await codeOf(event, pub.id));
    expect(await checkInCodeByToken(t.prisma, "wrong")).toBeNull();
    // Held (not yet confirmed) public sign-ups have no seat to show yet.
    await t.prisma.registration.update({ where: { id: pub.id }, data: { hold: "HELD", holdExpiresAt: end } });
    expect(await checkInCodeByToken(t.prisma, token)).toBeNull();
  });
});

describe("the confirmation e-mail", () => {
  it("carries the code in its text and as an attached QR image; a reserve's carries none", async () => {
    const event = await eventWith({
      seats: 1,
      reserveSeats: 1,
      status: "OPEN",
      startsAt: new Date(Date.now() + 86_400_000),
      endsAt: new Date(Date.now() + 90_000_000),
    });
    const seat = await registerForEvent(t.prisma, event.id, { source: "STAFF", actor: admin, name: "Ana", email: `${uniqueTag()}@x.test` });
    const reserve = await registerForEvent(t.prisma, event.id, { source: "STAFF", actor: admin, name: "Bia", email: `${uniqueTag()}@x.test` });
    expect([seat.status, reserve.status]).toEqual(["REGISTERED", "RESERVE"]);
    const sent: OutgoingEmail[] = [];
    const transport: EmailTransport = { name: "test", concurrency: 4, send: async (m) => (sent.push(m), { providerId: m.id }) };
    await drainOutbox(t.sql, transport);
    const code = await codeOf(event, seat.registrationId);
    const toSeat = sent.find((m) => m.id === seat.emailIds[0])!;
    expect(toSeat.text).toContain(code);
    const png = toSeat.attachments!.find((a) => a.contentType === "image/png")!;
    expect(png.fileName).toBe(`check-in-${event.number}.png`);
    expect(Buffer.from(png.content).equals(Buffer.from(await checkInQrPng(code)))).toBe(true);
    // The event's .ics is still there.
    expect(toSeat.attachments!.map((a) => a.contentType)).toContain("text/calendar; charset=utf-8");
    const toReserve = sent.find((m) => m.id === reserve.emailIds[0])!;
    expect(toReserve.attachments!.some((a) => a.contentType === "image/png")).toBe(false);
  });
});

describe("checking in", () => {
  it("records attendance like the join link, so the certificate follows; a duplicate says when", async () => {
    const event = await eventWith();
    const [ana, bia] = [await registration(event.id), await registration(event.id)];
    setClock(during);
    const first = await checkIn(t.prisma, staff, event.id, scan(await codeOf(event, ana.id)));
    expect(first).toEqual({ result: "checkedIn", name: ana.name, status: "REGISTERED", attendedAt: during.toISOString() });
    expect(await attendedAt(ana.id)).toEqual(during);
    expect(certificateState({ status: "REGISTERED", attendedAt: await attendedAt(ana.id), certificateIssuedAt: null, cpfRequestedAt: null })).toBe("pending");

    setClock(new Date(during.getTime() + 20 * 60_000));
    const again = await checkIn(t.prisma, staff, event.id, scan(await codeOf(event, ana.id)));
    expect(again).toEqual({ result: "alreadyCheckedIn", name: ana.name, status: "REGISTERED", attendedAt: during.toISOString() });
    expect(await attendedAt(ana.id)).toEqual(during);

    // After the end the daily run issues the checked-in participant's certificate only.
    setClock(new Date(end.getTime() + 3600_000));
    await issueCertificates(t.prisma, { storage: new MemoryStorage(), eventId: event.id });
    expect(await t.prisma.certificate.count({ where: { registrationId: ana.id } })).toBe(1);
    expect(await t.prisma.certificate.count({ where: { registrationId: bia.id } })).toBe(0);
  });

  it("answers a resend of the same scan as the first time and counts it once", async () => {
    const event = await eventWith();
    const ana = await registration(event.id);
    const same = scan(await codeOf(event, ana.id), randomUUID(), during);
    setClock(new Date(during.getTime() + 5 * 60_000));
    const first = await checkIn(t.prisma, staff, event.id, same);
    // The queued scan's own time is kept (it was made before the network came back).
    expect(first).toMatchObject({ result: "checkedIn", attendedAt: during.toISOString() });
    const resent = await checkIn(t.prisma, staff, event.id, same);
    expect(resent).toEqual(first);
    expect(await t.prisma.checkInScan.count({ where: { registrationId: ana.id } })).toBe(1);
    // A new scan of the same code is a duplicate, and is kept as such.
    expect(await checkIn(t.prisma, staff, event.id, scan(same.code))).toMatchObject({ result: "alreadyCheckedIn" });
    expect(await t.prisma.checkInScan.findMany({ where: { registrationId: ana.id }, select: { recorded: true }, orderBy: { createdAt: "asc" } })).toEqual([
      { recorded: true },
      { recorded: false },
    ]);
  });

  it("believes a scan's own time only within a day and never in the future", async () => {
    const event = await eventWith();
    const [ana, bia] = [await registration(event.id), await registration(event.id)];
    setClock(during);
    await checkIn(t.prisma, staff, event.id, scan(await codeOf(event, ana.id), randomUUID(), new Date(during.getTime() + 3600_000)));
    expect(await attendedAt(ana.id)).toEqual(during);
    await checkIn(t.prisma, staff, event.id, scan(await codeOf(event, bia.id), randomUUID(), new Date(during.getTime() - 2 * 86_400_000)));
    expect(await attendedAt(bia.id)).toEqual(during);
  });

  it("refuses a code of another event, saying which, and records nothing", async () => {
    const [event, other] = [await eventWith(), await eventWith()];
    const stranger = await registration(other.id);
    setClock(during);
    expect(await checkIn(t.prisma, staff, event.id, scan(await codeOf(other, stranger.id)))).toEqual({ result: "otherEvent", eventNumber: other.number });
    // Another event's registration with this event's number in front is just unknown.
    expect(await checkIn(t.prisma, staff, event.id, scan(await codeOf(event, stranger.id)))).toEqual({ result: "unknownCode" });
    expect(await checkIn(t.prisma, staff, event.id, scan("not a code"))).toEqual({ result: "unknownCode" });
    expect(await attendedAt(stranger.id)).toBeNull();
    expect(await t.prisma.checkInScan.count({ where: { eventId: event.id } })).toBe(0);
  });

  it("refuses reserves, cancelled registrations, unconfirmed sign-ups and cancelled events", async () => {
    const event = await eventWith();
    const reserve = await registration(event.id, { status: "RESERVE" });
    const cancelled = await registration(event.id, { status: "CANCELLED", cancelledAt: start });
    const held = await registration(event.id, { source: "PUBLIC", hold: "HELD", holdExpiresAt: end });
    setClock(during);
    expect(await checkIn(t.prisma, staff, event.id, scan(await codeOf(event, reserve.id)))).toEqual({
      result: "notRegistered",
      name: reserve.name,
      status: "RESERVE",
    });
    expect(await checkIn(t.prisma, staff, event.id, scan(await codeOf(event, cancelled.id)))).toMatchObject({ result: "notRegistered", status: "CANCELLED" });
    expect(await checkIn(t.prisma, staff, event.id, scan(await codeOf(event, held.id)))).toEqual({ result: "notConfirmed", name: held.name });
    const off = await eventWith({ status: "CANCELLED" });
    const r = await registration(off.id);
    expect(await checkIn(t.prisma, staff, off.id, scan(await codeOf(off, r.id)))).toEqual({ result: "eventCancelled" });
    for (const id of [reserve.id, cancelled.id, held.id, r.id]) expect(await attendedAt(id)).toBeNull();
  });

  it("lets only staff who may change the event check people in", async () => {
    const event = await eventWith({ responsibleId: staff.userId });
    const ana = await registration(event.id);
    const code = await codeOf(event, ana.id);
    setClock(during);
    await expect(checkIn(t.prisma, otherStaff, event.id, scan(code))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(checkIn(t.prisma, client, event.id, scan(code))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(checkInList(t.prisma, otherStaff, event.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(checkIn(t.prisma, staff, randomUUID(), scan(code))).rejects.toBeInstanceOf(NotFoundError);
    expect(await attendedAt(ana.id)).toBeNull();
    // The responsible person and admins may.
    expect(await checkIn(t.prisma, staff, event.id, scan(code))).toMatchObject({ result: "checkedIn" });
    expect(await checkIn(t.prisma, admin, event.id, scan(code))).toMatchObject({ result: "alreadyCheckedIn" });
  });

  it("accepts the main event's code at a session and records the session's attendance", async () => {
    const main = await eventWith();
    const session = await eventWith({ mainEventId: main.id, startsAt: new Date(start.getTime() + 86_400_000), endsAt: new Date(end.getTime() + 86_400_000) });
    const ana = await registration(main.id);
    const copy = await registration(session.id, { name: ana.name, email: ana.email, replicatedFromId: ana.id });
    setClock(new Date(session.startsAt.getTime() + 60_000));
    expect(await checkIn(t.prisma, staff, session.id, scan(await codeOf(main, ana.id)))).toMatchObject({ result: "checkedIn", name: ana.name });
    expect(await attendedAt(copy.id)).not.toBeNull();
    expect(await attendedAt(ana.id)).toBeNull();
    // The printable list of the session shows the code the person holds.
    const { rows } = await checkInList(t.prisma, staff, session.id);
    expect(rows).toEqual([expect.objectContaining({ id: copy.id, code: await codeOf(main, ana.id) })]);
  });

  it.skipIf(backend !== "postgres")("counts one scan sent twice at the same moment once (PostgreSQL)", async () => {
    const event = await eventWith();
    const ana = await registration(event.id);
    const same = scan(await codeOf(event, ana.id));
    setClock(during);
    const answers = await Promise.all([checkIn(t.prisma, staff, event.id, same), checkIn(t.prisma, staff, event.id, same)]);
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[0]).toMatchObject({ result: "checkedIn" });
    expect(await t.prisma.checkInScan.count({ where: { registrationId: ana.id } })).toBe(1);
  });
});
